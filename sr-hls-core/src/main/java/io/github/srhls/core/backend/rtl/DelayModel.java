package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.diag.SrHlsException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How long the primitive operations take on the target family, for placing pipeline registers. Yosys has no timing
 * model for AMD parts, so the latency in cycles is ours and the clock it meets comes from these figures. They are
 * estimates from AMD's published switching characteristics (DS923 for UltraScale+, speed grade -2) and typical
 * routing, on the pessimistic side: a pipeline that meets them in this model has slack in Vivado's.
 *
 * @param family Yosys's name for the family ({@code synth_xilinx -family})
 * @param lutNs one level of LUT6 logic with its input routing
 * @param carryEntryNs into and out of a carry chain, with routing
 * @param carryPerBitNs added per bit of a carry chain (CARRY8: eight bits per primitive)
 * @param registerNs clock to output of a flip-flop plus setup of the next, the overhead of every stage
 * @param dspNs a DSP48E2 product through its combinational path (no internal registers)
 * @param dspRegisteredNs a DSP48E2 product with its input and product registers: from the last internal register
 * @param bramNs a block-RAM read: clock to output of its output register
 */
public record DelayModel(String family, double lutNs, double carryEntryNs, double carryPerBitNs, double registerNs,
    double dspNs, double dspRegisteredNs, double bramNs) {

  /** Widest product operands of one DSP48E2: 27 x 18 signed bits. */
  public static final int DSP_A_BITS = 27;
  public static final int DSP_B_BITS = 18;

  private static final Pattern ULTRASCALE_PLUS = Pattern.compile(
      "(xcvu\\d+p|xcku\\d+p|xcau\\d+p|xczu\\d+\\w*|xcu\\d+\\w*|xck26|xqzu\\d+\\w*|xqvu\\d+p|xqku\\d+p)(-.*)?");

  /** UltraScale+, speed grade -2. */
  public static final DelayModel ULTRASCALE_PLUS_2 = new DelayModel("xcup", 0.45, 0.5, 0.03, 0.25, 2.6, 1.1, 1.0);

  /**
   * The model for a part, or a clear error naming {@code target.part} and the families supported.
   *
   * @param where the model file's position of the key, for the message
   */
  public static DelayModel forPart(String part, String where) {
    String p = part.toLowerCase(Locale.ROOT).strip();
    if (ULTRASCALE_PLUS.matcher(p).matches()) {
      return ULTRASCALE_PLUS_2;
    }
    throw new SrHlsException(where + ": target.part " + part + " is of a family the RTL delay model does not know; "
        + "supported: UltraScale+ (xcvu…p, xcku…p, xcau…p, xczu…, Alveo xcu…, e.g. xcvu9p-flga2577-2-e). "
        + "Choose such a part, or turn the RTL back end off");
  }

  /** An adder, subtractor or comparator of {@code bits} on the carry chain. */
  public double carryChain(int bits) {
    return carryEntryNs + carryPerBitNs * bits;
  }

  /** {@code levels} levels of LUT logic (a multiplexer of 4 inputs per LUT6, a 6-input function). */
  public double luts(int levels) {
    return lutNs * levels;
  }
}
