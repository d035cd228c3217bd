package io.github.srhls.core.expr;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operators and functions the expression language knows, with their arity. Spellings from sympy
 * ({@code Abs}, {@code **}) and from PySR / SymbolicRegression.jl ({@code square}, {@code safe_log}, {@code ^}) map
 * onto one canonical builtin each.
 */
public enum Builtin {
  ADD("add", 2), SUB("sub", 2), MUL("mul", 2), DIV("div", 2), POW("pow", 2), NEG("neg", 1),
  SIN("sin", 1), COS("cos", 1), TAN("tan", 1),
  SINH("sinh", 1), COSH("cosh", 1), TANH("tanh", 1),
  EXP("exp", 1), LOG("log", 1), LOG2("log2", 1), LOG10("log10", 1),
  SQRT("sqrt", 1), CBRT("cbrt", 1),
  ABS("abs", 1), SIGN("sign", 1), SQUARE("square", 1), CUBE("cube", 1), INV("inv", 1),
  MAX("max", 2), MIN("min", 2);

  private static final Map<String, Builtin> BY_SPELLING = new TreeMap<>();
  /**
   * The one list of the functions a function unit computes (one of sr-hls's tables, or the vendor's math library);
   * every other builtin is arithmetic.
   */
  private static final Set<Builtin> UNITS = EnumSet.of(SIN, COS, TAN, SINH, COSH, TANH, EXP, LOG, LOG2, LOG10, SQRT,
      CBRT);
  private static final List<Builtin> WITH_UNITS = Arrays.stream(values()).filter(UNITS::contains).toList();

  static {
    for (Builtin b : values()) {
      if (b.ordinal() > NEG.ordinal() || b == POW || b == NEG) {
        BY_SPELLING.put(b.name, b);
      }
    }
    // sympy and Julia spellings, and PySR's "safe" variants, which print under their own names in older versions
    BY_SPELLING.put("Abs", ABS);
    BY_SPELLING.put("sgn", SIGN);
    BY_SPELLING.put("Max", MAX);
    BY_SPELLING.put("Min", MIN);
    BY_SPELLING.put("safe_log", LOG);
    BY_SPELLING.put("safe_log2", LOG2);
    BY_SPELLING.put("safe_log10", LOG10);
    BY_SPELLING.put("safe_sqrt", SQRT);
    BY_SPELLING.put("safe_pow", POW);
    // early SymbolicRegression.jl (behind PySR 0.3-0.6) printed its own arithmetic functions by name: plus(x0, x1)
    BY_SPELLING.put("plus", ADD);
    BY_SPELLING.put("sub", SUB);
    BY_SPELLING.put("mult", MUL);
    BY_SPELLING.put("div", DIV);
  }

  private final String name;
  private final int arity;

  Builtin(String name, int arity) {
    this.name = name;
    this.arity = arity;
  }

  public String canonicalName() {
    return name;
  }

  public int arity() {
    return arity;
  }

  /**
   * Whether a function unit computes it rather than arithmetic: the model file's {@code functions} section
   * configures exactly these. sinh and cosh reach their unit through exp (the graph rewrites them).
   */
  public boolean hasUnit() {
    return UNITS.contains(this);
  }

  /** The builtins that {@link #hasUnit() have a unit}, in declaration order. */
  public static List<Builtin> withUnits() {
    return WITH_UNITS;
  }

  /**
   * The builtin a function name written in an expression means, if any ({@code add} and {@code mul} are
   * operator-only names).
   */
  public static Optional<Builtin> byFunctionName(String spelling) {
    return Optional.ofNullable(BY_SPELLING.get(spelling));
  }

  /** Every function name the parser accepts, for "did you mean" suggestions. */
  public static Set<String> functionNames() {
    return Collections.unmodifiableSet(BY_SPELLING.keySet());
  }

  @Override
  public String toString() {
    return name.toLowerCase(Locale.ROOT);
  }
}
