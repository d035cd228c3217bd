/**
 * Small, deterministic SVG charts: a scatter of points on linear or log10 axes with ticks and labelled axes, a
 * Pareto front drawn as a step line, one marked point and dashed budget lines ({@link
 * io.github.srhls.core.plot.Chart}, written by {@link io.github.srhls.core.plot.SvgChart}). The same chart gives the
 * same bytes on every machine: numbers are formatted without the locale, coordinates are rounded to 1/100 pixel,
 * text uses the generic {@code sans-serif} font, and no non-finite number is ever written.
 *
 * <p>In the pipeline: beside it, at the bottom; it knows nothing of models or costs. The report layer turns
 * {@code pareto.json} into charts ({@link io.github.srhls.core.report.ParetoPlots}).
 *
 * <p>May use (layer 0 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): no other package of sr-hls.
 */
package io.github.srhls.core.plot;
