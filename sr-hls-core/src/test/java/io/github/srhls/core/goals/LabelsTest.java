package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.testbench.LabelReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code testbench.labels}: the outputs' ROC AUC and argmax accuracy, from generate to report.json. */
class LabelsTest {
  private static final String MODEL = """
      format: sr-hls/v1
      name: three
      inputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}, {name: c, range: [-1, 1]}]
      outputs: [{name: ya, expression: a}, {name: yb, expression: b}, {name: yc, expression: c}]
      testbench: {inputs: vectors.dat, labels: labels.csv}
      """;

  /** Four vectors whose values fixed point holds exactly, so that firmware and float64 agree. */
  private static final String VECTORS = "0.5 0.25 0\n0.25 0.25 0.5\n0 0.5 0.25\n0.5 0.5 0\n";

  @TempDir Path root;

  /** The model with its vectors and these labels, not generated yet. */
  private TempProject withLabels(String labels) throws Exception {
    TempProject temp = TempProject.with(root, "three.sr.yaml", MODEL);
    Files.writeString(temp.models().resolve("vectors.dat"), VECTORS);
    Files.writeString(temp.models().resolve("labels.csv"), labels);
    return temp;
  }

  @Test
  void generateComputesTheFiguresLogsThemAndTestPutsThemIntoTheReport() throws Exception {
    TempProject temp = withLabels("class\n0\n1\n1\n2\n");
    RecordingBuildLog log = new RecordingBuildLog();
    temp.generate(temp.generateRequest().log(log));

    LabelReport labels = JsonFiles.read(temp.out().resolve("three").resolve(LabelReport.FILE), LabelReport.class);
    Map<String, Double> auc = new LinkedHashMap<>();
    auc.put("ya", 2.5 / 3); // 0.5 against 0.25, 0 and 0.5 (a tie)
    auc.put("yb", 0.5); // 0.25 and 0.5 against 0.25 and 0.5: two ties, one win
    auc.put("yc", 0.5 / 3); // 0 against 0 (a tie), 0.5 and 0.25
    LabelReport.Figures expected = new LabelReport.Figures(0.5, auc);
    assertEquals(new LabelReport("src/main/sr/labels.csv", 4, "classes", expected, expected), labels);
    assertTrue(log.infos.contains("three: labels src/main/sr/labels.csv (4 vectors): argmax accuracy 0.5 (float64 0.5);"
        + " ROC AUC of each output, firmware (float64): ya 0.8333 (0.8333), yb 0.5 (0.5), yc 0.1667 (0.1667)"),
        log.infos::toString);

    temp.simulate();
    JsonNode report = JsonFiles.readObject(ModelReport.file(temp.work().resolve("three")));
    assertEquals(0.5, report.at("/labels/firmware/accuracy").asDouble());
    assertEquals(2.5 / 3, report.at("/labels/float64/auc/ya").asDouble());
    assertEquals(labels, ModelReport.read(temp.work().resolve("three")).orElseThrow().labels());
    assertEquals(4, report.get("vectors").asInt(), "the host simulation's section is still there");
  }

  @Test
  void theFiguresGoIntoTheReportWhenTheHostSimulationIsSkippedToo() throws Exception {
    TempProject temp = withLabels("class\n0\n1\n1\n2\n");
    temp.generate();
    LabelReport labels = JsonFiles.read(temp.out().resolve("three").resolve(LabelReport.FILE), LabelReport.class);

    // sr-hls.hostCsim.skip with no vendor tool: nothing simulates, and the report still has the labels' figures
    new TestOrchestrator().run(TestRequest.builder().projectDirectory(root).outputDirectory(temp.out())
        .workDirectory(temp.work()).log(new RecordingBuildLog()).hostCsim(false).build());
    ModelReport report = ModelReport.read(temp.work().resolve("three")).orElseThrow();
    assertEquals(labels, report.labels());
    assertEquals(null, report.host(), "no host section: nothing was simulated on the host");
  }

  @Test
  void labelsThatDoNotFitFailTheBuildAtTheirPositionAndLeaveNothingStale() throws Exception {
    TempProject temp = withLabels("0\n1\n1\n2\n");
    temp.generate();
    assertTrue(Files.isRegularFile(temp.out().resolve("three").resolve(LabelReport.FILE)));

    for (List<String> bad : List.of(
        List.of("0\n1\n1\n", "src/main/sr/labels.csv:4:1: the labels file has 3 rows of labels, but"
            + " src/main/sr/vectors.dat has 4 vectors"),
        List.of("0\n1\n0.5\n2\n", "src/main/sr/labels.csv:3:1: '0.5' is not a class"),
        List.of("0\n1\n3\n2\n", "src/main/sr/labels.csv:3:1: class 3 is out of range"))) {
      Files.writeString(temp.models().resolve("labels.csv"), bad.get(0));
      String m = assertThrows(SrHlsException.class, temp::generate).getMessage();
      assertTrue(m.startsWith(bad.get(1)), m);
      assertFalse(Files.exists(temp.out().resolve("three")), "the project generated with the old labels is gone");
      assertThrows(SrHlsException.class, temp::generate, "and it fails again, not up to date");
    }
  }

  @Test
  void labelsWithoutAVectorFileAreAnErrorAtTheKey() throws Exception {
    TempProject temp = TempProject.with(root, "three.sr.yaml", MODEL.replace("inputs: vectors.dat, ", ""));
    Files.writeString(temp.models().resolve("labels.csv"), "0\n");
    String m = assertThrows(SrHlsException.class, temp::generate).getMessage();
    assertTrue(m.startsWith("src/main/sr/three.sr.yaml:5:13: testbench.labels gives the class of each vector of a"
        + " vector file, but there is none"), m);
  }
}
