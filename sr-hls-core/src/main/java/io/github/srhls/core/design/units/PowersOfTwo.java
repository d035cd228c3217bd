package io.github.srhls.core.design.units;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.List;

/**
 * The small tables of powers of two that exp, log and the roots reduce their arguments with, and the priority
 * encoder that finds a value's exponent among them.
 */
final class PowersOfTwo {
  private PowersOfTwo() {}

  /** 2^(first + step j) for j = 0 to count - 1, exact in the narrowest unsigned type that holds them all. */
  static List<Fixed> of(int first, int step, int count) {
    int last = first + step * (count - 1);
    int lo = Math.min(first, last);
    int hi = Math.max(first, last);
    FixedType type = FixedType.ufixed(hi - lo + 1, hi + 1);
    List<Fixed> powers = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      powers.add(Fixed.fromDouble(Math.scalb(1.0, first + step * j), type));
    }
    return powers;
  }

  /**
   * The priority encoder: the largest e with x >= 2^e, given the ascending powers 2^e from e = minExponent, or
   * minExponent where x is below them all.
   */
  static int exponent(Fixed x, List<Fixed> powers, int minExponent) {
    for (int j = powers.size() - 1; j > 0; j--) {
      if (x.compareTo(powers.get(j)) >= 0) {
        return minExponent + j;
      }
    }
    return minExponent;
  }
}
