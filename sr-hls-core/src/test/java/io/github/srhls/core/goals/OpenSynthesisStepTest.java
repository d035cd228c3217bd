package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open synthesis in sr-hls:test with the real Yosys over a hand-written module in the layout the RTL back end writes
 * ({@code rtl/<name>.v}, top module {@code <name>}): one real synthesis, then the same counts reused while the RTL is
 * unchanged, held against the budgets, and a broken RTL failing the build with Yosys's message and leaving nothing
 * up to date.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSynthesisStepTest {

  /** The generated project's interface: x0, x1 in, s out; a product and a sum, latency 2. */
  static final String RTL = FixtureModule.twoStages("tiny", "x0", "x1", "s", 32, "reg signed [31:0] p, q;",
      "p <= x0 * x1;", "q <= p + {{16{x0[15]}}, x0};", "q");

  @TempDir static Path project;
  static TempProject temp;
  static Path rtl;
  static Path work;
  static final FakeTools.Log log = new FakeTools.Log();

  @BeforeAll
  static void generate() throws Exception {
    FixtureModule tiny = FixtureModule.generate(project, "tiny", BudgetCheckTest.MODEL);
    temp = tiny.temp();
    rtl = tiny.verilog();
    tiny.write(RTL);
    // the hand-written RTL stands in for the emitted one, whose description does not describe it
    Files.delete(tiny.project().resolve(RtlTestbench.FILE));
    work = tiny.work();
  }

  static TestResult test(Budgets budgets, BudgetScope scope) {
    return new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(temp.out())
        .workDirectory(temp.work()).log(log).hostCsim(false)
        .vendor(VendorSettings.builder().enabled(false).budgets(budgets).build()).budgetScope(scope)
        .openSynthesis(OpenSynthesisSettings.on(null, Duration.ofMinutes(5))).build());
  }

  @Test
  @Order(1)
  void theCountsGoIntoTheReportLabelledWithTheTool() throws Exception {
    TestResult result = test(Budgets.NONE, BudgetScope.ALONE);
    assertTrue(result.budgetsSettled());
    OpenSynthesisReport r = ModelReport.read(work).orElseThrow().openSynthesis();
    assertNotNull(r);
    assertEquals("xcup", r.family()); // the example part, xcvu9p
    assertEquals("tiny", r.top());
    assertEquals(1, r.dsp(), r::toString);
    assertTrue(r.ff() >= 34 && r.lut() > 0 && r.carry() > 0, r::toString);
    JsonNode section = new ObjectMapper().readTree(ModelReport.file(work).toFile()).get("openSynthesis");
    assertEquals(List.of("tool", "version", "family", "top", "lut", "lutBySize", "lutram", "ff", "carry", "dsp",
        "bram18k", "cells", "seconds"), fieldNames(section));
    assertEquals("Yosys", section.get("tool").asText());
    assertEquals(1, log.matching("tiny: Yosys " + r.version() + " (xcup): " + r.lut() + " LUT [").size(),
        log::toString);
  }

  @Test
  @Order(2)
  void unchangedRtlIsNotSynthesisedAgain() throws Exception {
    Path yosysLog = work.resolve(OpenSynthesisStep.WORK).resolve(OpenSynthesis.LOG);
    FileTime before = Files.getLastModifiedTime(yosysLog);
    OpenSynthesisReport first = ModelReport.read(work).orElseThrow().openSynthesis();
    test(Budgets.NONE, BudgetScope.ALONE);
    assertEquals(1, log.matching("tiny: open synthesis up to date, not run again").size(), log::toString);
    assertEquals(before, Files.getLastModifiedTime(yosysLog));
    assertEquals(first, ModelReport.read(work).orElseThrow().openSynthesis());
  }

  @Test
  @Order(3)
  void withoutVendorSynthesisTheBudgetsAreHeldAgainstYosyssCountsAndTheMessageSaysSo() {
    OpenSynthesisReport r = ModelReport.read(work).orElseThrow().openSynthesis();
    Budgets fit = new Budgets(null, r.dsp(), r.lut() + r.lutram(), r.ff(), 0L);
    assertTrue(test(fit, BudgetScope.ALONE).budgetsSettled());
    assertEquals(List.of(), log.matching("[warn] "), log::toString);

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(new Budgets(null, 0L, r.lut() + r.lutram() - 1, null, null), BudgetScope.ALONE));
    String by = "tiny: over budget by the numbers of Yosys " + r.version() + " (open synthesis, family xcup; no"
        + " vendor synthesis ran): ";
    assertTrue(e.getMessage().startsWith("sr-hls:test failed for 1 of 1 models:\n  " + by + "DSP 1 exceeds maxDsp 0"
        + "\n  " + by + "LUT " + (r.lut() + r.lutram()) + " exceeds maxLut " + (r.lut() + r.lutram() - 1)),
        e.getMessage());
  }

  @Test
  @Order(4)
  void maxLatencyCyclesIsHeldAgainstTheLatencyTheRtlWasPlannedWithOrSaidToBeUnchecked() throws Exception {
    // no description of the RTL beside it: the latency is not known, which the build says
    assertTrue(test(new Budgets(1L, null, null, null, null), BudgetScope.ALONE).budgetsSettled());
    assertEquals(1, log.matching("[warn] maxLatencyCycles=1 was not checked for tiny: open synthesis counts cells"
        + " and has no latency").size(), log::toString);

    Path description = temp.out().resolve("tiny").resolve(RtlTestbench.FILE);
    Files.writeString(description, new RtlTestbench(RtlTestbench.FORMAT, "tiny", 5, 2, "ap_fixed<16,6>",
        List.of(new RtlTestbench.PortType("x0", "ap_int<16>"), new RtlTestbench.PortType("x1", "ap_int<16>")),
        List.of(new RtlTestbench.PortType("s", "ap_int<32>"))).json());
    try {
      int upToDate = log.matching("open synthesis up to date").size();
      assertTrue(test(new Budgets(2L, null, null, null, null), BudgetScope.ALONE).budgetsSettled());
      // the description beside the Verilog changes nothing Yosys reads
      assertEquals(upToDate + 1, log.matching("open synthesis up to date").size(), log::toString);
      SrHlsException e = assertThrows(SrHlsException.class,
          () -> test(new Budgets(1L, null, null, null, null), BudgetScope.ALONE));
      assertEquals("sr-hls:test failed for 1 of 1 models:\n  tiny: over budget: the RTL's latency 2 cycles (its"
          + " pipeline as the RTL back end planned it; no vendor synthesis ran) exceeds maxLatencyCycles 1",
          e.getMessage());
    } finally {
      Files.delete(description);
    }
  }

  @Test
  @Order(5)
  void brokenRtlFailsWithYosyssMessageAndLeavesNothingUpToDate() throws Exception {
    Files.writeString(rtl, RTL.replace("assign s = q;", "assign s = q +;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> test(Budgets.NONE, BudgetScope.ALONE));
    assertTrue(e.getMessage().startsWith("sr-hls:test failed for 1 of 1 models:\n  tiny: open synthesis failed:"
        + " Yosys could not synthesise tiny: it ended with exit code 1"), e.getMessage());
    assertTrue(e.getMessage().contains("tiny.v:18: ERROR: syntax error"), e.getMessage());
    assertFalse(Files.exists(work.resolve(OpenSynthesisStep.STATE_FILE)));
    assertNull(ModelReport.read(work).orElseThrow().openSynthesis(), "no counts of an earlier RTL");
  }

  @Test
  @Order(6)
  void withOpenSynthesisOffTheCountsOfAnEarlierRunLeaveTheReport() throws Exception {
    ProjectManifest manifest = GeneratedProjects.list(temp.out()).get(0).manifest();
    ModelReport.setOpenSynthesis(work, manifest, new OpenSynthesisReport("Yosys", "0.23", "xcup", "tiny", 1,
        Map.of(), 0, 1, 0, 0, 0, Map.of(), 1.0));
    assertNotNull(ModelReport.read(work).orElseThrow().openSynthesis());
    new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(temp.out())
        .workDirectory(temp.work()).log(log).hostCsim(false).vendor(VendorSettings.disabled()).build());
    assertNull(ModelReport.read(work).orElseThrow().openSynthesis());
  }

  @Test
  @Order(7)
  void aProjectWithoutRtlIsOneErrorSayingHowToGetIt() throws Exception {
    Files.delete(rtl);
    SrHlsException e = assertThrows(SrHlsException.class, () -> test(Budgets.NONE, BudgetScope.ALONE));
    assertEquals("sr-hls:test failed for 1 of 1 models:\n  tiny: open synthesis failed: the generated project "
        + temp.out().resolve("tiny") + " has no rtl/tiny.v to synthesise; run sr-hls:generate with this version of"
        + " sr-hls and sr-hls.rtl on (it writes the RTL, unless the model calls the vendor's math library), or turn"
        + " open synthesis off", e.getMessage());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
