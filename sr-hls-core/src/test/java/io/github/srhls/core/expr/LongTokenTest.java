package io.github.srhls.core.expr;

import static io.github.srhls.core.expr.Trees.SCOPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Long digit runs are scanned in linear time (a backtracking pattern took 39 s for 30,000 digits and hung on
 * 200,000), and a message echoes only the start of an offending token. The time bound only catches a hang.
 */
class LongTokenTest {
  private static final Duration HANG = Duration.ofSeconds(20);
  private static final String DIGITS = "1".repeat(200_000);

  @Test
  void aLongDigitRunIsJudgedAtOnce() {
    assertTimeoutPreemptively(HANG, () -> {
      assertFalse(NumberLiteral.isWellFormed(DIGITS + "x"));
      assertFalse(NumberLiteral.isWellFormed(DIGITS + ".5.5"));
      assertTrue(NumberLiteral.isWellFormed(DIGITS + "." + DIGITS + "e-5"));
      assertTrue(NumberLiteral.parse(DIGITS).isEmpty(), "too large for a double");
    });
  }

  @Test
  void theMessageEchoesTheStartOfALongBadNumber() {
    String source = "x0 + " + DIGITS + "x";
    ExprException e = assertTimeoutPreemptively(HANG,
        () -> assertThrows(ExprException.class, () -> ExprParser.parse(source, SCOPE)));
    assertEquals("bad number '" + "1".repeat(40) + "… (200001 characters)'", e.message());
    assertEquals(5, e.start());
    assertTrue(e.excerpt(source).length() < 400, () -> "excerpt of " + e.excerpt(source).length() + " chars");
  }

  @Test
  void theMessageEchoesTheStartOfALongNumberTooLarge() {
    ExprException e = assertTimeoutPreemptively(HANG,
        () -> assertThrows(ExprException.class, () -> ExprParser.parse(DIGITS, SCOPE)));
    assertEquals("number '" + "1".repeat(40) + "… (200000 characters)' is too large for a double", e.message());
  }

  @Test
  void numberLiteralsKeepTheirSpelling() {
    for (String ok : new String[] {"2", ".5", "2.", "1.5e-3", "+1", "-2.5E+10", "1.0f-5", "1f0", "007"}) {
      assertTrue(NumberLiteral.isWellFormed(ok), ok);
    }
    for (String bad : new String[] {"", ".", "+", "e5", "1e", "1e+", "1.2.3", "1..2", "..5", "1f", "1.5f", "2x",
        "1e5.5", "--1", "1 "}) {
      assertFalse(NumberLiteral.isWellFormed(bad), bad);
    }
    assertTrue(NumberLiteral.isDecimal("-2.5E+10"));
    assertFalse(NumberLiteral.isDecimal("1.0f-5"), "no Float32 spelling in vector files");
  }
}
