package io.github.srhls.core.design;

import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import java.util.ArrayList;
import java.util.List;

/**
 * The host header's limit on the firmware's arithmetic: every full-precision intermediate is at most 128 bits wide
 * (127 if unsigned), or g++ stops at a static_assert deep in the header. Checked on the design, so the user hears
 * which subexpression and which types, before any C++ is written.
 */
public final class HostWidths {
  /** Widest signed intermediate of srhls_ap_types.h; an unsigned one has one bit less. */
  static final int MAX_BITS = 128;
  /** A C int, as the firmware's comparisons with 0 and a unit's exponent are written: it acts as ap_int<32>. */
  private static final FixedType C_INT = FixedType.apInt(32);

  /** What fits, for the messages: the result widths of the firmware's operations, and where the units end. */
  static final String SUPPORTED = "The supported range: every exact result within " + MAX_BITS + " bits (" + (MAX_BITS - 1)
      + " unsigned): a sum, difference or comparison takes max(I1, I2) + max(F1, F2) + 2 bits, a product W1 + W2,"
      + " a quotient W1 + max(F2, 0) + 2 and more where the numerator is widened for the result's fractional bits,"
      + " and a function unit about twice its type's width plus its table's index bits: every operation and every"
      + " function at any table size and degree fits for W up to 32 with I from -8 to W + 8, and wider types fit"
      + " where their steps do.";

  private HostWidths() {}

  /** Whether the header computes a full-precision result of this type. */
  public static boolean fits(FixedType exact) {
    return exact.width() + (exact.signed() ? 0 : 1) <= MAX_BITS;
  }

  /**
   * Whether comparing a value of this type with the C integer 0 stays within the header: the comparison lines both
   * up, so a type whose bits lie far below the binary point meets the int's 32 integer bits in a wide result.
   */
  public static boolean comparesWithInt(FixedType t) {
    return fits(FixedOp.SUB.resultType(t, C_INT));
  }

  /** An operation too wide for the header, with the types of the design that make it so. */
  static final class TooWide extends SrHlsException {
    private static final long serialVersionUID = 1L;
    /** The operation's declared operand types: the argument and result of a unit, an operation's operands. */
    final transient List<FixedType> types;

    TooWide(String message, List<FixedType> types) {
      super(message);
      this.types = List.copyOf(types);
    }
  }

  /** @throws TooWide naming the first operation whose exact result would not fit */
  static void check(Design d) {
    Graph g = d.graph();
    for (int id = 0; id < g.size(); id++) {
      if (!d.isLive(id) || !(g.node(id) instanceof Node.Op op)) {
        continue;
      }
      FunctionUnit unit = d.units().get(id);
      if (unit instanceof TableUnit table) {
        checkUnit(g, id, table);
        continue;
      }
      if (unit != null) {
        continue;
      }
      FixedType a = d.type(op.arg(0));
      FixedType b = op.args().size() > 1 ? d.type(op.arg(1)) : null;
      FixedType exact = switch (op.op()) {
        case ADD -> FixedOp.ADD.resultType(a, b);
        case SUB, MAX, MIN -> FixedOp.SUB.resultType(a, b);  // a comparison lines both up like a subtraction
        case MUL -> FixedOp.MUL.resultType(a, b);
        case DIV -> FixedOp.DIV.resultType(d.numeratorType(id) == null ? a : d.numeratorType(id), b);
        case NEG, ABS -> FixedOp.negationType(a);
        default -> null;
      };
      if (exact != null && !fits(exact)) {
        String operands = b == null ? a.cpp() : a.cpp() + " and " + b.cpp();
        throw new TooWide("the subexpression '" + NodeText.of(g, id) + "' of types " + operands
            + " has an exact result of " + exact.width() + " bits (" + exact.cpp() + "), but the host simulation's"
            + " header computes in at most " + MAX_BITS + " bits.", b == null ? List.of(a) : List.of(a, b));
      }
    }
  }

