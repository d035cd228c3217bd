package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.explore.PlotWriter;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate with a budget: the chosen row is generated, pareto.json written, nothing stale left on failure. */
class BudgetedGenerateTest {
  static final String FRONT = """
      Complexity,Loss,Equation
      3,0.5,"x0 * 0.87"
      4,0.1,"sin(x0) + x1"
      6,0.02,"sin(x0) + (x1 * 0.49)"
      10,0.005,"(sin(x0) * cos(x1)) + ((x1 * x0) * 0.49)"
      """;

  @TempDir Path root;

  private TempProject project(String select) throws Exception {
    TempProject p = TempProject.with(root, "m.sr.yaml", """
        format: sr-hls/v1
        name: m
        inputs: {count: 2, range: [-1, 1], type: 'ap_fixed<16,4>'}
        outputs:
          - {name: y, type: 'ap_fixed<18,6>', pysr: {file: pysr/y.csv, select: %s}}
        testbench: {vectors: 32, seed: 3}
        """.formatted(select));
    Files.createDirectories(p.models().resolve("pysr"));
    Files.writeString(p.models().resolve("pysr/y.csv"), FRONT);
    return p;
  }

  @Test
  void generateWithABudgetBuildsTheChosenRowAndWritesParetoJson() throws Exception {
    TempProject p = project("{budget: {lut: 120}}");
    RecordingBuildLog log = new RecordingBuildLog();
    p.generate(p.generateRequest().log(log));
    Path pareto = p.work().resolve("m/explore/pareto.json");
    ParetoDocument doc = JsonFiles.read(pareto, ParetoDocument.class);
    int chosen = doc.chosen().rows().get("y");
    ParetoDocument.Entry entry = doc.outputs().get(0).candidates().get(chosen);
    assertTrue(entry.lut() <= 120, entry.toString());
    assertTrue(doc.outputs().get(0).candidates().stream()
        .allMatch(c -> c.lut() <= 120 ? c.loss() >= entry.loss() : true), "the lowest loss that fits");
    String top = Files.readString(p.out().resolve("m/firmware/m.cpp"));
    assertTrue(top.contains(entry.equation()), "the generated firmware is the chosen row's: " + entry.equation());
    assertTrue(log.infos.stream().anyMatch(l -> l.startsWith("m: output y: budget lut 120: row " + chosen)),
        log.infos.toString());

    // up to date: nothing is costed again, and pareto.json stays
    RecordingBuildLog again = new RecordingBuildLog();
    GenerateResult second = p.generate(p.generateRequest().log(again));
    assertEquals(List.of("m"), second.upToDate());
    assertTrue(again.infos.stream().noneMatch(l -> l.contains("candidates")), again.infos.toString());
    assertTrue(Files.isRegularFile(pareto));

    // a budget nothing fits: one error at the budget, and neither the project nor pareto.json is left behind
    Files.writeString(p.models().resolve("m.sr.yaml"),
        Files.readString(p.models().resolve("m.sr.yaml")).replace("lut: 120", "lut: 10"));
    String message = assertThrows(SrHlsException.class, p::generate).getMessage();
    assertTrue(message.startsWith("src/main/sr/m.sr.yaml:5:81: no row of output 'y' fits its budget lut 10"),
        message);
    assertFalse(Files.exists(pareto));
    assertFalse(Files.exists(p.out().resolve("m")));
  }

  @Test
  void openSynthesisConfirmsTheChoiceOrReportsTheMiss() throws Exception {
    TempProject p = project("{budget: {lut: 120, latency-cycles: 4}}");
    p.generate();
    RecordingBuildLog log = new RecordingBuildLog();
    TestRequest.Builder test = TestRequest.builder().projectDirectory(root).outputDirectory(p.out())
        .workDirectory(p.work()).log(log).hostCsim(false).vendor(VendorSettings.builder().enabled(false).build())
        .openSynthesis(OpenSynthesisSettings.on(null, Duration.ofMinutes(5)));
    new TestOrchestrator().run(test.build());
    OpenSynthesisReport yosys = ModelReport.read(p.work().resolve("m")).orElseThrow().openSynthesis();
    long lut = yosys.lut() + yosys.lutram();
    assertTrue(log.infos.contains("m: " + yosys.describeTool() + " confirms the rows chosen for the budget of output y:"
        + " lut " + lut + " <= 120, latency-cycles 2 <= 4"), log.infos.toString());

    // an estimate that was too low, as a budget just below Yosys's count stands for: the miss fails the test goal
    Path pareto = p.work().resolve("m/explore/pareto.json");
    Files.writeString(pareto, Files.readString(pareto).replace("\"lut\" : 120", "\"lut\" : " + (lut - 1)));
    String message = assertThrows(SrHlsException.class, () -> new TestOrchestrator().run(test.build()))
        .getMessage();
    assertTrue(message.contains("m: over the budget of output y by the numbers of " + yosys.describeTool()
        + " (open synthesis, family xcup): lut " + lut + " > " + (lut - 1) + "; the rows {y="), message);
  }

  @Test
  void exploreWritesEveryRowAndDrawsThePlotsFromTheFile() throws Exception {
    TempProject p = project("best");
    List<Path> drawn = new ArrayList<>();
    PlotWriter plots = drawn::add;
    Map<String, Path> written = new ExploreOrchestrator(plots).run(new ExploreRequest(root, p.models(), null, null,
        p.work(), "1.0.0", 2, null));
    Path pareto = p.work().resolve("m/explore/pareto.json");
    assertEquals(Map.of("m", pareto), written);
    assertEquals(List.of(pareto), drawn);
    ParetoDocument doc = JsonFiles.read(pareto, ParetoDocument.class);
    assertEquals(4, doc.outputs().get(0).candidates().size());
    assertEquals(null, doc.budget());
    assertEquals(List.of(), doc.combinations());
  }
}
