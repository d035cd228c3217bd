package io.github.srhls.core.design;

import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import java.util.HashSet;
import java.util.Set;

/**
 * What a design costs, estimated before any synthesis: the figures that let users compare plans.
 *
 * @param totalBits the widths of every live node's temporary, added up (inputs included)
 * @param multipliers multiplications of two variables
 * @param constantMultipliers multiplications by a constant that is not a power of two (shifts are free)
 * @param interpolationMultipliers the multiplications the segments' polynomials make (one per degree and lookup)
 * @param estimatedDsp DSP slices for all multiplications, counting a W1 x W2 product as
 *     ceil(max/27) * ceil(min/18) DSP48E2 slices (27 x 18 signed multipliers)
 * @param dividers divisions of two variables
 * @param tables distinct sets of coefficient tables
 * @param tableBits their entries times their width, added up, with the units' small tables of powers
 */
public record DesignStats(
    int totalBits,
    int multipliers,
    int constantMultipliers,
    int interpolationMultipliers,
    int estimatedDsp,
    int dividers,
    int tables,
    long tableBits) {

  private static final int DSP_A = 27;
  private static final int DSP_B = 18;

  public static DesignStats of(Design d) {
    Graph g = d.graph();
    int totalBits = 0;
    int multipliers = 0;
    int constantMultipliers = 0;
    int dsp = 0;
    int dividers = 0;
    int interpolations = 0;
    for (int id = 0; id < g.size(); id++) {
      if (!d.isLive(id)) {
        continue;
      }
      totalBits += d.type(id).width();
      if (d.units().get(id) instanceof TableUnit u && u.segments().degree() > 0) {
        Segments s = u.segments();
        interpolations += s.degree();
        dsp += hornerDsp(s);
      }
      if (g.node(id) instanceof Node.Op op && op.op() == Builtin.MUL) {
        Node a = g.node(op.arg(0));
        Node b = g.node(op.arg(1));
        boolean byConstant = a instanceof Node.Const || b instanceof Node.Const;
        if (byConstant && powerOfTwo(a instanceof Node.Const c ? c.value() : ((Node.Const) b).value())) {
          continue;
        }
        if (byConstant) {
          constantMultipliers++;
        } else {
          multipliers++;
        }
        int w1 = d.type(op.arg(0)).width();
        int w2 = d.type(op.arg(1)).width();
        dsp += ceilDiv(Math.max(w1, w2), DSP_A) * ceilDiv(Math.min(w1, w2), DSP_B);
      } else if (g.node(id) instanceof Node.Op op && op.op() == Builtin.DIV) {
        dividers++;
      }
    }
    // one ROM per distinct content, as the emitter writes them
    Set<Segments> distinct = new HashSet<>();
    long tableBits = 0;
    for (FunctionUnit u : d.units().values()) {
      if (u instanceof TableUnit t && distinct.add(t.segments())) {
        tableBits += t.segments().tableBits();
      }
      if (u instanceof ExpTable e) {
        tableBits += (long) e.powers().size() * e.powerType().width();
      }
      if (u instanceof RootTable r) {
        tableBits += (long) r.powers().size() * r.powerType().width()
            + (long) r.scales().size() * (r.scaleType().width() + r.rootType().width());
      }
      if (u instanceof LogTable l) {
        tableBits += (long) l.powers().size() * (l.powerType().width() + l.inverseType().width());
      }
    }
    return new DesignStats(totalBits, multipliers, constantMultipliers, interpolations, dsp, dividers,
        distinct.size(), tableBits);
  }

  /** DSP slices of the Horner steps: each multiplies the running sum by t. */
  public static int hornerDsp(Segments s) {
    if (s.degree() == 0) {
      return 0;
    }
    int dsp = 0;
    int t = s.fractionType().width();
    for (int k = s.degree(); k >= 1; k--) {
      int w = k == s.degree() ? s.coefficientType(k).width() : s.stepTypes().get(k).width();
      dsp += ceilDiv(Math.max(w, t), DSP_A) * ceilDiv(Math.min(w, t), DSP_B);
    }
    return dsp;
  }

  private static boolean powerOfTwo(double v) {
    double m = Math.abs(v);
    return m > 0 && Math.scalb(1.0, Math.getExponent(m)) == m;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
