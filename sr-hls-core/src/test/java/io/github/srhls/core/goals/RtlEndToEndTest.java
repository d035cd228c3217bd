package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.testbench.RtlTestbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate writes the RTL and its description, and sr-hls:test simulates it with the real Verilator beside the host
 * simulation: two models, one of uniform and one of auto precision, in one test run, every output bit against the
 * Java model.
 */
public class RtlEndToEndTest {
  /** Also what {@code bench.RtlSimulationBenchmark} simulates. */
  public static final String UNIFORM = """
      format: sr-hls/v1
      name: uniform
      inputs:
        - {name: a, range: [-4, 4]}
        - {name: b, range: [0.5, 3], type: "ap_fixed<12,3,AP_RND,AP_SAT>"}
      outputs:
        - {name: y, expression: "a*b - 1.5*a + 0.3"}
        - {name: z, expression: "max(a, b) - abs(a) + (-b)"}
      precision:
        default: "ap_fixed<18,6,AP_RND_CONV,AP_SAT>"
      target:
        clock-ns: 4
      testbench:
        vectors: 400
        seed: 3
      """;

  static final String AUTO = """
      format: sr-hls/v1
      name: planned
      inputs:
        - {name: p, range: [-2, 2]}
        - {name: q, range: [-1, 1]}
      outputs:
        - {name: s, expression: "0.71*p*q - 2.25*q + p"}
      precision:
        internal: auto
        error: 0.05
      testbench:
        vectors: 400
        seed: 4
      """;

  @Test
  void generatedRtlSimulatesBitForBitAgainstTheJavaModel(@TempDir Path root) throws Exception {
    TempProject temp = TempProject.with(root, "uniform.sr.yaml", UNIFORM);
    Files.writeString(temp.models().resolve("planned.sr.yaml"), AUTO);
    temp.generate();
    for (String model : List.of("planned", "uniform")) {
      assertTrue(Files.isRegularFile(temp.out().resolve(model + "/rtl/" + model + ".v")), model);
      assertTrue(Files.isRegularFile(temp.out().resolve(model + "/" + RtlTestbench.FILE)), model);
    }
    RecordingBuildLog log = new RecordingBuildLog();
    TestResult result = new TestOrchestrator().run(TestRequest.builder().projectDirectory(root)
        .outputDirectory(temp.out()).workDirectory(temp.work()).log(log).rtlSimulation(RtlSimulation.REQUIRED)
        .build());

    assertEquals(2, result.models().size());
    for (String model : List.of("planned", "uniform")) {
      ModelReport report = ModelReport.read(temp.work().resolve(model)).orElseThrow();
      assertTrue(report.host().passed(), model);
      RtlReport rtl = report.rtl();
      assertTrue(rtl.passed(), model + ": " + rtl.failures());
      assertEquals(400, rtl.vectors());
      assertEquals(RtlTestbench.read(temp.out().resolve(model)).orElseThrow().latencyCycles(), rtl.latencyCycles());
    }
  }
}
