package io.github.srhls.core.toolchain.yosys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What open synthesis found for one model: section {@code openSynthesis} of report.json. Counts are of the cells
 * Yosys mapped to, labelled with the tool, and are not Vivado's figures (Yosys maps differently and typically
 * reports more LUTs for the same logic).
 *
 * @param tool {@code Yosys}
 * @param version as the program printed it
 * @param family the {@code synth_xilinx -family} the cells are of, e.g. {@code xcup}
 * @param top the synthesised top module
 * @param lut LUTs of logic (the sum of {@code lutBySize})
 * @param lutBySize LUT1 … LUT6; Yosys's inverter cells (INV) count as LUT1, as Vivado implements them
 * @param lutram LUTs used as memory (distributed RAM, shift registers), in LUT sites
 * @param ff flip-flops
 * @param carry carry-chain primitives (CARRY4/CARRY8)
 * @param dsp DSP slices (DSP48E2)
 * @param bram18k block RAM in 18 Kb blocks (a RAMB36E2 counts two)
 * @param cells every cell type Yosys used and its count
 * @param seconds Yosys's run time; null, and left out, in the packaged copy ({@link #withoutTimings()})
 */
@JsonPropertyOrder({"tool", "version", "family", "top", "lut", "lutBySize", "lutram", "ff", "carry", "dsp", "bram18k",
    "cells", "seconds"})
public record OpenSynthesisReport(
    String tool,
    String version,
    String family,
    String top,
    long lut,
    Map<String, Long> lutBySize,
    long lutram,
    long ff,
    long carry,
    long dsp,
    long bram18k,
    Map<String, Long> cells,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double seconds) {

  /** The tool's name in the report and in messages. */
  public static final String TOOL = "Yosys";

  public OpenSynthesisReport {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(top, "top");
    lutBySize = Collections.unmodifiableMap(new TreeMap<>(lutBySize));
    cells = Collections.unmodifiableMap(new TreeMap<>(cells));
  }

  /** The section for the cells of one run. */
  public static OpenSynthesisReport of(Yosys yosys, String family, String top, CellCounts counts, double seconds) {
    return new OpenSynthesisReport(TOOL, yosys.version(), family, top, counts.lut(), counts.lutBySize(),
        counts.lutram(), counts.ff(), counts.carry(), counts.dsp(), counts.bram18k(), counts.cells(),
        Math.round(seconds * 1000) / 1000.0);
  }

  /** The same section without the run time: what two builds of the same RTL agree on byte for byte. */
  public OpenSynthesisReport withoutTimings() {
    return new OpenSynthesisReport(tool, version, family, top, lut, lutBySize, lutram, ff, carry, dsp, bram18k, cells,
        null);
  }

  /** The tool as messages name it: {@code Yosys 0.23 (git sha1 7ce5011c24b)}. */
  public String describeTool() {
    return tool + " " + version;
  }
}
