package io.github.srhls.core.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.project.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pareto.json with {@code testbench.labels}: each candidate's ROC AUC for its output's class and each combination's
 * argmax accuracy, firmware beside float64, on four vectors small enough to check by hand.
 */
class ParetoLabelsTest {
  /** Multiples of 1/8, exact in fixed point. */
  private static final String VECTORS = "0.5 -0.25\n0.25 0.75\n-0.5 0.5\n0.75 0.125\n";
  /** Class 0 (y0's) for the vectors where x0 > x1, class 1 (y1's) for the others. */
  private static final String LABELS = "0\n1\n1\n0\n";

  /**
   * Row 3, x0 * 0.01, gives 0.005, 0.0025, -0.005, 0.0075 in float64; in ap_fixed<8,2> (steps of 1/64, truncated)
   * 0, 0, -1/64, 0.
   */
  private static final String Y0 = """
      Complexity,Loss,Equation
      1,0.9,"0.3"
      3,0.5,"x1"
      3,0.4,"x0"
      5,0.3,"x0 * 0.01"
      """;
  /** Row 1, 0.004, is 0 in ap_fixed<8,2>. */
  private static final String Y1 = """
      Complexity,Loss,Equation
      1,0.8,"0.5"
      1,0.7,"0.004"
      3,0.5,"x0"
      3,0.2,"x1"
      """;

  @TempDir Path root;

  private Path project(String labels) throws Exception {
    Path models = Files.createDirectories(root.resolve("src/main/sr/pysr")).getParent();
    Files.writeString(models.resolve("pysr/y0.csv"), Y0);
    Files.writeString(models.resolve("pysr/y1.csv"), Y1);
    Files.writeString(models.resolve("vectors.dat"), VECTORS);
    String testbench = "testbench: {inputs: vectors.dat}\n";
    if (labels != null) {
      Files.writeString(models.resolve("labels.csv"), labels);
      testbench = "testbench: {inputs: vectors.dat, labels: labels.csv}\n";
    }
    Path file = models.resolve("m.sr.yaml");
    Files.writeString(file, """
        format: sr-hls/v1
        name: m
        inputs: {count: 2, range: [-1, 1], type: 'ap_fixed<16,4>'}
        outputs:
          - {name: y0, type: 'ap_fixed<8,2>', pysr: {file: pysr/y0.csv, select: budget}}
          - {name: y1, type: 'ap_fixed<8,2>', pysr: {file: pysr/y1.csv, select: budget}}
        selection: {budget: {lut: 100000}, objective: loss}
        """ + testbench);
    return file;
  }

  private BudgetedSelection.Exploration explore(Path file) {
    return new BudgetedSelection(new ModelReader().read(file, root, "1.0.0"), root, "src/main/sr/m.sr.yaml", 2,
        BuildLog.silent()).run(true);
  }

  @Test
  void everyCandidateHasTheAucOfItsClassAndEveryCombinationItsArgmaxAccuracy() throws Exception {
    ParetoDocument pareto = explore(project(LABELS)).pareto();
    assertEquals("src/main/sr/labels.csv", pareto.labels());

    // y0 scores class 0 (vectors 0 and 3), y1 class 1 (vectors 1 and 2)
    assertEquals(List.of(
        // 0.3 everywhere: all ties
        new ParetoDocument.CandidateLabels(0.5, 0.5),
        // x1: the positives -0.25 and 0.125 below the negatives 0.75 and 0.5
        new ParetoDocument.CandidateLabels(0.0, 0.0),
        // x0: the positives 0.5 and 0.75 above the negatives 0.25 and -0.5
        new ParetoDocument.CandidateLabels(1.0, 1.0),
        // x0 * 0.01: float64 as x0; the firmware's positives 0 and 0 tie the negative 0 and beat -1/64: 3 of 4
        new ParetoDocument.CandidateLabels(0.75, 1.0)),
        labels(pareto.outputs().get(0)));
    assertEquals(List.of(
        new ParetoDocument.CandidateLabels(0.5, 0.5),
        new ParetoDocument.CandidateLabels(0.5, 0.5),
        // x0: the positives 0.25 and -0.5 below the negatives 0.5 and 0.75
        new ParetoDocument.CandidateLabels(0.0, 0.0),
        // x1: the positives 0.75 and 0.5 above the negatives -0.25 and 0.125
        new ParetoDocument.CandidateLabels(1.0, 1.0)),
        labels(pareto.outputs().get(1)));

    assertEquals(16, pareto.combinations().size(), "exhaustive: 4 rows by 4");
    // x0 against x1: the labels themselves
    assertEquals(new ParetoDocument.CombinationLabels(1.0, 1.0), combination(pareto, 2, 3).labels());
    // 0.3 against 0.5: class 1 always, right for half the vectors
    assertEquals(new ParetoDocument.CombinationLabels(0.5, 0.5), combination(pareto, 0, 0).labels());
    // x1 against x0: every vector wrong
    assertEquals(new ParetoDocument.CombinationLabels(0.0, 0.0), combination(pareto, 1, 2).labels());
    // x0 * 0.01 against 0.004: float64 classes 0 1 1 0, all right; the firmware's 0, 0, -1/64, 0 against 0 tie
    // (argmax: the first) but for vector 2: 0 0 1 0, three right
    assertEquals(new ParetoDocument.CombinationLabels(0.75, 1.0), combination(pareto, 3, 1).labels());

    JsonNode json = JsonFiles.toTree(pareto);
    assertEquals("src/main/sr/labels.csv", json.get("labels").asText());
    assertEquals(0.75, json.at("/outputs/0/candidates/3/labels/auc").asDouble());
    assertEquals(1.0, json.at("/outputs/0/candidates/3/labels/float64Auc").asDouble());
    JsonNode c = json.get("combinations").get(pareto.combinations().indexOf(combination(pareto, 3, 1)));
    assertEquals(0.75, c.at("/labels/accuracy").asDouble());
    assertEquals(1.0, c.at("/labels/float64Accuracy").asDouble());
  }

  @Test
  void withoutLabelsTheLabelsKeysAreNull() throws Exception {
    ParetoDocument pareto = explore(project(null)).pareto();
    assertNull(pareto.labels());
    assertTrue(pareto.outputs().stream().flatMap(o -> o.candidates().stream()).allMatch(e -> e.labels() == null));
    assertTrue(pareto.combinations().stream().allMatch(c -> c.labels() == null));
    JsonNode json = JsonFiles.toTree(pareto);
    assertTrue(json.get("labels").isNull());
    assertTrue(json.at("/outputs/0/candidates/0/labels").isNull());
    assertTrue(json.at("/combinations/0/labels").isNull());
  }

  @Test
  void labelsThatDoNotFitTheVectorsFailAtTheirPosition() throws Exception {
    Path file = project("0\n1\n1\n");
    String m = assertThrows(SrHlsException.class, () -> explore(file)).getMessage();
    assertTrue(m.startsWith("src/main/sr/labels.csv:4:1: the labels file has 3 rows of labels, but"
        + " src/main/sr/vectors.dat has 4 vectors"), m);
  }

  private static List<ParetoDocument.CandidateLabels> labels(ParetoDocument.Output output) {
    return output.candidates().stream().map(ParetoDocument.Entry::labels).toList();
  }

  private static ParetoDocument.Combination combination(ParetoDocument pareto, int y0, int y1) {
    return pareto.combinations().stream().filter(c -> c.rows().equals(Map.of("y0", y0, "y1", y1))).findFirst()
        .orElseThrow(() -> new AssertionError("no combination y0 " + y0 + ", y1 " + y1));
  }
}
