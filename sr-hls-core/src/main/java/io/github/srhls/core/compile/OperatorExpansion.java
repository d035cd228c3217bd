package io.github.srhls.core.compile;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.ir.CustomOperator;
import io.github.srhls.core.model.OperatorSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How large custom operators become once expanded in place, measured before anything is lowered. Each use of an
 * operator copies its whole expansion, so thirty operators each using the previous one twice make 2^30 operations
 * (lowering them hung), and a chain of thousands of operators overflowed the stack. The operators' bodies and the
 * outputs are measured without expanding anything; a use that passes a limit is an error at that use.
 *
 * <p>The operators are visited callees first, without recursion, which is also where a cycle is found.
 */
final class OperatorExpansion {
  /** Most operations an operator's body or an output may expand to. */
  static final long MAX_OPERATIONS = 100_000;
  /** Most levels of custom operators using custom operators. */
  static final int MAX_NESTING = 100;
  /** Most levels of the expanded expression: lowering it recurses this deep. */
  static final int MAX_HEIGHT = 1_000;

  /**
   * @param operations builtin operations of the expanded body, the parameters counted as none
   * @param nesting levels of custom operators the body uses (0 when it uses none)
   * @param height levels of the expanded body
   * @param deepest the operator used that gives {@code nesting}, or null
   */
  private record Measure(long operations, int nesting, int height, String deepest) {}

  private final Map<String, CustomOperator> customs;
  private final Map<String, OperatorSpec> declared;
  private final Map<String, Measure> measured = new HashMap<>();

  private OperatorExpansion(Map<String, CustomOperator> customs, Map<String, OperatorSpec> declared) {
    this.customs = customs;
    this.declared = declared;
  }

  /**
   * Measures every operator, callees first.
   *
   * @throws SrHlsException if operators use each other in a cycle, or a body passes a limit
   */
  static OperatorExpansion of(Map<String, CustomOperator> customs, Map<String, OperatorSpec> declared) {
    OperatorExpansion expansion = new OperatorExpansion(customs, declared);
    for (String name : customs.keySet()) {
      expansion.measureFrom(name);
    }
    return expansion;
  }

  /**
   * Checks an expression that uses the operators, e.g. an output.
   *
   * @param at where the expression's text starts
   * @param owner what the expression is, for messages: {@code output 'y'}
   */
  void check(Expr expr, SourcePosition at, String owner) {
    new Walk(at, owner).visit(expr);
  }

  private record Frame(String name, Iterator<String> callees) {}

  private void measureFrom(String root) {
    if (measured.containsKey(root)) {
      return;
    }
    Deque<Frame> stack = new ArrayDeque<>();
    List<String> path = new ArrayList<>();
    Set<String> onPath = new HashSet<>();
    stack.push(new Frame(root, calls(customs.get(root).body(), new LinkedHashSet<>()).iterator()));
    path.add(root);
    onPath.add(root);
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.callees().hasNext()) {
        String callee = top.callees().next();
        if (measured.containsKey(callee)) {
          continue;
        }
        if (onPath.contains(callee)) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(callee), path.size()));
          cycle.add(callee);
          throw SrHlsException.at(declared.get(callee).bodyStart(), "custom operator '" + callee
              + "' expands into itself (" + String.join(" -> ", cycle) + "); an operator may only use operators"
              + " that do not use it back");
        }
        stack.push(new Frame(callee, calls(customs.get(callee).body(), new LinkedHashSet<>()).iterator()));
        path.add(callee);
        onPath.add(callee);
      } else {
        stack.pop();
        path.remove(path.size() - 1);
        onPath.remove(top.name());
        measured.put(top.name(), measureBody(top.name()));
      }
    }
  }

  private Measure measureBody(String name) {
    Walk walk = new Walk(declared.get(name).bodyStart(), "custom operator '" + name + "'");
    Shape shape = walk.visit(customs.get(name).body());
    return new Measure(walk.operations, shape.nesting(), shape.height(), shape.deepest());
  }

  private static Set<String> calls(Expr e, Set<String> into) {
    if (e instanceof Expr.Call c) {
      if (c.isCustom()) {
        into.add(c.name());
      }
      for (Expr a : c.args()) {
        calls(a, into);
      }
    }
    return into;
  }

  private record Shape(int height, int nesting, String deepest) {}

  /** One expression's walk, counting its operations as it goes so that the use passing the limit is named. */
  private final class Walk {
    private final SourcePosition at;
    private final String owner;
    private long operations;

    Walk(SourcePosition at, String owner) {
      this.at = at;
      this.owner = owner;
    }

    /** Expressions are at most a few hundred levels high (the parser's bound), so recursion is safe here. */
    Shape visit(Expr e) {
      if (!(e instanceof Expr.Call c)) {
        return new Shape(0, 0, null);
      }
      int height = 0;
      int nesting = 0;
      String deepest = null;
      for (Expr a : c.args()) {
        Shape s = visit(a);
        height = Math.max(height, s.height());
        if (s.nesting() > nesting) {
          nesting = s.nesting();
          deepest = s.deepest();
        }
      }
      if (c.isCustom()) {
        Measure m = measured.get(c.name());
        if (m.nesting() + 1 > MAX_NESTING) {
          throw error(c, "custom operators nest more than " + MAX_NESTING + " deep here (" + chain(c.name())
              + "), the limit; use fewer levels of operators that use operators");
        }
        if (m.nesting() + 1 > nesting) {
          nesting = m.nesting() + 1;
          deepest = c.name();
        }
        // lowering takes the arguments first, then the body with the arguments as leaves
        height = Math.max(height, m.height()) + 1;
        operations += m.operations();
        if (operations > MAX_OPERATIONS) {
          throw error(c, owner + " expands to more than " + MAX_OPERATIONS + " operations here, the limit ('"
              + c.name() + "' alone expands to " + m.operations() + "): each use of a custom operator copies its"
              + " whole expansion; use the operators fewer times, or write a smaller expression");
        }
      } else {
        height++;
        operations++;
      }
      if (height > MAX_HEIGHT) {
        throw error(c, "expanding the custom operators here makes " + owner + " more than " + MAX_HEIGHT
            + " levels deep, the limit; use fewer levels of operators that use operators");
      }
      return new Shape(height, nesting, deepest);
    }

    private SrHlsException error(Expr.Call use, String message) {
      return SrHlsException.at(at.plusColumns(use.start()), message);
    }
  }

  /** The chain of operators under {@code name}, shortened to its ends. */
  private String chain(String name) {
    List<String> names = new ArrayList<>();
    for (String n = name; n != null; n = measured.get(n).deepest()) {
      names.add(n);
    }
    if (names.size() <= 6) {
      return String.join(" -> ", names);
    }
    return String.join(" -> ", names.subList(0, 3)) + " -> ... -> " + names.get(names.size() - 1) + ", "
        + names.size() + " operators";
  }
}
