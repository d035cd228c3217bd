package io.github.srhls.core.explore;

import java.nio.file.Path;

/**
 * Draws the trade-off plots of one explored model beside its {@code pareto.json} (SVG: loss against LUT, DSP and
 * latency per output, and the model-level front of combinations). {@code sr-hls:explore} calls it once per model
 * after writing the file; the drawing itself reads only the file.
 */
@FunctionalInterface
public interface PlotWriter {
  /** Draws nothing. */
  PlotWriter NONE = paretoJson -> {};

  /**
   * @param paretoJson the {@code pareto.json} just written; the plots go into its directory
   */
  void draw(Path paretoJson);
}
