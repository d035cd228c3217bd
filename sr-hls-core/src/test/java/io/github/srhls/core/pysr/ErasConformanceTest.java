package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The repository's own hand-written hall of fame of every era (facts: pysr-formats.md), under
 * {@code src/test/resources/.../pysr/eras}: found by the era's own naming (beside its backups), read, every
 * equation parsed, and the selection modes give what was worked out by hand. What {@link CorpusConformanceTest} checks
 * on the real files, checked where a clone has no {@code ../shared}.
 */
class ErasConformanceTest {
  private static final Scope SCOPE = Scope.of(List.of("x0", "x1", "x2", "x3", "x4", "x5"), Map.of());

  @ParameterizedTest(name = "{0} output {1}")
  @CsvSource({
      // era folder and the path a model names, output (0: single), rows, accuracy, score, best (complexities;
      // score = -dln(loss)/dcomplexity against the row before)
      "pysr-0.5/hall_of_fame_2021-03-14_153000.csv,                0, 5,  7, 7, 7",
      "pysr-0.8-multi/hall_of_fame_2021-11-02_080910.csv,          1, 4,  6, 6, 6",
      "pysr-0.8-multi/hall_of_fame_2021-11-02_080910.csv,          2, 3,  4, 4, 4",
      "pysr-0.16/hall_of_fame_2023-02-17_093012.481.csv,           0, 6, 10, 8, 8",
      "pysr-0.16-multi/hall_of_fame_2023-05-30_171819.004.csv,     1, 3,  5, 5, 5",
      "pysr-0.16-multi/hall_of_fame_2023-05-30_171819.004.csv,     2, 2,  4, 4, 4",
      "pysr-1.3/outputs,                                           0, 6, 11, 5, 9",
      "symbolicregression-jl/hall_of_fame.csv,                     0, 5,  9, 3, 3",
  })
  void everyEraIsFoundReadParsedAndSelectedAsWorkedOutByHand(String named, int output, int rows, int accuracy,
      int score, int best) {
    Path file = HallOfFameLocator.locate(Resources.path("eras/" + named),
        output == 0 ? OptionalInt.empty() : OptionalInt.of(output));
    assertTrue(!file.toString().endsWith(".bkup") && !file.toString().endsWith(".bak"), file.toString());
    HallOfFame hof = HallOfFame.read(file);
    assertEquals(rows, hof.rows().size());
    List<Integer> complexities = new ArrayList<>();
    for (HallOfFame.Row row : hof.rows()) {
      complexities.add(row.complexity());
      // one-based files name x1 .. x4; the scope holds both spellings' names
      ExprParser.parse(row.equation(), SCOPE);
    }
    assertEquals(complexities.stream().sorted().toList(), complexities, "rows in complexity order");
    assertEquals(accuracy, new Selection.Accuracy().select(hof).complexity());
    assertEquals(score, new Selection.Score().select(hof).complexity());
    assertEquals(best, new Selection.Best().select(hof).complexity());
  }
}
