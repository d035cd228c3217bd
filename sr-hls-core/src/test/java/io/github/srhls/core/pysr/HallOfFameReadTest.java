package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.ExprPrinter;
import io.github.srhls.core.expr.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HallOfFameReadTest {
  private static final Scope SCOPE = Scope.of(List.of("x0", "x1", "x2"), Map.of());

  @Test
  void readsThePipeSeparatedMseEra() {
    Path file = Resources.path("mse-era/hall_of_fame_2021-05-04_101112.csv");
    HallOfFame hof = HallOfFame.read(file);
    assertEquals(file, hof.file());
    assertEquals(List.of(
        new HallOfFame.Row(1, 0.9912673, "0.4485192", 2, 14),
        new HallOfFame.Row(3, 0.38641, "plus(x0, -0.70412415)", 3, 12),
        new HallOfFame.Row(5, 1.0e-5, "mult(x1, cos((x0 * -0.3443009)))", 4, 11),
        new HallOfFame.Row(7, 1.2e-7, "(square(x0) - -0.0411)", 5, 11)), hof.rows());
    assertEquals(List.of("0.4485192", "x0 + -0.70412415", "x1 * cos(x0 * -0.3443009)", "square(x0) - -0.0411"),
        hof.rows().stream().map(r -> ExprPrinter.print(ExprParser.parse(r.equation(), SCOPE))).toList());
  }

  @Test
  void toleratesWindowsLineEndsAndAByteOrderMark(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("resaved.csv");
    Files.writeString(file, "\uFEFFComplexity,Loss,Equation\r\n1,0.5,\"x0\"\r\n3,1.5e-3,\"sin(x1, x2)\"\r\n");
    HallOfFame hof = HallOfFame.read(file);
    assertEquals(List.of(new HallOfFame.Row(1, 0.5, "x0", 2, 8), new HallOfFame.Row(3, 1.5e-3, "sin(x1, x2)", 3, 11)),
        hof.rows());
    // the mark is no part of the header a message quotes
    Path noLoss = dir.resolve("no-loss.csv");
    Files.writeString(noLoss, "\uFEFFComplexity,Equation\n1,\"x0\"\n");
    assertTrue(message(noLoss).startsWith(noLoss + ":1:1: the header 'Complexity,Equation' lacks"), message(noLoss));
  }

  @Test
  void emptyFile() {
    Path file = Resources.path("broken/empty.csv");
    assertEquals(file + ": the file is empty; a PySR hall of fame starts with the header 'Complexity,Loss,Equation'"
        + " (PySR 0.10 and later) or 'Complexity|MSE|Equation' (PySR 0.3 to 0.9)", message(file));
  }

  @Test
  void headerWithoutRows() {
    Path file = Resources.path("broken/header-only.csv");
    assertEquals(file + ":1: the file has a header but no equations; was the PySR run stopped before its first"
        + " iteration?", message(file));
  }

  @Test
  void missingColumn() {
    Path file = Resources.path("broken/no-loss-column.csv");
    assertEquals(file + ":1:1: the header 'Complexity,Equation' lacks a Complexity, Loss (or MSE) or Equation"
        + " column; a PySR hall of fame starts with the header 'Complexity,Loss,Equation' (PySR 0.10 and later) or"
        + " 'Complexity|MSE|Equation' (PySR 0.3 to 0.9)", message(file));
  }

  @Test
  void badLossPointsAtTheField() {
    Path file = Resources.path("broken/bad-loss.csv");
    assertEquals(file + ":3:3: bad loss '0.2.5'; expected a finite number such as 0.25, 1.5e-3 or 1.0f-5",
        message(file));
  }

  @Test
  void badComplexityPointsAtTheField() {
    Path file = Resources.path("broken/bad-complexity.csv");
    assertEquals(file + ":3:1: bad complexity 'three'; expected a whole number such as 7", message(file));
  }

  @Test
  void shortRow() {
    Path file = Resources.path("broken/short-row.csv");
    assertEquals(file + ":2:1: this row has 2 field(s) but the header names 3; expected complexity, loss and"
        + " quoted equation", message(file));
  }

  @Test
  void unclosedQuoteIsReported() {
    Path file = Resources.path("broken/unclosed-quote.csv");
    String message = message(file);
    // Jackson notices at the end of the file, where the quoted value is still open
    assertTrue(message.startsWith(file + ":4:1: not a valid CSV file: Missing closing quote"), message);
  }

  @Test
  void missingFile() {
    Path file = Resources.path("broken/nothing-here.csv");
    assertEquals(file + ": hall-of-fame file not found; check the 'pysr: file:' path of the model", message(file));
  }

  private static String message(Path file) {
    return assertThrows(SrHlsException.class, () -> HallOfFame.read(file)).getMessage();
  }
}
