package io.github.srhls.core.fixed;

import java.util.Random;

/** Random fixed-point types for the property tests: every quantization and overflow mode, N saturation bits. */
public final class RandomTypes {
  private RandomTypes() {}

  /**
   * A type of width w: one in {@code apIntOneIn} an ap_int/ap_uint, else integer bits from {@code -below} to
   * {@code w + above - 1} and random modes (AP_WRAP_SM is signed only).
   */
  public static FixedType of(Random random, boolean signed, int w, int apIntOneIn, int below, int above) {
    if (random.nextInt(apIntOneIn) == 0) {
      return signed ? FixedType.apInt(w) : FixedType.apUint(w);
    }
    int i = random.nextInt(w + below + above) - below;
    Quantization q = Quantization.values()[random.nextInt(Quantization.values().length)];
    Overflow o = Overflow.values()[random.nextInt(Overflow.values().length)];
    int n = random.nextInt(3) == 0 ? random.nextInt(w + 1) : 0;
    return new FixedType(signed || o == Overflow.AP_WRAP_SM, w, i, q, o, n, false);
  }
}
