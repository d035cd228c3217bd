package io.github.srhls.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: a fixed scope, an offset-free comparison of trees, and a LISP rendering independent of the printer. */
final class Trees {
  private Trees() {}

  /** x0 ... x31 as PySR names them, plus custom operators sc (unary) and f2 (binary). */
  static final Scope SCOPE = Scope.of(variables(32), Map.of("sc", 1, "f2", 2));

  static List<String> variables(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("x" + i);
    }
    return names;
  }

  /** The tree with every offset set to 0, so trees from different texts compare by structure alone. */
  static Expr strip(Expr e) {
    if (e instanceof Expr.Num n) {
      return new Expr.Num(n.value(), 0, 0);
    }
    if (e instanceof Expr.Input i) {
      return new Expr.Input(i.index(), i.name(), 0, 0);
    }
    Expr.Call c = (Expr.Call) e;
    return new Expr.Call(c.builtin(), c.name(), c.args().stream().map(Trees::strip).toList(), 0, 0);
  }

  /** {@code (mul (neg x0) 2.0)}: operators by canonical name, custom calls as {@code custom:name}. */
  static String lisp(Expr e) {
    if (e instanceof Expr.Num n) {
      return String.valueOf(n.value());
    }
    if (e instanceof Expr.Input i) {
      return i.name();
    }
    Expr.Call c = (Expr.Call) e;
    StringBuilder b = new StringBuilder("(").append(c.isCustom() ? "custom:" + c.name() : c.name());
    for (Expr arg : c.args()) {
      b.append(' ').append(lisp(arg));
    }
    return b.append(')').toString();
  }

  static String lisp(String source) {
    return lisp(ExprParser.parse(source, SCOPE));
  }
}
