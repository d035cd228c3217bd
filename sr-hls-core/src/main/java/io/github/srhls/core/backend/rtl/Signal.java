package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.FixedType;

/**
 * A value of the datapath: a Verilog vector holding the raw two's-complement (or unsigned) bits of a fixed-point
 * value. Integer-valued helpers (a table index, an exponent) are fixed-point types without fraction bits.
 *
 * @param name the Verilog identifier, unique in the module
 * @param type what the bits mean: width, signedness and binary point
 */
public record Signal(String name, FixedType type) {

  public int width() {
    return type.width();
  }

  public boolean signed() {
    return type.signed();
  }

  /** {@code signed [W-1:0]} or {@code [W-1:0]}: what follows {@code wire} or {@code reg} in a declaration. */
  public String range() {
    return (signed() ? "signed " : "") + "[" + (width() - 1) + ":0]";
  }
}
