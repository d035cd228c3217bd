package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.report.Xml;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The RTL simulation in sr-hls:test with the real Verilator, on a generated project whose {@code rtl/} holds
 * hand-written modules standing in for the emitter's: y = a + b in ap_fixed<16,6> (wrapping, as the Java model
 * computes it), registered twice. The host simulation is left out to keep the tests short.
 */
class RtlSimulationTest {
  static final String MODEL = """
      format: sr-hls/v1
      name: adder
      version: 1.0.0
      inputs:
        - {name: a, range: [-4, 4]}
        - {name: b, range: [-4, 4]}
      outputs:
        - {name: y, expression: "a + b"}
      precision:
        default: "ap_fixed<16,6>"
      target:
        clock-ns: 2.5
      testbench:
        vectors: 300
        seed: 11
      """;

  /** Bit-exact with the model: ap_fixed<16,6> + ap_fixed<16,6> assigned to ap_fixed<16,6> keeps the low 16 bits. */
  static final String ADDER = FixtureModule.twoStages("adder", "a", "b", "y", 16, "reg signed [15:0] s1, s2;",
      "s1 <= a + b;", "s2 <= s1;", "s2");

  @TempDir Path root;
  FixtureModule adder;
  TempProject temp;
  Path work;
  final RecordingBuildLog log = new RecordingBuildLog();

  @BeforeEach
  void generate() throws Exception {
    adder = FixtureModule.generate(root, "adder", MODEL);
    temp = adder.temp();
    work = adder.work();
    adder.describe(2, 2.5);
    verilog(ADDER);
  }

  private void verilog(String text) throws Exception {
    adder.write(text);
  }

  private TestRequest.Builder request() {
    return TestRequest.builder().projectDirectory(root).outputDirectory(temp.out()).workDirectory(temp.work())
        .reportsDirectory(root.resolve("reports")).log(log).hostCsim(false).rtlSimulation(RtlSimulation.AUTO);
  }

  private TestResult run(TestRequest.Builder request) {
    return new TestOrchestrator().run(request.build());
  }

  private Element suite() throws Exception {
    return Xml.parse(root.resolve("reports/TEST-sr-hls.rtl.adder.xml")).getDocumentElement();
  }

  private long logged(String start) {
    return log.infos.stream().filter(l -> l.startsWith(start)).count();
  }

