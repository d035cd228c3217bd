package io.github.srhls.core.fixed;

/** Bit operations on a {@code long} read as a two's-complement integer, for the long path of {@link Fixed}. */
final class LongBits {

  private LongBits() {
  }

  /** Whether {@code v * 2^k} (k >= 0) fits in a long, so that {@code v << k} is exact. */
  static boolean shiftFits(long v, long k) {
    return v == 0 || k < Long.SIZE && (v << k) >> k == v;
  }

  /** As {@link java.math.BigInteger#bitLength}: bits of v without its sign bit. */
  static int bitLength(long v) {
    return Long.SIZE - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
  }

  /** Bit {@code k} (k >= 0) of v, sign-extended above bit 63, as {@link java.math.BigInteger#testBit}. */
  static boolean testBit(long v, long k) {
    return k < Long.SIZE ? (v >>> k & 1) != 0 : v < 0;
  }

  /** Whether any of the low {@code k} bits (k >= 0) of v is set. */
  static boolean anyLowBit(long v, long k) {
    return k < Long.SIZE ? (v & (1L << k) - 1) != 0 : v != 0;
  }

  /** The low {@code k} bits set, 0 <= k < 64. */
  static long mask(int k) {
    return (1L << k) - 1;
  }
}
