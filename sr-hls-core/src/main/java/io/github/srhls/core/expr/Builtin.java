package io.github.srhls.core.expr;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
   * The builtin a function name written in an expression means, if any ({@code add} and {@code mul} are
   * operator-only names).
   */
  public static Optional<Builtin> byFunctionName(String spelling) {
    return Optional.ofNullable(BY_SPELLING.get(spelling));
  }

  /** Every function name the parser accepts, for "did you mean" suggestions. */
  public static java.util.Set<String> functionNames() {
    return java.util.Collections.unmodifiableSet(BY_SPELLING.keySet());
  }

  @Override
  public String toString() {
    return name.toLowerCase(Locale.ROOT);
  }
}
