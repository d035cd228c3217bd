package io.github.srhls.core.backend.hls;

import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Quantization;

/**
 * Conversions the vendor's C++ cannot perform as written, and the equivalent text the emitter writes instead. The
 * vendor's fixed-point assignment reads the rounding bit (weight 2^-(F+1) of the target) as a bit of the source's
 * code and aborts when that bit lies above the source's most significant bit: F2 - F > W2, which is I2 < -F, for
 * example a value of ap_fixed<16,6> rounded into ap_fixed<6,14,AP_RND,AP_SAT>. Its meaning is still plain (the
 * bit is a copy of the sign), so the source is first widened, exactly, to the same fractional bits and enough
 * integer bits that the rounding bit exists. Our headers refuse the direct form at compile time, so a generated
 * project that still contained one would not build.
 */
final class RoundingSources {
  private RoundingSources() {}

  /** Whether the vendor's assignment of a {@code source} value to {@code target} reads a bit beyond the source. */
  static boolean readsPastSource(FixedType source, FixedType target) {
    Quantization q = target.quantization();
    boolean readsRoundingBit = q != Quantization.AP_TRN && !(q == Quantization.AP_TRN_ZERO && !source.signed());
    return !target.integer() && readsRoundingBit
        && (long) source.fracBits() - target.fracBits() > source.width();
  }

  /**
   * {@code expr} (a value of {@code source}) as an argument of a conversion to {@code target}: unchanged, or widened
   * to {@code ap_[u]fixed<F2 - F, -F>} where the direct conversion would read past the source.
   */
  static String argument(String expr, FixedType source, FixedType target) {
    if (!readsPastSource(source, target)) {
      return expr;
    }
    int width = source.fracBits() - target.fracBits();
    return FixedType.intermediate(source.signed(), width, width - source.fracBits()).cpp() + "(" + expr + ")";
  }
}
