package io.github.srhls.core.fixed;

/** What happens when a quantized value lies outside the target's range. */
public enum Overflow {
  /** Clamp to the nearest end of the range. */
  AP_SAT,
  /** Replace by zero. */
  AP_SAT_ZERO,
  /** Clamp symmetrically to [-max, max]. */
  AP_SAT_SYM,
  /** Keep the low W bits (the default); with N > 0 saturation bits, see the facts file. */
  AP_WRAP,
  /** Sign-magnitude wrap. */
  AP_WRAP_SM
}
