package io.github.srhls.core.model;

import io.github.srhls.core.fixed.FixedType;

/** {@code precision.internal}: how the types of the graph's internal nodes are chosen. */
public sealed interface InternalPrecision {

  /**
   * {@code internal: uniform} (the default), or a type string: every internal node gets one type, as the peer
   * (hls4ml) does; kept for comparison and for users who want exactly that.
   *
   * @param type the type written as {@code internal: "ap_fixed<20,8>"}; null means {@code precision.default}
   */
  record Uniform(FixedType type) implements InternalPrecision {}

  /**
   * {@code internal: auto}: each node's integer bits from the inputs' ranges (no overflow on them), its fractional
   * bits from the error budget {@code precision.error}.
   */
  record Auto() implements InternalPrecision {}
}
