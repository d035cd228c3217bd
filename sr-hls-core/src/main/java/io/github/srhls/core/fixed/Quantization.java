package io.github.srhls.core.fixed;

/** How a value with more fractional bits than the target is brought onto the target's grid. */
public enum Quantization {
  /** Round to nearest, ties toward +inf. */
  AP_RND,
  /** Round to nearest, ties toward zero. */
  AP_RND_ZERO,
  /** Round to nearest, ties toward -inf. */
  AP_RND_MIN_INF,
  /** Round to nearest, ties away from zero. */
  AP_RND_INF,
  /** Round to nearest, ties to even. */
  AP_RND_CONV,
  /** Truncate toward -inf (the default). */
  AP_TRN,
  /** Truncate toward zero. */
  AP_TRN_ZERO
}
