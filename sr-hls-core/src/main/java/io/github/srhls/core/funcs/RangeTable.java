package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Interval;
import java.util.List;

/**
 * A function tabulated over the interval its argument can reach: {@code N} bins of width 2^step starting at
 * {@code lo} (a multiple of 2^step). The index is floor((x - lo) * 2^-step), computed exactly in fixed point and
 * kept inside the table; the domain comes from range analysis of the declared input ranges, so in-range inputs
 * never reach the ends. When a bin is as narrow as the argument's LSB each entry is the function at that exact
 * argument; otherwise at the bin centre.
 *
 * @param lo the table's start, exact in {@code loType}
 * @param step log2 of the bin width
 */
public record RangeTable(
    Builtin function, FixedType argType, FixedType resultType, Fixed lo, int step, List<Fixed> table)
    implements FunctionUnit {

  public RangeTable {
    table = List.copyOf(table);
  }

  /**
   * @param domain where the argument's exact value can lie (already clipped to the argument type's range)
   * @param maxIndexBits the largest table allowed, 2^maxIndexBits entries
   */
  public static RangeTable of(
      Builtin function, FixedType argType, FixedType resultType, Interval domain, int maxIndexBits) {
    int argLsb = -argType.fracBits();
    // the finest power-of-two bin whose bins, counted from the aligned start, all fit the table
    int step = argLsb;
    while (step < 1024 && bins(domain, step) > 1L << maxIndexBits) {
      step++;
    }
    double loValue = start(domain, step);
    long bins = bins(domain, step);
    int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, bins - 1)));
    indexBits = Math.min(indexBits, maxIndexBits);
    int n = 1 << indexBits;
    Fixed lo = Fixed.fromDouble(loValue, exactType(loValue, step));
    boolean exactPoints = step == argLsb;
    Fixed[] values = new Fixed[n];
    for (int i = 0; i < n; i++) {
      double x = loValue + Math.scalb(exactPoints ? i : i + 0.5, step);
      values[i] = Tables.quantize(Tables.apply(function, Tables.intoDomain(function, x, argLsb)), resultType);
    }
    return new RangeTable(function, argType, resultType, lo, step, List.of(values));
  }

  /** The table's start for bins of 2^step: the domain's low end rounded down to a multiple of the bin. */
  private static double start(Interval domain, int step) {
    return Math.floor(Math.scalb(domain.lo(), -step)) * Math.scalb(1.0, step);
  }

  /** How many bins of 2^step from {@link #start} it takes to reach the domain's high end. */
  private static long bins(Interval domain, int step) {
    double count = Math.floor(Math.scalb(domain.hi() - start(domain, step), -step)) + 1;
    return count >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) count;
  }

  /** A signed type that holds {@code v}, a multiple of 2^lsb, exactly. */
  static FixedType exactType(double v, int lsb) {
    long units = (long) Math.abs(Math.scalb(v, -lsb));
    int magnitudeBits = Math.max(1, 64 - Long.numberOfLeadingZeros(units));
    int width = magnitudeBits + 1;
    return FixedType.fixed(width, width + lsb);
  }

  /** 2^-step exactly: one bit of weight 2^-step. */
  public FixedType scaleType() {
    return FixedType.ufixed(1, 1 - step);
  }

  public Fixed scale() {
    return Fixed.fromDouble(Math.scalb(1.0, -step), scaleType());
  }

  /** Wide enough for every in-table index and a little either side; saturation keeps far values at the ends. */
  public FixedType indexType() {
    return FixedType.fixed(indexBits() + 2, indexBits() + 2, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    long idx = x.sub(lo).mul(scale()).cast(indexType()).toInt();
    int last = table.size() - 1;
    return table.get((int) Math.max(0, Math.min(last, idx)));
  }
}
