package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTL simulation streams the vectors of the binary data files ({@code tb_data/*.bin}) through Verilator and
 * compares as it reads; a project without them is simulated from the decimal files held in memory, as before. Both
 * give the same report section and JUnit suite, on {@link RtlSimulationTest}'s adder with and without wrong bits.
 */
class RtlStreamingTest {
  @TempDir Path root;
  TempProject temp;
  Path project;
  Path work;

  @BeforeEach
  void generate() throws Exception {
    FixtureModule adder = FixtureModule.generate(root, "adder", RtlSimulationTest.MODEL);
    temp = adder.temp();
    project = adder.project();
    work = adder.work();
    adder.describe(2, 2.5);
  }

  private TestRequest request() {
    return TestRequest.builder().projectDirectory(root).outputDirectory(temp.out()).workDirectory(temp.work())
        .reportsDirectory(root.resolve("reports")).log(new RecordingBuildLog()).hostCsim(false)
        .rtlSimulation(RtlSimulation.REQUIRED).build();
  }

  /** What a run reports: the rtl section without its timings, and the JUnit suite without its times. */
  private List<Object> outcome(boolean passes) throws Exception {
    Files.deleteIfExists(work.resolve(TestOrchestrator.RTL_STATE_FILE));
    if (passes) {
      new TestOrchestrator().run(request());
    } else {
      assertThrows(SrHlsException.class, () -> new TestOrchestrator().run(request()));
    }
    RtlReport rtl = ModelReport.read(work).orElseThrow().rtl();
    String suite = Files.readString(root.resolve("reports/TEST-sr-hls.rtl.adder.xml"))
        .replaceAll(" time=\"[0-9.]+\"", "");
    return List.of(rtl.withoutTimings(), suite);
  }

  private List<Object> streamedAndInMemory(String verilog, boolean passes) throws Exception {
    Files.writeString(project.resolve("rtl/adder.v"), verilog);
    List<Object> streamed = outcome(passes);
    for (String file : List.of(TestbenchData.INPUTS_BINARY, TestbenchData.EXPECTED_BINARY,
        TestbenchData.FLOAT64_BINARY)) {
      Files.delete(project.resolve(file));
    }
    List<Object> inMemory = outcome(passes);
    assertEquals(inMemory, streamed);
    return streamed;
  }

  @Test
  void aCorrectModuleGetsTheSameReportFromTheBinaryFilesAsFromTheDecimalOnes() throws Exception {
    RtlReport rtl = (RtlReport) streamedAndInMemory(RtlSimulationTest.ADDER, true).get(0);
    assertTrue(rtl.passed(), rtl.failures().toString());
    assertEquals(300, rtl.vectors());
    assertEquals(2, rtl.latencyCycles());
  }

  @Test
  void wrongBitsGetTheSameMismatchesFromTheBinaryFilesAsFromTheDecimalOnes() throws Exception {
    List<Object> outcome = streamedAndInMemory(
        RtlSimulationTest.ADDER.replace("s1 <= a + b;", "s1 <= (a + b) | 16'sd1;"), false);
    RtlReport rtl = (RtlReport) outcome.get(0);
    assertFalse(rtl.passed());
    assertTrue(rtl.mismatches().count() > 100, rtl.mismatches().toString());
    assertEquals(5, rtl.mismatches().first().size());
    assertTrue(((String) outcome.get(1)).contains("vector " + rtl.mismatches().first().get(0).vector()
        + ": expected "), (String) outcome.get(1));
  }

  @Test
  void theBinaryFilesAreWhatIsSimulatedWhenTheProjectHasThem() throws Exception {
    Files.writeString(project.resolve("rtl/adder.v"), RtlSimulationTest.ADDER);
    // decimal files that say something else: only the binary ones are read
    Files.writeString(project.resolve(TestbenchData.INPUTS), "not a number\n");
    Files.writeString(project.resolve(TestbenchData.EXPECTED), "0 0\n");
    RtlReport rtl = (RtlReport) outcome(true).get(0);
    assertTrue(rtl.passed(), rtl.failures().toString());
    assertEquals(300, rtl.vectors());

    // a changed binary file is not up to date, even with the decimal files unchanged
    Path expected = project.resolve(TestbenchData.EXPECTED_BINARY);
    double[][] rows = new double[300][];
    try (BinaryVectors.Reader r = BinaryVectors.Reader.open(expected, 1, "output")) {
      for (int v = 0; v < rows.length; v++) {
        rows[v] = new double[1];
        assertTrue(r.next(rows[v]));
      }
    }
    rows[7][0] += 0.5;
    Files.write(expected, BinaryVectors.encode(rows, 1));
    SrHlsException e = assertThrows(SrHlsException.class, () -> new TestOrchestrator().run(request()));
    assertTrue(e.getMessage().contains("1 of 300 output values of the RTL differ from the Java model's; first: "
        + "vector 7, output y"), e.getMessage());
  }
}