  @Test
  void aCorrectModulePassesIsReportedAndIsNotSimulatedAgainUntilItChangesAndAWrongBitFails() throws Exception {
    TestResult result = run(request());

    assertEquals(List.of(new TestResult.ModelOutcome("adder", 300, 0, work.resolve("report.json"))),
        result.models());
    RtlReport rtl = ModelReport.read(work).orElseThrow().rtl();
    assertEquals("Verilator", rtl.simulator());
    assertTrue(rtl.version().startsWith("Verilator 5."), rtl.version());
    assertEquals(300, rtl.vectors());
    assertEquals(0, rtl.mismatches().count());
    assertEquals(2, rtl.latencyCycles());
    assertEquals(5.0, rtl.latencyNs());
    assertEquals(1, rtl.initiationInterval());
    assertTrue(rtl.passed(), rtl.failures().toString());
    assertTrue(Files.isRegularFile(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
    Element suite = suite();
    assertEquals("1", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertTrue(log.infos.stream().anyMatch(l -> l.matches("adder: RTL simulation with Verilator 5\\.\\S+ .*: 300 "
        + "vectors match bit for bit; latency 2 cycles \\(5\\.0 ns\\), initiation interval 1 \\(\\d+\\.\\d s\\)")),
        log.infos::toString);
    assertEquals(1, logged("building the RTL of adder"));

    // nothing changed: not built or run again, and the report and suite say what the last run found
    Files.delete(root.resolve("reports/TEST-sr-hls.rtl.adder.xml"));
    run(request());
    assertEquals(1, logged("building the RTL of adder"));
    assertEquals(1, logged("adder: RTL up to date, not simulated again"));
    assertEquals(rtl, ModelReport.read(work).orElseThrow().rtl());
    assertEquals("0", suite().getAttribute("failures"));

    // one wrong bit: the build fails with the first mismatches, and nothing is recorded as up to date
    verilog(ADDER.replace("s1 <= a + b;", "s1 <= (a + b) | 16'sd1;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> run(request()));
    assertEquals(2, logged("building the RTL of adder"));
    assertTrue(e.getMessage().startsWith("sr-hls:test failed for 1 of 1 models:\n  adder: RTL simulation: "),
        e.getMessage());
    assertTrue(e.getMessage().matches("(?s).* of 300 output values of the RTL differ from the Java model's; first: "
        + "vector \\d+, output y: expected -?[0-9.]+ \\(0x[0-9a-f]{4}\\), got -?[0-9.]+ \\(0x[0-9a-f]{4}\\).*"),
        e.getMessage());
    RtlReport wrong = ModelReport.read(work).orElseThrow().rtl();
    assertFalse(wrong.passed());
    RtlResult.Mismatch first = wrong.mismatches().first().get(0);
    assertEquals("y", first.output());
    assertEquals(first.expectedBits().substring(0, 5), first.actualBits().substring(0, 5));
    assertEquals(Integer.parseInt(first.expectedBits().substring(2), 16) | 1,
        Integer.parseInt(first.actualBits().substring(2), 16));
    assertTrue(wrong.mismatches().first().size() <= RtlResult.Mismatches.SHOWN);
    assertFalse(Files.exists(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
    assertEquals("1", suite().getAttribute("failures"));
    assertTrue(Xml.children(suite(), "testcase").get(0).getTextContent().contains("vector " + first.vector()
        + ": expected " + first.expected() + " (" + first.expectedBits() + "), got "));

    assertThrows(SrHlsException.class, () -> run(request()));
    assertEquals(3, logged("building the RTL of adder"), "a failure is never taken as up to date");
  }

  /**
   * Open synthesis of RTL whose simulation just failed would count the cells of a wrong module: it is skipped with a
   * note, and the counts and up-to-date state of the earlier, correct RTL are forgotten.
   */
  @Test
  void afterAFailedRtlSimulationOpenSynthesisIsSkippedAndNothingIsUpToDate() throws Exception {
    TestRequest.Builder open = request().openSynthesis(OpenSynthesisSettings.on(null, Duration.ofMinutes(5)));
    run(open);
    assertTrue(Files.exists(work.resolve(OpenSynthesisStep.STATE_FILE)), "the correct RTL was synthesised");
    Path yosysLog = work.resolve(OpenSynthesisStep.WORK).resolve(OpenSynthesis.LOG);
    Files.delete(yosysLog);

    verilog(ADDER.replace("s1 <= a + b;", "s1 <= (a + b) | 16'sd1;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> run(open));
    assertTrue(e.getMessage().startsWith("sr-hls:test failed for 1 of 1 models:\n  adder: RTL simulation: "),
        e.getMessage());
    assertFalse(e.getMessage().contains("open synthesis"), e.getMessage());
    assertEquals(1, logged("adder: open synthesis skipped: the RTL simulation of this build failed"),
        log.infos::toString);
    assertFalse(Files.exists(yosysLog), "Yosys did not run");
    assertFalse(Files.exists(work.resolve(OpenSynthesisStep.STATE_FILE)));
    assertNull(ModelReport.read(work).orElseThrow().openSynthesis());
  }

  @Test
  void verilogThatDoesNotCompileFailsWithVerilatorsErrorsAndLeavesNoRtlSection() throws Exception {
    verilog(ADDER.replace("s1 <= a + b;", "s1 <= a + undeclared;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> run(request()));
    assertTrue(e.getMessage().contains("Verilator could not build adder"), e.getMessage());
    assertTrue(e.getMessage().contains("%Error") && e.getMessage().contains("undeclared"), e.getMessage());
    assertNull(ModelReport.read(work).map(ModelReport::rtl).orElse(null));
    assertFalse(Files.exists(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
    assertEquals("1", suite().getAttribute("errors"));
  }

  @Test
  void aModuleThatNeverRaisesOutValidStopsTheDriverAndFailsTheBuild() throws Exception {
    verilog(ADDER.replace("assign out_valid = valid[1];", "assign out_valid = 1'b0;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> run(request()));
    assertTrue(e.getMessage().contains("the RTL simulation of adder failed (exit code 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("no out_valid for 300 vectors"), e.getMessage());
    assertFalse(Files.exists(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
  }

  @Test
  void aVerilatorThatHangsIsStoppedAtTheTimeoutWithTheTailOfItsLog() throws Exception {
    Path fake = root.resolve("bin/verilator");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, """
        #!/bin/sh
        if [ "$1" = "--version" ]; then echo "Verilator 5.006 2023-01-22 rev v5.006"; exit 0; fi
        echo "%Warning: about to hang"
        sleep 120
        """);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> run(request().verilator(fake.toString()).timeout(Duration.ofSeconds(2))));
    assertTrue(e.getMessage().contains("Verilator could not build adder: verilator did not finish within"),
        e.getMessage());
    assertTrue(e.getMessage().contains("%Warning: about to hang"), e.getMessage());
    assertFalse(Files.exists(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
  }

  @Test
  void aVerilatorThatPrintsErrorsButExitsWithZeroFailsTheBuild() throws Exception {
    Path fake = fakeVerilator("echo \"%Error: rtl/adder.v:3:1: something the tool did not like\"\nexit 0\n");
    SrHlsException e = assertThrows(SrHlsException.class, () -> run(request().verilator(fake.toString())));
    assertTrue(e.getMessage().contains("Verilator could not build adder (it printed errors):\n%Error: rtl/adder.v:3:1: "
        + "something the tool did not like"), e.getMessage());
    assertFalse(Files.exists(work.resolve(TestOrchestrator.RTL_STATE_FILE)));
  }

  /** A verilator that answers --version as 5.006 does and runs {@code script} for anything else. */
  private Path fakeVerilator(String script) throws Exception {
    Path fake = root.resolve("bin/verilator");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo \"Verilator 5.006 2023-01-22 rev "
        + "v5.006\"; exit 0; fi\n" + script);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    return fake;
  }

  @Test
  void withoutVerilatorAutoSaysSoOnceRequiredFailsAndOffSaysNothing() throws Exception {
    Map<String, String> noVerilator = Map.of("PATH", root.resolve("empty").toString());
    TestOrchestrator orchestrator = new TestOrchestrator(IncludeHeaders.builtIn(), noVerilator);

    TestResult result = orchestrator.run(request().build());
    assertEquals(List.of(), result.models());
    assertEquals(1, logged("Verilator was not found on the PATH, so the generated RTL is not simulated; install it"));
    assertEquals("1", suite().getAttribute("skipped"));
    assertFalse(Files.exists(work.resolve("report.json")));

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> orchestrator.run(request().rtlSimulation(RtlSimulation.REQUIRED).build()));
    assertTrue(e.getMessage().startsWith("the RTL simulation is required (rtlSimulation=required) but Verilator was "
        + "not found on the PATH"), e.getMessage());

    orchestrator.run(request().rtlSimulation(RtlSimulation.OFF).build());
    assertEquals(1, logged("Verilator was not found"));
    assertFalse(Files.exists(root.resolve("reports/TEST-sr-hls.rtl.adder.xml")));
  }

  @Test
  void aConfiguredVerilatorThatIsNotThereIsAnError() {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> run(request().verilator(root.resolve("no/verilator").toString())));
    assertTrue(e.getMessage().startsWith("the Verilator configured (verilator parameter or -Dsr-hls.verilator) is "
        + "not an executable file: " + root.resolve("no/verilator")), e.getMessage());
  }
}
