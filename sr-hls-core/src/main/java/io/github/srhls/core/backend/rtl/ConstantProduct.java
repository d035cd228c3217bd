package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a product by a constant is built, chosen before any cell exists so that the cost estimate can read the same
 * choice: the constant's code in canonical signed digits (no two adjacent nonzero digits, the fewest nonzero digits
 * of any signed-digit form), each digit a shifted copy of the variable added or subtracted. A zero constant is a
 * constant, a positive power of two a shift; otherwise the adder graph costs {@code adders} carry chains of the
 * product's width (one LUT per bit on UltraScale+), and it is used when that is no more than the DSP48E2s the
 * product would take, each counted as {@link #LUTS_PER_DSP} LUTs.
 *
 * @param constant the constant, of its own type
 * @param implementation what is built
 * @param digits the nonzero canonical signed digits of the constant's code, lowest first
 * @param adders adders and subtractors of the adder graph (a lone negative digit counts one negation)
 * @param adderBits {@code adders} times the product's width: the LUT cost of the adder graph
 * @param dsps DSP48E2s a DSP product would take
 */
public record ConstantProduct(Fixed constant, Implementation implementation, List<Digit> digits, int adders,
    int adderBits, int dsps) {

  /**
   * One DSP48E2 against LUTs: the LUT-to-DSP ratio of the UltraScale+ parts, e.g. the VU9P's 1,182,240 LUTs to its
   * 6,840 DSP slices (DS890), so that either resource runs out at the same design size.
   */
  public static final int LUTS_PER_DSP = 173;

  /** What the model file may ask for; the default chooses by cost. */
  public enum Strategy { AUTO, SHIFT_ADD, DSP }

  /** What is built: nothing but a constant, wiring, an adder graph or DSP48E2s. */
  public enum Implementation { ZERO, SHIFT, SHIFT_ADD, DSP }

  /** A nonzero digit: {@code +-2^shift} in units of the constant's LSB. */
  public record Digit(int shift, boolean negative) {}

  public ConstantProduct {
    digits = List.copyOf(digits);
  }

  /**
   * The plan for {@code a * c}. A zero constant or a positive power of two is wiring whatever the strategy; forced
   * {@code SHIFT_ADD} or {@code DSP} is taken otherwise, AUTO compares the costs above (ties to the adder graph).
   */
  public static ConstantProduct plan(FixedType a, Fixed c, Strategy strategy) {
    List<Digit> digits = csd(c.raw());
    int width = a.width() + c.type().width();
    long negatives = digits.stream().filter(Digit::negative).count();
    int adders = digits.isEmpty() ? 0 : negatives == digits.size() ? digits.size() : digits.size() - 1;
    int adderBits = adders * width;
    int dsps = Products.dspCount(Products.signedWidth(a), Products.signedWidth(c.type()));
    Implementation impl;
    if (digits.isEmpty()) {
      impl = Implementation.ZERO;
    } else if (adders == 0) {
      impl = Implementation.SHIFT;
    } else {
      impl = switch (strategy) {
        case SHIFT_ADD -> Implementation.SHIFT_ADD;
        case DSP -> Implementation.DSP;
        case AUTO -> adderBits <= (long) dsps * LUTS_PER_DSP ? Implementation.SHIFT_ADD : Implementation.DSP;
      };
    }
    return new ConstantProduct(c, impl, digits, adders, adderBits, dsps);
  }

  /** The canonical signed digits of {@code n}: at each odd remainder the digit is 2 - (n mod 4), so +1 or -1. */
  static List<Digit> csd(BigInteger n) {
    List<Digit> digits = new ArrayList<>();
    BigInteger four = BigInteger.valueOf(4);
    for (int k = 0; n.signum() != 0; k++) {
      if (n.testBit(0)) {
        boolean negative = n.mod(four).intValue() == 3;
        digits.add(new Digit(k, negative));
        n = negative ? n.add(BigInteger.ONE) : n.subtract(BigInteger.ONE);
      }
      n = n.shiftRight(1);
    }
    return digits;
  }
}
