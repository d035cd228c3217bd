package io.github.srhls.plugin;

import static io.github.srhls.plugin.MojoHarness.assertFailsWith;
import static io.github.srhls.plugin.MojoHarness.assertSkipped;
import static io.github.srhls.plugin.MojoHarness.failing;
import static io.github.srhls.plugin.MojoHarness.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.OpenSynthesisSettings;
import io.github.srhls.core.goals.RtlSimulation;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.goals.TestResult;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class TestMojoTest {
  @TempDir Path basedir;

  private final List<TestRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return TestProjects.at(basedir);
  }

  private void record(TestMojo mojo, TestResult result) throws Exception {
    Files.createDirectories(basedir.resolve("target/generated-sources/sr-hls"));
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, result);
  }

  @Test
  @InjectMojo(goal = "test")
  void defaultsMapToTheRequest(TestMojo mojo) throws Exception {
    Path report = basedir.resolve("target/sr-hls/jet_tagger/report.json");
    record(mojo, new TestResult(List.of(new TestResult.ModelOutcome("jet_tagger", 500, 0, report))));

    mojo.execute();

    assertEquals(1, requests.size());
    TestRequest request = requests.get(0);
    assertEquals(basedir, request.projectDirectory());
    assertEquals(basedir.resolve("target/generated-sources/sr-hls"), request.outputDirectory());
    assertEquals(basedir.resolve("target/sr-hls"), request.workDirectory());
    assertNull(request.compiler());
    assertEquals(List.of(), request.compilerFlags());
    assertEquals(Duration.ofSeconds(600), request.timeout());
    assertEquals(basedir.resolve("target/surefire-reports"), request.reportsDirectory());
    assertFalse(request.openSynthesis().enabled());
    assertEquals(RtlSimulation.AUTO, request.rtlSimulation());
    assertNull(request.verilator());
    assertEquals(Runtime.getRuntime().availableProcessors(), request.threads(), "one thread per processor");
    assertTrue(
        log.lines.contains(
            "[info] sr-hls simulation of jet_tagger: 500 vectors, 0 mismatches; report " + report),
        log.lines::toString);
  }

  @Test
  @InjectMojo(
      goal = "test",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<compiler>clang++</compiler>"
              + "<compilerFlags><flag>-O1</flag><flag>-Wl,--no-undefined</flag></compilerFlags>"
              + "<timeout>45</timeout>"
              + "<rtlSimulation>Required</rtlSimulation><verilator>/opt/verilator/bin/verilator</verilator>"
              + "<threads>1</threads>"
              + "</configuration></plugin></plugins></build></project>")
  void configuredParametersMapToTheRequest(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    mojo.execute();

    TestRequest request = requests.get(0);
    assertEquals("clang++", request.compiler());
    assertEquals(List.of("-O1", "-Wl,--no-undefined"), request.compilerFlags());
    assertEquals(Duration.ofSeconds(45), request.timeout());
    assertEquals(RtlSimulation.REQUIRED, request.rtlSimulation());
    assertEquals("/opt/verilator/bin/verilator", request.verilator());
    assertEquals(1, request.threads());
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "threads", value = "-2")
  void aNegativeThreadCountIsRefused(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(List.of(), requests);
    assertTrue(e.getMessage().contains("sr-hls:test threads must be 0 (one per available processor) or a positive "
        + "number, not -2 (set <threads> or -Dsr-hls.threads)"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "rtlSimulation", value = "sometimes")
  void anRtlSimulationModeThatIsNoneOfTheThreeIsRefused(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(List.of(), requests);
    assertTrue(e.getMessage().contains("sr-hls:test rtlSimulation (-Dsr-hls.rtlSimulation) is 'sometimes'; it takes "
        + "auto (simulate the RTL when Verilator is found), required (fail without Verilator) or off"),
        e.getMessage());
  }

  @Test
  @InjectMojo(goal = "test")
  void byDefaultAVendorToolIsLookedForToRunItsCSimulation(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    mojo.execute();

    TestRequest request = requests.get(0);
    assertTrue(request.hostCsim());
    VendorSettings vendor = request.vendor();
    assertTrue(vendor.enabled());
    assertNull(vendor.hlsTool());
    assertEquals(List.of(), vendor.toolchains(), "the harness has no toolchains.xml");
    assertFalse(vendor.requireVendor());
    assertTrue(vendor.csim());
    assertFalse(vendor.synthesis() || vendor.cosim() || vendor.export());
    assertEquals(Budgets.NONE, vendor.budgets());
    assertEquals(Duration.ofHours(1), vendor.timeout());
    assertEquals(System.getenv("PATH"), vendor.environment().get("PATH"));
    assertFalse(request.budgetScope().enforce(), "unchecked budgets only warn by default");
  }

  @Test
  @InjectMojo(
      goal = "test",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<enforceBudgets>true</enforceBudgets><maxDsp>12</maxDsp>"
              + "</configuration></plugin></plugins></build></project>")
  void enforceBudgetsMapsToTheRequestAndASettledCheckIsKeptForPackage(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of(), true));

    mojo.execute();

    assertTrue(requests.get(0).budgetScope().enforce());
    assertEquals(Boolean.TRUE, mojo.project.getContextValue(AbstractVendorMojo.BUDGETS_SETTLED));
  }

  @Test
  @InjectMojo(
      goal = "test",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<hlsTool>/tools/Xilinx/Vitis_HLS/2023.1</hlsTool><requireVendor>true</requireVendor>"
              + "<cosim>true</cosim><skipHostCsim>true</skipHostCsim><skipVendorCsim>true</skipVendorCsim>"
              + "<vendorTimeout>90</vendorTimeout><maxLatencyCycles>40</maxLatencyCycles><maxDsp>12</maxDsp>"
              + "<maxLut>5000</maxLut><maxFf>6000</maxFf><maxBram>2</maxBram>"
              + "</configuration></plugin></plugins></build></project>")
  void vendorParametersMapToTheRequest(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    mojo.execute();

    TestRequest request = requests.get(0);
    assertFalse(request.hostCsim());
    VendorSettings vendor = request.vendor();
    assertEquals("/tools/Xilinx/Vitis_HLS/2023.1", vendor.hlsTool());
    assertTrue(vendor.requireVendor());
    assertFalse(vendor.csim());
    assertTrue(vendor.cosim() && vendor.runsSynthesis());
    assertEquals(new Budgets(40L, 12L, 5000L, 6000L, 2L), vendor.budgets());
    assertEquals(Duration.ofSeconds(90), vendor.timeout());
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "openSynthesis", value = "true")
  @MojoParameter(name = "yosys", value = "/opt/yosys/bin/yosys")
  @MojoParameter(name = "timeout", value = "90")
  void openSynthesisMapsToTheRequestWithTheYosysAndTimeLimitGiven(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    OpenSynthesisSettings open = requests.get(0).openSynthesis();
    assertTrue(open.enabled());
    assertEquals("/opt/yosys/bin/yosys", open.yosys());
    assertEquals(Duration.ofSeconds(90), open.timeout());
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skipVendor", value = "true")
  void skipVendorLooksForNoTool(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    assertFalse(requests.get(0).vendor().enabled());
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "vendorTimeout", value = "0")
  void aVendorTimeoutBelowOneSecondIsRefused(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(List.of(), requests);
    assertTrue(e.getMessage().contains("vendorTimeout must be a positive number of seconds, not 0"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "test")
  void nothingGeneratedIsNothingToSimulate(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    Files.delete(basedir.resolve("target/generated-sources/sr-hls"));

    mojo.execute();

    assertEquals(List.of(), requests);
    assertTrue(log.lines.get(0).startsWith("[info] No generated projects in "), log.lines::toString);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skip", value = "true")
  void globalSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    assertSkipped(mojo, log, requests, "sr-hls.skip is set");
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skipTest", value = "true")
  void goalSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    assertSkipped(mojo, log, requests, "sr-hls.test.skip is set");
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skipTests", value = "true")
  void skipTestsDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    assertSkipped(mojo, log, requests, "skipTests is set");
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "mavenTestSkip", value = "true")
  void mavenTestSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    assertSkipped(mojo, log, requests, "maven.test.skip is set");
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "timeout", value = "0")
  void aTimeoutBelowOneSecondIsRefused(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(List.of(), requests);
    assertTrue(e.getMessage().contains("timeout must be a positive number of seconds, not 0"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "test")
  void aFailedSimulationFailsTheBuildWithTheSameMessage(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    String message =
        "jet_tagger: 3 of 1000 output values differ from the expected ones; see target/sr-hls/jet_tagger/report.json";
    mojo.orchestrator = failing(new SrHlsException(message));

    assertFailsWith(mojo, message);
  }
}
