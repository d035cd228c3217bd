package io.github.srhls.core.model;

import io.github.srhls.core.expr.Builtin;
import java.util.Locale;

/**
 * Settings for the units that compute one function ({@code functions: {sin: {implementation: table, size: 256}}}),
 * or for all of them ({@code functions: {default: ...}}).
 *
 * <p>In {@link ModelSpec#functions()} both fields are as written, null where the file gives none;
 * {@link ModelSpec#functionSettings} merges them into the settings that apply.
 *
 * @param implementation {@code table}: our own table unit (the default); {@code vendor}: the vendor's
 *     {@code hls::} math call, which only the vendor's C simulation can run
 * @param size table entries, a power of two from {@value #MIN_SIZE} to {@value #MAX_SIZE}; null means
 *     {@value #DEFAULT_UNIFORM_SIZE} under {@code precision.internal: uniform} and sized from the error budget under
 *     {@code auto}. Never set together with {@code vendor}
 * @param degree the polynomial degree per table segment, from 0 to {@value #MAX_DEGREE}: 0 a plain table, 1 linear
 *     interpolation ({@code interpolate: true}), 2 and 3 piecewise quadratics and cubics; null means 0 under
 *     {@code uniform} and chosen with the size under {@code auto}. Never set together with {@code vendor}
 */
public record FunctionSpec(Implementation implementation, Integer size, Integer degree) {
  /** The key of the entry that applies to every function without one of its own. */
  public static final String DEFAULT_KEY = "default";
  public static final int MIN_SIZE = 2;
  public static final int MAX_SIZE = 65536;
  public static final int DEFAULT_UNIFORM_SIZE = 1024;
  public static final int MAX_DEGREE = 3;
  /** The settings of a function no entry speaks of. */
  public static final FunctionSpec BUILT_IN = new FunctionSpec(Implementation.TABLE, null, null);

  public FunctionSpec {
    if (size != null && (size < MIN_SIZE || size > MAX_SIZE || Integer.bitCount(size) != 1)) {
      throw new IllegalArgumentException("size must be a power of two from " + MIN_SIZE + " to " + MAX_SIZE
          + ", got " + size);
    }
    if (size != null && implementation == Implementation.VENDOR) {
      throw new IllegalArgumentException("size is for tables, not for the vendor implementation");
    }
    if (degree != null && (degree < 0 || degree > MAX_DEGREE)) {
      throw new IllegalArgumentException("degree must be from 0 to " + MAX_DEGREE + ", got " + degree);
    }
    if (degree != null && implementation == Implementation.VENDOR) {
      throw new IllegalArgumentException("degree is for tables, not for the vendor implementation");
    }
  }

  public enum Implementation {
    TABLE, VENDOR;

    /** As written in the model file. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether {@code canonicalName} names a function with a unit ({@link Builtin#withUnits()}). */
  static boolean hasUnit(String canonicalName) {
    return Builtin.withUnits().stream().anyMatch(b -> b.canonicalName().equals(canonicalName));
  }

  /** These settings with the unset ones taken from {@code fallback}; a vendor unit has no size. */
  FunctionSpec over(FunctionSpec fallback) {
    Implementation i = implementation != null ? implementation : fallback.implementation;
    Integer s = size != null ? size : fallback.size;
    Integer p = degree != null ? degree : fallback.degree;
    boolean vendor = i == Implementation.VENDOR;
    return new FunctionSpec(i, vendor ? null : s, vendor ? null : p);
  }
}
