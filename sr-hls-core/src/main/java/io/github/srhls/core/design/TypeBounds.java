package io.github.srhls.core.design;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Interval;

/** The range of a fixed-point type, for comparing with the ranges the analysis derives. */
final class TypeBounds {
  private TypeBounds() {}

  /** The real interval the type can represent. */
  static Interval range(FixedType t) {
    return new Interval(Fixed.min(t).toDouble(), Fixed.max(t).toDouble());
  }
}