  /** A function unit's own arithmetic, as the firmware emitter writes it: the first step that would not fit. */
  private static void checkUnit(Graph g, int id, TableUnit unit) {
    for (Step s : steps(unit)) {
      if (!fits(s.exact())) {
        throw new TooWide("the function unit for '" + NodeText.of(g, id) + "' (argument "
            + unit.argType().cpp() + ", result " + unit.resultType().cpp() + ") computes " + s.what() + " with an"
            + " exact result of " + s.exact().width() + " bits (" + s.exact().cpp() + "), but the host simulation's"
            + " header computes in at most " + MAX_BITS + " bits.", List.of(unit.argType(), unit.resultType()));
      }
    }
  }

  /** The first step of a unit's arithmetic that the header cannot compute, or null when every step fits. */
  static String tooWide(TableUnit unit) {
    for (Step s : steps(unit)) {
      if (!fits(s.exact())) {
        return s.what() + ": " + s.exact().cpp();
      }
    }
    return null;
  }

  /** One full-precision operation of a unit. */
  private record Step(String what, FixedType exact) {}

  private static List<Step> steps(TableUnit unit) {
    List<Step> steps = new ArrayList<>();
    FixedType x = unit.argType();
    if (unit instanceof PeriodicTable p) {
      steps.add(mul("x * scale", x, p.scale().type()));
    } else if (unit instanceof TanhTable h) {
      steps.add(new Step("|x|", FixedOp.negationType(x)));
      steps.add(mul("|x| * scale", h.magnitudeType(), h.scale().type()));
      steps.add(new Step("-tanh", FixedOp.negationType(unit.resultType())));
    } else if (unit instanceof ExpTable e) {
      FixedType u = FixedOp.MUL.resultType(x, e.scale().type());
      steps.add(new Step("x * scale", u));
      steps.add(mul("u * 2^-N", e.positionType(), e.octave().type()));
      steps.add(mul("2^f * 2^k", e.segments().valueType(), e.powerType()));
    } else if (unit instanceof LogTable l) {
      steps.add(new Step("x >= 2^e", FixedOp.SUB.resultType(x, l.powerType())));
      FixedType m = FixedOp.MUL.resultType(x, l.inverseType());
      steps.add(new Step("x * 2^-e", m));
      steps.add(mul("m * N", m, l.entries().type()));
      FixedType e = FixedOp.MUL.resultType(C_INT, l.constantType());
      steps.add(new Step("e * log(2)", e));
      steps.add(new Step("log(m) + e * log(2)", FixedOp.ADD.resultType(l.segments().valueType(), e)));
    } else if (unit instanceof RootTable q) {
      steps.add(new Step("|x|", q.magnitudeType()));
      steps.add(new Step("|x| >= 2^e", FixedOp.SUB.resultType(q.magnitudeType(), q.powerType())));
      FixedType scaled = FixedOp.MUL.resultType(q.magnitudeType(), q.scaleType());
      steps.add(new Step("|x| * 2^-kq", scaled));
      steps.add(mul("m' * N", scaled, q.entries().type()));
      FixedType root = FixedOp.MUL.resultType(q.segments().valueType(), q.rootType());
      steps.add(new Step("root(m') * 2^q", root));
      steps.add(new Step("-root", FixedOp.negationType(root)));
    }
    Segments s = unit.segments();
    for (int k = s.degree() - 1; k >= 0; k--) {
      FixedType sum = k + 1 == s.degree() ? s.coefficientType(s.degree()) : s.stepTypes().get(k + 1);
      FixedType product = FixedOp.MUL.resultType(sum, s.fractionType());
      steps.add(new Step("the polynomial's s * t", product));
      steps.add(new Step("the polynomial's s * t + c", FixedOp.ADD.resultType(product, s.coefficientType(k))));
    }
    return steps;
  }

  private static Step mul(String what, FixedType a, FixedType b) {
    return new Step(what, FixedOp.MUL.resultType(a, b));
  }
}
