package io.github.srhls.core.design;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;

/**
 * The host header's limit on the firmware's arithmetic: every full-precision intermediate is at most 128 bits wide
 * (127 if unsigned), or g++ stops at a static_assert deep in the header. Checked on the design, so the user hears
 * which subexpression and which types, before any C++ is written.
 */
final class HostWidths {
  /** Widest signed intermediate of srhls_ap_types.h; an unsigned one has one bit less. */
  static final int MAX_BITS = 128;

  private HostWidths() {}

  /** @throws SrHlsException naming the first operation whose exact result would not fit */
  static void check(Design d) {
    Graph g = d.graph();
    for (int id = 0; id < g.size(); id++) {
      if (!d.isLive(id) || !(g.node(id) instanceof Node.Op op) || d.units().get(id) != null) {
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
      if (exact != null && exact.width() + (exact.signed() ? 0 : 1) > MAX_BITS) {
        String operands = b == null ? a.cpp() : a.cpp() + " and " + b.cpp();
        throw new SrHlsException("the subexpression '" + NodeText.of(g, id) + "' of types " + operands
            + " has an exact result of " + exact.width() + " bits (" + exact.cpp() + "), but the host simulation's"
            + " header computes in at most " + MAX_BITS + " bits.");
      }
    }
  }
}
