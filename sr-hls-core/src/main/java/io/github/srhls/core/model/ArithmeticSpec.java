package io.github.srhls.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code arithmetic} section: how the RTL back end builds what it has a choice about.
 *
 * @param constantMultiplication how products by a constant are built
 */
public record ArithmeticSpec(ConstantMultiplication constantMultiplication) {

  /** How a product by a constant is built. */
  public enum ConstantMultiplication {
    /** Whichever is cheaper: an adder graph of the constant's signed digits uses LUTs, a DSP48E2 saves them. */
    AUTO("auto"),
    /** Always the adder graph (shifts and adds in LUTs and carry chains): no DSP slice. */
    SHIFT_ADD("shift-add"),
    /** Always DSP48E2 slices (a zero or a positive power of two stays wiring, whatever the choice). */
    DSP("dsp");

    private final String word;

    ConstantMultiplication(String word) {
      this.word = word;
    }

    /** The word the model file writes. */
    public String word() {
      return word;
    }

    static List<String> words() {
      return Arrays.stream(values()).map(ConstantMultiplication::word).toList();
    }
  }

  public ArithmeticSpec {
    Objects.requireNonNull(constantMultiplication, "constantMultiplication");
  }

  /** Everything chosen by cost. */
  public static ArithmeticSpec defaults() {
    return new ArithmeticSpec(ConstantMultiplication.AUTO);
  }
}
