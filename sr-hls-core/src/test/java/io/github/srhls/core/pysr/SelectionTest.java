package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final Path FILE = Path.of("hof.csv");

  /** Rows from (complexity, loss) pairs, at lines 2, 3, ... */
  private static HallOfFame hof(double... complexityLoss) {
    HallOfFame.Row[] rows = new HallOfFame.Row[complexityLoss.length / 2];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new HallOfFame.Row((int) complexityLoss[2 * i], complexityLoss[2 * i + 1], "x0", i + 2, 8);
    }
    return new HallOfFame(FILE, Arrays.asList(rows));
  }

  @Test
  void scoresAreTheNegatedSlopeOfLogLoss() {
    HallOfFame h = hof(1, 1.0, 3, Math.exp(-2), 4, Math.exp(-2.5));
    List<Double> scores = h.scores();
    assertEquals(0.0, scores.get(0));
    assertEquals(1.0, scores.get(1), 1e-12); // ln falls by 2 over 2 steps of complexity
    assertEquals(0.5, scores.get(2), 1e-12);
  }

  @Test
  void scoresFollowComplexityNotFileOrder() {
    HallOfFame h = hof(4, Math.exp(-2.5), 1, 1.0, 3, Math.exp(-2));
    assertEquals(List.of(0.5, 0.0, 1.0), h.scores().stream().map(s -> Math.round(s * 1e9) / 1e9).toList());
  }

  @Test
  void zeroLossScoresInfinityLikePySr() {
    HallOfFame h = hof(1, 1.0, 2, 0.5, 3, 0.0, 5, 0.0, 6, 0.25);
    List<Double> scores = h.scores();
    assertEquals(Double.POSITIVE_INFINITY, scores.get(2));
    assertEquals(Double.POSITIVE_INFINITY, scores.get(3));
    assertEquals(Double.NEGATIVE_INFINITY, scores.get(4));
    // the simplest perfect fit wins both score-based selections
    assertEquals(3, new Selection.Score().select(h).complexity());
    assertEquals(3, new Selection.Best().select(h).complexity());
    assertEquals(3, new Selection.Accuracy().select(h).complexity());
  }

  @Test
  void sameComplexityTwiceScoresZeroInsteadOfDividingByZero() {
    HallOfFame h = hof(1, 1.0, 2, 0.5, 2, 0.4);
    assertEquals(0.0, h.scores().get(2));
  }

  @Test
  void bestIsTheHighestScoreWithinOneAndAHalfTimesTheLowestLoss() {
    // complexity 3 has the best score (ln 10 / 2) but a loss of 0.1 > 1.5 * 0.05
    HallOfFame h = hof(1, 1.0, 3, 0.1, 5, 0.06, 9, 0.05);
    assertEquals(3, new Selection.Score().select(h).complexity());
    assertEquals(5, new Selection.Best().select(h).complexity());
    assertEquals(9, new Selection.Accuracy().select(h).complexity());
  }

  @Test
  void bestWithNegativeLossesKeepsACandidate() {
    HallOfFame h = hof(1, -1.0, 2, -2.0, 3, -1.2);
    assertEquals(2, new Selection.Best().select(h).complexity());
  }

  @Test
  void tiesGoToTheFirstRow() {
    HallOfFame h = hof(1, 0.5, 2, 0.25, 3, 0.25, 4, 0.125);
    assertEquals(2, new Selection.Accuracy().select(hof(1, 0.5, 2, 0.25, 3, 0.25)).complexity());
    // complexities 2 and 4 both halve the loss per step
    assertEquals(2, new Selection.Score().select(h).complexity());
  }

  @Test
  void complexityAndRowSelectExactly() {
    HallOfFame h = hof(1, 1.0, 3, 0.5, 7, 0.25);
    assertEquals(h.rows().get(1), new Selection.Complexity(3).select(h));
    assertEquals(h.rows().get(2), new Selection.Row(2).select(h));
  }

  @Test
  void missingComplexityListsTheAvailableOnes() {
    HallOfFame h = hof(1, 1.0, 3, 0.5, 7, 0.25);
    SrHlsException e = assertThrows(SrHlsException.class, () -> new Selection.Complexity(4).select(h));
    assertEquals("hof.csv: no equation has complexity 4; the complexities in this file are 1, 3, 7", e.getMessage());
  }

  @Test
  void rowOutOfRangeGivesTheValidRange() {
    HallOfFame h = hof(1, 1.0, 3, 0.5, 7, 0.25);
    assertEquals("hof.csv: there is no equation at index 3; this file has 3 equations, indices 0 to 2",
        assertThrows(SrHlsException.class, () -> new Selection.Row(3).select(h)).getMessage());
    assertEquals("hof.csv: there is no equation at index -1; this file has 1 equation, index 0",
        assertThrows(SrHlsException.class, () -> new Selection.Row(-1).select(hof(1, 1.0))).getMessage());
  }
}
