package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.simulation.host.SimulationResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

  private static final String DIGEST = "sha256:" + "a".repeat(64);
  private static final PackagedModel ZIP = new PackagedModel("m", "m", Path.of("/p/target/ip-1.0-m.zip"));

  private static ProjectManifest manifest(List<String> outputs, Map<String, Long> overflows) {
    return ProjectManifest.builder().name("m").version("1.0").digest(DIGEST).inputs(List.of("x0")).outputs(outputs)
        .vectors(500).tolerance(0.01).hostSimulation(true).overflows(overflows).modelFile("model/m.sr.yaml").build();
  }

  private static SimulationReport report(List<String> outputs, double error) {
    Map<String, Integer> none = new LinkedHashMap<>();
    Map<String, SimulationResult.ErrorStats> errors = new LinkedHashMap<>();
    for (String o : outputs) {
      none.put(o, 0);
      errors.put(o, new SimulationResult.ErrorStats(error, error / 4));
    }
    return new SimulationReport(500, new SimulationResult.Mismatches(0, none, List.of()), errors, null, Map.of(),
        0.01, new SimulationResult.Timings(1, 1, 1), List.of(), true);
  }

  @Test
  void aSimulatedModelShowsVectorsErrorsToleranceOverflowsAndTheZip() {
    List<String> outputs = List.of("score", "y");
    assertEquals(List.of(
        "---- m 1.0 ----",
        "  simulated   500 vectors, every output bit-accurate",
        "  vs float64  largest (mean) absolute error of each output:",
        "              score  0.00195 (0.000488)",
        "              y      0.00195 (0.000488)",
        "  tolerance   0.01, met by every output",
        "  overflows   14 on the test vectors: t3 12, y 2 (widen the types; see report.json)",
        "  zip         /p/target/ip-1.0-m.zip (19.5 kB, classifier m; firmware zip: the HLS project and its report,"
            + " no vendor IP)"),
        ModelSummary.lines(manifest(outputs, Map.of("t3", 12L, "y", 2L)), report(outputs, 0.001953125), ZIP,
            19_456, false));
  }

  @Test
  void withoutASimulationItSaysSoAndManyOutputsStayOnOneScreen() {
    List<String> outputs = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "y" + i).toList();
    List<String> lines = ModelSummary.lines(manifest(outputs, Map.of()), report(outputs, 0.5), ZIP, 1000, false);
    assertEquals(3 + ModelSummary.OUTPUTS_SHOWN + 4, lines.size(), lines.toString());
    assertEquals("              ... and 4 more outputs in report.json", lines.get(3 + ModelSummary.OUTPUTS_SHOWN));
    assertEquals("  tolerance   0.01, exceeded (errors up to 0.5)", lines.get(4 + ModelSummary.OUTPUTS_SHOWN));
    assertEquals("  overflows   none on the test vectors", lines.get(5 + ModelSummary.OUTPUTS_SHOWN));

    assertEquals(List.of("---- m 1.0 ----",
        "  simulated   no: sr-hls:test did not run (500 test vectors generated)",
        "  overflows   none on the test vectors",
        "  zip         /p/target/ip-1.0-m.zip (1.0 kB, classifier m; IP zip: the vendor's IP under ip/, the HLS"
            + " project and its report)"),
        ModelSummary.lines(manifest(outputs, Map.of()), null, ZIP, 1000, true));
  }
}
