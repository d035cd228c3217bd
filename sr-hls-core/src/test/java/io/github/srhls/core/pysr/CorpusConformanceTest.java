package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.ExprPrinter;
import io.github.srhls.core.expr.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real hall-of-fame files written by SymbolicRegression.jl, read from the shared corpus (never copied here). */
class CorpusConformanceTest {
  private static final Scope SCOPE = Scope.of(variables(), Map.of());

  private static List<String> variables() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      names.add("x" + i);
    }
    return names;
  }

  private static Path corpus() {
    return SharedCorpus.directory();
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  @Test
  void everyRowOfEveryFileReadsAndParsesAndPointsAtItsText() throws IOException {
    List<Path> files = files();
    assertTrue(files.size() >= 4, "corpus files: " + files);
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      HallOfFame hof = HallOfFame.read(file);
      assertEquals(lines.size() - 1, hof.rows().size(), file.toString());
      for (HallOfFame.Row row : hof.rows()) {
        String line = lines.get(row.line() - 1);
        // the column points just past the opening quote, and the equation runs up to the closing one
        assertEquals('"', line.charAt(row.column() - 2), line);
        assertEquals(line.substring(row.column() - 1, line.length() - 1), row.equation());
        assertEquals(Integer.parseInt(line.substring(0, line.indexOf(','))), row.complexity());
        String printed = ExprPrinter.print(ExprParser.parse(row.equation(), SCOPE));
        assertEquals(printed, ExprPrinter.print(ExprParser.parse(printed, SCOPE)), row.equation());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // file, rows, accuracy, score, best: worked out by hand from the files (score = -dln(loss)/dcomplexity)
      "gvdr_RDPG_in_differential_geometry__hall_of_fame.csv, 7, 17, 5, 5",
      "hsianktin_monkeypox__hall_of_fame.csv,                5,  8, 2, 2",
      "mis0butter_julia_learn__hall_of_fame.csv,             9, 21, 8, 8",
      "wagenhoffer_Puffer__hall_of_fame.csv,                 8, 14, 5, 12",
  })
  void selectionModesPickTheExpectedRows(String name, int rows, int accuracy, int score, int best) {
    HallOfFame hof = HallOfFame.read(corpus().resolve(name));
    assertEquals(rows, hof.rows().size());
    // lowest loss is the last, most complex row in every file
    assertEquals(hof.rows().get(rows - 1), new Selection.Accuracy().select(hof));
    assertEquals(accuracy, new Selection.Accuracy().select(hof).complexity());
    assertEquals(score, new Selection.Score().select(hof).complexity());
    assertEquals(best, new Selection.Best().select(hof).complexity());
    for (int i = 0; i < rows; i++) {
      HallOfFame.Row row = hof.rows().get(i);
      assertEquals(row, new Selection.Row(i).select(hof));
      assertEquals(row, new Selection.Complexity(row.complexity()).select(hof));
    }
  }

  @Test
  void knownValuesOfOneFile() {
    HallOfFame hof = HallOfFame.read(corpus().resolve("gvdr_RDPG_in_differential_geometry__hall_of_fame.csv"));
    HallOfFame.Row first = hof.rows().get(0);
    assertEquals(new HallOfFame.Row(1, 0.00010022904424848631, "-1.3459566667091798e-5", 2, 27), first);
    assertEquals(new Expr.Num(-1.3459566667091798e-5, 0, 22), ExprParser.parse(first.equation(), SCOPE));
    HallOfFame.Row last = hof.rows().get(6);
    assertEquals(7.472316936106866e-5, last.loss());
    // written "(((x16 * (x1 + a)) / (((x1 / b) + (c / x30)) + b)) * d)": only the parentheses that matter remain
    assertEquals("x16 * (x1 + -0.07954359675079636) / (x1 / 0.7857169045213892 + 0.8821094091345122 / x30"
        + " + 0.7857169045213892) * 0.9131207204141438", ExprPrinter.print(ExprParser.parse(last.equation(), SCOPE)));
  }
}
