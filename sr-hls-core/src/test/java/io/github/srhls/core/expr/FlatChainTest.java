package io.github.srhls.core.expr;

import static io.github.srhls.core.expr.Trees.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A flat sum or product is not deep: 10^5 terms were refused as "nested too deeply" with a 2 MB message. Past
 * {@link ExprParser#MAX_DEPTH} terms the chain becomes a balanced tree of the same value; shorter ones keep their
 * written order.
 */
class FlatChainTest {
  @Test
  void aFlatSumOfTenToTheFiveTermsIsAcceptedWithItsValue() {
    StringBuilder text = new StringBuilder("x0");
    double expected = 1;
    for (int i = 1; i < 100_000; i++) {
      int k = i % 7;
      boolean minus = i % 3 == 0;
      text.append(minus ? " - " : " + ").append(k == 0 ? "x1" : String.valueOf(k));
      expected += (minus ? -1 : 1) * (k == 0 ? 2 : k);
    }
    Expr e = ExprParser.parse(text.toString(), SCOPE);
    assertTrue(height(e) <= 20, "height " + height(e));
    assertEquals(expected, eval(e), 0.0);
  }

  @Test
  void aLongProductWithDivisionsKeepsItsValue() {
    StringBuilder text = new StringBuilder("x0");
    for (int i = 1; i < 1001; i++) {
      text.append(i % 2 == 0 ? " * 2" : " / 2").append(i % 4 < 2 ? " / x1" : " * x1");
    }
    Expr e = ExprParser.parse(text.toString(), SCOPE);
    assertTrue(height(e) <= 20, "height " + height(e));
    assertEquals(1.0, eval(e), 0.0);
  }

  @Test
  void aShortChainKeepsItsWrittenOrder() {
    assertEquals("(sub (add (sub x0 1.0) x1) 2.0)", Trees.lisp(ExprParser.parse("x0 - 1 + x1 - 2", SCOPE)));
  }

  private static int height(Expr e) {
    return e instanceof Expr.Call c ? 1 + c.args().stream().mapToInt(FlatChainTest::height).max().orElse(0) : 0;
  }

  /** x0 = 1, x1 = 2. */
  private static double eval(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    if (e instanceof Expr.Input in) {
      return in.index() + 1;
    }
    Expr.Call c = (Expr.Call) e;
    double a = eval(c.args().get(0));
    double b = eval(c.args().get(1));
    return switch (c.builtin()) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
      default -> throw new AssertionError(c.builtin());
    };
  }
}
