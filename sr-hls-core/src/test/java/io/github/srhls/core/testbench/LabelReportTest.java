package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.srhls.core.model.Labels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelReportTest {
  private static final List<String> ABC = List.of("a", "b", "c");

  /** Four vectors of three classes; the hand-computed figures are in the assertions. */
  private static final double[][] OUTPUTS = {
      {0.7, 0.2, 0.1}, // class 0, argmax 0: right
      {0.3, 0.3, 0.4}, // class 1, argmax 2: wrong
      {0.2, 0.5, 0.3}, // class 1, argmax 1: right
      {0.4, 0.4, 0.2}, // class 2, argmax 0 (the first of the tie): wrong
  };

  @Test
  void perClassAucAndArgmaxAccuracyByHand() {
    LabelReport.Figures f = LabelReport.figures(new Labels.Classes(new int[] {0, 1, 1, 2}), OUTPUTS, ABC);
    assertEquals(0.5, f.accuracy());
    Map<String, Double> auc = new LinkedHashMap<>();
    // a: positive 0.7 against 0.3, 0.2, 0.4: 3 of 3
    auc.put("a", 1.0);
    // b: positives 0.3, 0.5 against 0.2, 0.4: (0.3>0.2) (0.3<0.4) (0.5>0.2) (0.5>0.4) = 3 of 4
    auc.put("b", 0.75);
    // c: positive 0.2 against 0.1, 0.4, 0.3: 1 of 3
    auc.put("c", 1.0 / 3);
    assertEquals(auc, f.auc());
  }

  @Test
  void oneHotTargetsGiveTheSameFiguresAsClasses() {
    boolean[][] oneHot = {{true, false, false}, {false, true, false}, {false, true, false}, {false, false, true}};
    assertEquals(LabelReport.figures(new Labels.Classes(new int[] {0, 1, 1, 2}), OUTPUTS, ABC),
        LabelReport.figures(new Labels.Targets(oneHot, ABC), OUTPUTS, ABC));
  }

  @Test
  void targetsThatAreNotOneHotHaveAucButNoAccuracy() {
    boolean[][] multi = {{true, true, false}, {false, true, false}, {false, false, false}, {false, false, true}};
    LabelReport.Figures f = LabelReport.figures(new Labels.Targets(multi, ABC), OUTPUTS, ABC);
    assertNull(f.accuracy());
    assertEquals(1.0, f.auc().get("a"));
  }

  @Test
  void aClassWithoutVectorsHasNoAucAndAOneOutputModelNoAccuracy() {
    LabelReport.Figures f = LabelReport.figures(new Labels.Classes(new int[] {0, 1, 1, 0}), OUTPUTS, ABC);
    assertNull(f.auc().get("c"));
    assertEquals(3, f.auc().size());
    double[][] one = Arrays.stream(OUTPUTS).map(v -> new double[] {v[0]}).toArray(double[][]::new);
    boolean[][] t = {{true}, {false}, {false}, {true}};
    LabelReport.Figures binary = LabelReport.figures(new Labels.Targets(t, List.of("a")), one, List.of("a"));
    assertNull(binary.accuracy());
    // positives 0.7, 0.4 against 0.3, 0.2: all four pairs
    assertEquals(Map.of("a", 1.0), binary.auc());
  }

  @Test
  void theLogLineNamesEachFigure() {
    ExpectedOutputs expected = new ExpectedOutputs(OUTPUTS, OUTPUTS, Map.of());
    LabelReport r = LabelReport.of("src/main/sr/l.csv", new Labels.Classes(new int[] {0, 1, 1, 2}), expected, ABC);
    assertEquals("labels src/main/sr/l.csv (4 vectors): argmax accuracy 0.5 (float64 0.5); ROC AUC of each output,"
        + " firmware (float64): a 1 (1), b 0.75 (0.75), c 0.3333 (0.3333)", r.summary());
  }
}
