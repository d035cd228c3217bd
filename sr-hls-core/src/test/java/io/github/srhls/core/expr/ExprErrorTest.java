package io.github.srhls.core.expr;

import static io.github.srhls.core.expr.Trees.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExprErrorTest {

  private static ExprException fail(String source) {
    return fail(source, SCOPE);
  }

  private static ExprException fail(String source, Scope scope) {
    return assertThrows(ExprException.class, () -> ExprParser.parse(source, scope), source);
  }

  private static void assertError(String source, String message, int start, int end) {
    ExprException e = fail(source);
    assertEquals(message, e.message(), source);
    assertEquals(List.of(start, end), List.of(e.start(), e.end()), "offsets of: " + message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      sn(x0)           | unknown function 'sn'; did you mean 'sin'?                                          | 0  | 2
      x1 + coss(x0)    | unknown function 'coss'; did you mean 'cos'?                                        | 5  | 9
      SQRT(x0)         | unknown function 'SQRT'; did you mean 'sqrt'?                                       | 0  | 4
      scc(x0)          | unknown function 'scc'; did you mean 'sc'?                                          | 0  | 3
      relu(x0)         | unknown function 'relu' (neither a builtin nor a custom operator in scope)          | 0  | 4
      x0(2)            | 'x0' is a variable, not a function                                                  | 0  | 2
      sin + 1          | 'sin' is a function; call it as sin(...)                                            | 0  | 3
      xx0 * 2          | unknown variable 'xx0'; did you mean 'x0'?                                          | 0  | 3
      x32              | unknown variable 'x32'; the variables are x0, x1, x2, x3, x4, x5, ..., x31 (32 in all) | 0  | 3
      log3(x0)         | unknown function 'log3'; did you mean 'log'?                                        | 0  | 4
      sin(x0, x1)      | 'sin' takes 1 argument, got 2                                                       | 0  | 11
      max(x0)          | 'max' takes 2 arguments, got 1                                                      | 0  | 7
      2 * f2(x0)       | 'f2' takes 2 arguments, got 1                                                       | 4  | 10
      cos()            | 'cos' takes 1 argument, got 0                                                       | 0  | 5
      (x0 + 1          | unbalanced parenthesis: this '(' is never closed                                    | 0  | 1
      sin((x0)         | unbalanced parenthesis: this '(' is never closed                                    | 3  | 4
      x0 + 1)          | unbalanced parenthesis: this ')' has no matching '('                                | 6  | 7
      (x0))            | unbalanced parenthesis: this ')' has no matching '('                                | 4  | 5
      ``               | empty expression                                                                    | 0  | 0
      `   `            | empty expression                                                                    | 0  | 0
      x0 x1            | unexpected 'x1' after the end of the expression                                     | 3  | 5
      2 3              | unexpected '3' after the end of the expression                                      | 2  | 3
      1.2.3            | bad number '1.2.3'                                                                  | 0  | 5
      2x0 + 1          | bad number '2x0'                                                                    | 0  | 3
      x0 * 1e          | bad number '1e'                                                                     | 5  | 7
      1.5f             | bad number '1.5f'                                                                   | 0  | 4
      1e999            | number '1e999' is too large for a double                                            | 0  | 5
      x0 +             | the expression ends where an operand is expected                                    | 4  | 4
      x0 * * x1        | expected an operand but found '*'                                                   | 5  | 6
      ()               | expected an operand but found ')'                                                   | 1  | 2
      sin(x0 x1)       | expected ',' or ')' but found 'x1'                                                  | 7  | 9
      (x0 x1)          | expected ')' but found 'x1'                                                         | 4  | 6
      x0 > 1           | comparison '>' is not supported: sr-hls compiles arithmetic expressions only        | 3  | 4
      x0 <= 1          | comparison '<=' is not supported: sr-hls compiles arithmetic expressions only       | 3  | 5
      x0 == x1         | comparison '==' is not supported: sr-hls compiles arithmetic expressions only       | 3  | 5
      x0 != x1         | comparison '!=' is not supported: sr-hls compiles arithmetic expressions only       | 3  | 5
      x0 && x1         | logical operator '&&' is not supported: sr-hls compiles arithmetic expressions only | 3  | 5
      !x0              | logical operator '!' is not supported: sr-hls compiles arithmetic expressions only  | 0  | 1
      y = x0           | '=' is not allowed in an expression; give only the right-hand side                  | 2  | 3
      x0 @ 2           | unexpected character '@'                                                            | 3  | 4
      x0 − 2           | unexpected character '−' (U+2212)                                                   | 3  | 4
      """)
  void reportsMessageAndRange(String source, String message, int start, int end) {
    assertError(source, message, start, end);
  }

  @Test
  void rejectsComparisonsWrittenAsFunctions() {
    assertError("greater(x0, 1)", "'greater' is a comparison or logic operator, which is not supported: sr-hls"
        + " compiles arithmetic expressions only", 0, 7);
  }

  @Test
  void rejectsLogicalOr() {
    assertError("x0 | x1", "logical operator '|' is not supported: sr-hls compiles arithmetic expressions only", 3, 4);
    assertError("x0 || x1", "logical operator '||' is not supported: sr-hls compiles arithmetic expressions only", 3,
        5);
  }

  @Test
  void templateExpressionsAreRejectedWithAReason() {
    ExprException e = fail("#1 + 0.19424161");
    assertEquals(List.of(0, 1), List.of(e.start(), e.end()));
    assertEquals("'#' marks a PySR template-expression argument; template expressions are not supported, write"
        + " the combined expression instead", e.message());
  }

  @Test
  void unknownVariableWithoutANearNameListsTheVariables() {
    ExprException e = fail("foo + pt", Scope.of(List.of("pt", "eta", "phi"), Map.of()));
    assertEquals("unknown variable 'foo'; the variables are pt, eta, phi", e.message());
    ExprException many = fail("weight", SCOPE);
    assertEquals("unknown variable 'weight'; the variables are x0, x1, x2, x3, x4, x5, ..., x31 (32 in all)",
        many.message());
    ExprException none = fail("a", Scope.of(List.of(), Map.of()));
    assertEquals("unknown variable 'a' (no variables are defined here)", none.message());
  }

  @Test
  void suggestsCustomOperatorsToo() {
    Scope scope = Scope.of(List.of("x"), Map.of("gauss", 1));
    assertEquals("unknown function 'guass'; did you mean 'gauss'?", fail("guass(x)", scope).message());
  }

  @Test
  void excerptMarksTheRange() {
    String source = "sin(x0, x1)";
    assertEquals("    sin(x0, x1)\n    ^~~~~~~~~~~", fail(source).excerpt(source));
    String end = "x0 +";
    assertEquals("    x0 +\n        ^", fail(end).excerpt(end));
  }

  @Test
  void excerptShowsOnlyTheOffendingLineAndKeepsTabs() {
    String source = "x0 +\n\tfoo(x1) *\n x2";
    ExprException e = fail(source);
    assertEquals(List.of(6, 9), List.of(e.start(), e.end()));
    assertEquals("    \tfoo(x1) *\n    \t^~~", e.excerpt(source));
  }

  @Test
  void nestingLimitAllowsTwoHundredLevelsAndRejectsMore() {
    String ok = "(".repeat(199) + "x0" + ")".repeat(199);
    assertEquals(new Expr.Input(0, "x0", 0, ok.length()), ExprParser.parse(ok, SCOPE));
    ExprException e = fail("(".repeat(200) + "x0" + ")".repeat(200));
    assertEquals("expression nested too deeply (more than 200 levels); split it or simplify it", e.message());
    assertEquals(List.of(200, 202), List.of(e.start(), e.end()));
  }

  @Test
  void hundredThousandNestedParenthesesGiveAnErrorNotAStackOverflow() {
    ExprException e = fail("(".repeat(100_000) + "x0" + ")".repeat(100_000));
    assertEquals("expression nested too deeply (more than 200 levels); split it or simplify it", e.message());
    assertEquals(200, e.start());
  }

  @Test
  void deepSignsPowersAndCallsAreBoundedToo() {
    String message = "expression nested too deeply (more than 200 levels); split it or simplify it";
    assertEquals(message, fail("-".repeat(100_000) + "x0").message());
    assertEquals(message, fail("x0^".repeat(100_000) + "x0").message());
    assertEquals(message, fail("sin(".repeat(100_000) + "x0" + ")".repeat(100_000)).message());
  }

  @Test
  void longChainsInsideDeepNestingAreBoundedByTreeHeight() {
    // a flat chain becomes a balanced tree past 500 terms (FlatChainTest); a shorter one keeps its order, so 400
    // terms inside 150 calls make a tree 550 levels high, which every later pass would walk
    String deep = "sin(".repeat(150) + "x0" + " + x1".repeat(399) + ")".repeat(150);
    ExprException e = fail(deep);
    assertEquals("expression nested too deeply (more than 500 levels); split it or simplify it", e.message());
    assertTrue(e.excerpt(deep).length() < 400, "a window of the long line");
    ExprParser.parse("x0" + " + x1".repeat(100_000), SCOPE);
  }
}
