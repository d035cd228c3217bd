package io.github.srhls.core.expr;

import static io.github.srhls.core.expr.Trees.SCOPE;
import static io.github.srhls.core.expr.Trees.lisp;
import static io.github.srhls.core.expr.Trees.strip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprParserTest {

  private static Expr parse(String source) {
    return ExprParser.parse(source, SCOPE);
  }

  private static void assertSame(String expected, String actual) {
    assertEquals(strip(parse(expected)), strip(parse(actual)), expected + " vs " + actual);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      -0.163*(sin(x3) - 0.84)*cos(2*x14 - 1.04) | (mul (mul -0.163 (sub (sin x3) 0.84)) (cos (sub (mul 2.0 x14) 1.04)))
      exp(-x0**2)                               | (exp (neg (pow x0 2.0)))
      Abs(x1)*sqrt(x2)                          | (mul (abs x1) (sqrt x2))
      1/2                                       | (div 1.0 2.0)
      x0**(-2)                                  | (pow x0 -2.0)
      x0**(1/3)                                 | (pow x0 (div 1.0 3.0))
      sin(x0)**2 + log(x1)                      | (add (pow (sin x0) 2.0) (log x1))
      3*x0/2                                    | (div (mul 3.0 x0) 2.0)
      Max(x0, x1) - Min(x0, 1)                  | (sub (max x0 x1) (min x0 1.0))
      sign(x0) + sgn(x1)                        | (add (sign x0) (sign x1))
      """)
  void readsSympyStr(String source, String tree) {
    assertEquals(tree, lisp(source));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ((x10 * (x1 + -0.0795)) * (x18 - 0.265))  | (mul (mul x10 (add x1 -0.0795)) (sub x18 0.265))
      x15 * -0.3443009                          | (mul x15 -0.3443009)
      (cos(x1 / 0.77) - -0.0411)                | (sub (cos (div x1 0.77)) -0.0411)
      cos((x4 / x1) * 0.8405305194434044)       | (cos (mul (div x4 x1) 0.8405305194434044))
      sc(x3 * -2.049052)                        | (custom:sc (mul x3 -2.049052))
      f2(x0, sc(x1))                            | (custom:f2 x0 (custom:sc x1))
      square(x0) + cube(x1)                     | (add (square x0) (cube x1))
      inv(neg(x0))                              | (inv (neg x0))
      plus(x0, mult(x1, 2.0f0))                 | (add x0 (mul x1 2.0))
      sub(x0, div(x1, x2))                      | (sub x0 (div x1 x2))
      safe_log(x0) * safe_sqrt(x1)              | (mul (log x0) (sqrt x1))
      safe_pow(x0, 2)                           | (pow x0 2.0)
      (x0 ^ 2)                                  | (pow x0 2.0)
      -(x0)                                     | (neg x0)
      -1.3459566667091798e-5                    | -1.3459566667091798E-5
      """)
  void readsPysrSyntax(String source, String tree) {
    assertEquals(tree, lisp(source));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      x0 - x1 - x2      | (sub (sub x0 x1) x2)
      x0 - x1 + x2      | (add (sub x0 x1) x2)
      x0 / x1 / x2      | (div (div x0 x1) x2)
      x0 / x1 * x2      | (mul (div x0 x1) x2)
      x0 + x1 * x2      | (add x0 (mul x1 x2))
      x0 * x1 - x2      | (sub (mul x0 x1) x2)
      x0 - x1 / x2      | (sub x0 (div x1 x2))
      2**3**2           | (pow 2.0 (pow 3.0 2.0))
      x0^x1^x2          | (pow x0 (pow x1 x2))
      (x0^x1)^x2        | (pow (pow x0 x1) x2)
      x0 * x1^2         | (mul x0 (pow x1 2.0))
      x0^2 * x1         | (mul (pow x0 2.0) x1)
      (x0 + x1) * x2    | (mul (add x0 x1) x2)
      x0 * (x1 + x2)    | (mul x0 (add x1 x2))
      """)
  void precedenceAndAssociativity(String source, String tree) {
    assertEquals(tree, lisp(source));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      -x0**2         | (neg (pow x0 2.0))
      -2**2          | (neg (pow 2.0 2.0))
      -2^x0          | (neg (pow 2.0 x0))
      (-2)^2         | (pow -2.0 2.0)
      (-0.5 ^ x1)    | (neg (pow 0.5 x1))
      2**-1          | (pow 2.0 -1.0)
      2^-x0^2        | (pow 2.0 (neg (pow x0 2.0)))
      -2*x0          | (mul -2.0 x0)
      -x0*x1         | (mul (neg x0) x1)
      x0*-x1         | (mul x0 (neg x1))
      --x0           | (neg (neg x0))
      - -0.0411      | (neg -0.0411)
      x0 - -0.0411   | (sub x0 -0.0411)
      x0 + -x1       | (add x0 (neg x1))
      +x0            | x0
      -(0.5)         | (neg 0.5)
      -0.0           | -0.0
      """)
  void unaryMinus(String source, String tree) {
    assertEquals(tree, lisp(source));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      1.0f-5                 | 1.0E-5
      1f0                    | 1.0
      2.5f3                  | 2500.0
      1.5e-3                 | 0.0015
      1.5E+3                 | 1500.0
      .5                     | 0.5
      2.                     | 2.0
      1.e2                   | 100.0
      7                      | 7.0
      0.26678273490711973    | 0.26678273490711973
      9.858633398758536e-5   | 9.858633398758536E-5
      1e-400                 | 0.0
      """)
  void literals(String source, String value) {
    assertEquals(value, lisp(source));
  }

  @Test
  void namedConstantsUnlessShadowed() {
    assertEquals(new Expr.Num(Math.PI, 0, 2), parse("pi"));
    assertEquals(new Expr.Num(Math.E, 0, 1), parse("E"));
    Scope shadowing = Scope.of(List.of("E", "pi"), Map.of());
    assertEquals(new Expr.Input(0, "E", 0, 1), ExprParser.parse("E", shadowing));
    assertEquals(new Expr.Input(1, "pi", 0, 2), ExprParser.parse("pi", shadowing));
  }

  @Test
  void variablesGetTheirScopeIndex() {
    Scope named = Scope.of(List.of("pt", "eta", "x₁", "phi_2"), Map.of());
    assertEquals("(add (mul pt eta) (sub x₁ phi_2))", lisp(ExprParser.parse("pt*eta + (x₁ - phi_2)", named)));
    Expr.Call sum = (Expr.Call) ExprParser.parse("phi_2 + x₁", named);
    assertEquals(3, ((Expr.Input) sum.args().get(0)).index());
    assertEquals(2, ((Expr.Input) sum.args().get(1)).index());
  }

  @Test
  void everyBuiltinFunctionByEverySpelling() {
    for (String spelling : Builtin.functionNames()) {
      Builtin b = Builtin.byFunctionName(spelling).orElseThrow();
      List<String> args = new ArrayList<>(Collections.nCopies(b.arity(), "x1"));
      Expr.Call call = assertInstanceOf(Expr.Call.class, parse(spelling + "(" + String.join(", ", args) + ")"));
      assertEquals(b, call.builtin(), spelling);
      assertEquals(b.canonicalName(), call.name(), spelling);
      assertEquals(b.arity(), call.args().size(), spelling);
    }
  }

  @Test
  void operatorsAndTheirFunctionSpellingsGiveTheSameTree() {
    assertSame("x0 ^ 2", "x0 ** 2");
    assertSame("x0 ^ 2", "pow(x0, 2)");
    assertSame("-x0", "neg(x0)");
    assertSame("x0 + x1", "plus(x0, x1)");
    assertSame("x0 * x1", "mult(x0, x1)");
    assertSame("abs(x0)", "Abs(x0)");
  }

  @Test
  void customOperatorsComeFromTheScopeAndShadowBuiltins() {
    Expr.Call call = assertInstanceOf(Expr.Call.class, parse("sc(x0)"));
    assertNull(call.builtin());
    assertEquals("sc", call.name());
    Scope own = Scope.of(List.of("x0"), Map.of("sin", 1));
    assertEquals("(custom:sin x0)", lisp(ExprParser.parse("sin(x0)", own)));
  }

  @Test
  void whitespaceAnywhere() {
    assertSame("sin(x0)+x1*2", " \t sin ( x0 )\n+\r\n x1\t*  2 ");
    assertSame("x0 ** 2", "x0**2");
  }

  @Test
  void offsetsCoverTheSourceText() {
    Expr.Call sum = (Expr.Call) parse("sin(x0) + x1");
    assertEquals(List.of(0, 12), List.of(sum.start(), sum.end()));
    Expr sin = sum.args().get(0);
    assertEquals(List.of(0, 7), List.of(sin.start(), sin.end()));
    Expr x1 = sum.args().get(1);
    assertEquals(List.of(10, 12), List.of(x1.start(), x1.end()));

    Expr.Call product = (Expr.Call) parse("x0 * -0.5");
    Expr negative = product.args().get(1);
    assertEquals(new Expr.Num(-0.5, 5, 9), negative);

    Expr.Call neg = (Expr.Call) parse("  -x3");
    assertEquals(List.of(2, 5), List.of(neg.start(), neg.end()));
    Expr.Call pow = (Expr.Call) parse("(x0 + 1)^2");
    assertEquals(List.of(0, 10), List.of(pow.start(), pow.end()));
    Expr.Call quotient = (Expr.Call) parse("((x1 + 2)) / x2");
    assertEquals(List.of(0, 10), List.of(quotient.args().get(0).start(), quotient.args().get(0).end()));
  }

  @Test
  void scopeRejectsDuplicateVariables() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scope.of(List.of("a", "b", "a"), Map.of()));
    assertEquals("variable 'a' is listed twice", e.getMessage());
  }
}
