package io.github.srhls.core.toolchain.yosys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The cells a synthesised design uses, by type, as Yosys's {@code stat -json} counts them, and what they add up to
 * in the resources a Vivado utilisation report names. Cell types of the AMD families Yosys maps to (UltraScale+
 * first; the 7-series names too, since {@code synth_xilinx} shares its cell library): LUT1 … LUT6 (and INV, a LUT1
 * to Vivado), the flip-flops
 * FDRE/FDSE/FDCE/FDPE (and latches), CARRY4/CARRY8, DSP48E1/DSP48E2, RAMB18/RAMB36, LUT RAM and shift registers.
 *
 * @param cells every cell type and its count, sorted by name; nothing is dropped, so what is not classified (BUFG,
 *     MUXF7, ...) is still in the report
 */
public record CellCounts(Map<String, Long> cells) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** LUTs; INV is Yosys's inverter cell, which Vivado implements (and reports) as a LUT1. */
  private static final Pattern LUT = Pattern.compile("LUT[1-6]|INV");
  private static final Pattern FF = Pattern.compile("FD[RSCP]E(_1)?|FD[RSCP]?(_1)?|LD[CP]E?(_1)?");
  private static final Pattern CARRY = Pattern.compile("CARRY4|CARRY8");
  private static final Pattern DSP = Pattern.compile("DSP48E[12]?|DSP48A1|DSP48|DSP58");
  private static final Pattern BRAM18 = Pattern.compile("RAMB18(E1|E2)?|RAMB16(BWER)?|RAMB18SDP");
  private static final Pattern BRAM36 = Pattern.compile("RAMB36(E1|E2)?|RAMB36SDP");
  /**
   * LUT sites taken by each distributed-RAM and shift-register primitive (UG574, the UltraScale CLB guide), so that
   * LUT RAM counts like Vivado's "LUT as Memory".
   */
  private static final Map<String, Integer> LUTRAM_SITES = Map.ofEntries(
      Map.entry("RAM32X1S", 1), Map.entry("RAM32X1D", 2), Map.entry("RAM32M", 4), Map.entry("RAM32M16", 8),
      Map.entry("RAM64X1S", 1), Map.entry("RAM64X1D", 2), Map.entry("RAM64M", 4), Map.entry("RAM64M8", 8),
      Map.entry("RAM128X1S", 2), Map.entry("RAM128X1D", 4), Map.entry("RAM256X1S", 4), Map.entry("RAM256X1D", 8),
      Map.entry("RAM512X1S", 8), Map.entry("SRL16E", 1), Map.entry("SRLC16E", 1), Map.entry("SRLC32E", 1));

  public CellCounts {
    cells = Collections.unmodifiableMap(new TreeMap<>(cells));
  }

  /**
   * The counts of {@code stat -json}'s output for the design whose top is {@code top}: its {@code design} section
   * (the whole hierarchy), else the top module's own.
   *
   * @throws SrHlsException when the file cannot be read or holds no statistics of that module
   */
  public static CellCounts read(Path statJson, String top) {
    JsonNode root;
    try {
      root = JSON.readTree(statJson.toFile());
    } catch (JsonProcessingException e) {
      throw new SrHlsException("cannot read Yosys's statistics " + statJson + ": " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr()), e);
    } catch (IOException e) {
      throw new SrHlsException("cannot read Yosys's statistics " + statJson + ": " + e.getMessage(), e);
    }
    JsonNode counts = root == null ? null : root.path("design").get("num_cells_by_type");
    if (counts == null && root != null) {
      counts = root.path("modules").path("\\" + top).get("num_cells_by_type");
    }
    if (counts == null || !counts.isObject()) {
      throw new SrHlsException(statJson + " holds no cell counts of module " + top + " (no design or modules.\"\\\\"
          + top + "\".num_cells_by_type); the Yosys script did not synthesise it");
    }
    Map<String, Long> cells = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().canConvertToLong() || e.getValue().asLong() < 0) {
        throw new SrHlsException(statJson + ": the count of " + e.getKey() + " is not a number: " + e.getValue());
      }
      cells.put(e.getKey(), e.getValue().asLong());
    }
    return new CellCounts(cells);
  }

  /** LUT1 … LUT6 and their counts, all six, in size order; inverters (INV) count as LUT1. */
  public Map<String, Long> lutBySize() {
    Map<String, Long> bySize = new TreeMap<>();
    for (int size = 1; size <= 6; size++) {
      bySize.put("LUT" + size, cells.getOrDefault("LUT" + size, 0L));
    }
    bySize.merge("LUT1", cells.getOrDefault("INV", 0L), Long::sum);
    return Collections.unmodifiableMap(bySize);
  }

  /** LUTs of logic. */
  public long lut() {
    return sum(LUT);
  }

  /** Flip-flops and latches. */
  public long ff() {
    return sum(FF);
  }

  /** Carry-chain primitives. */
  public long carry() {
    return sum(CARRY);
  }

  public long dsp() {
    return sum(DSP);
  }

  /** Block RAM in 18 Kb halves, like the vendor's BRAM_18K: a RAMB36 is two. */
  public long bram18k() {
    return sum(BRAM18) + 2 * sum(BRAM36);
  }

  /** LUTs used as memory: distributed RAM and shift registers, in LUT sites. */
  public long lutram() {
    long sites = 0;
    for (Map.Entry<String, Long> e : cells.entrySet()) {
      sites += LUTRAM_SITES.getOrDefault(e.getKey(), 0) * e.getValue();
    }
    return sites;
  }

  private long sum(Pattern type) {
    long n = 0;
    for (Map.Entry<String, Long> e : cells.entrySet()) {
      if (type.matcher(e.getKey()).matches()) {
        n += e.getValue();
      }
    }
    return n;
  }
}
