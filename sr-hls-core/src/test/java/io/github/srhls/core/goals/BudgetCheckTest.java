package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets that nothing measured are never skipped silently: one warning, or a failure when they are enforced. */
class BudgetCheckTest {
  static final String MODEL = """
      format: sr-hls/v1
      name: tiny
      inputs:
        count: 2
        range: [-2, 2]
      outputs:
        - name: s
          expression: x0 * x1 + 0.5 * x0
      testbench:
        vectors: 20
      """;
  static final Budgets MAX_DSP_1 = new Budgets(null, 1L, null, null, 5000L);

  @TempDir Path project;
  TempProject temp;
  final FakeTools.Log log = new FakeTools.Log();

  @BeforeEach
  void generate() throws IOException {
    temp = TempProject.with(project, "tiny.sr.yaml", MODEL);
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project).modelDirectory(temp.models())
        .outputDirectory(temp.out()).workDirectory(temp.work()).projectVersion("1.0.0").pluginVersion("0.1.0-test")
        .log(log).build());
  }

  static VendorSettings.Builder vendor(Map<String, String> env) {
    return VendorSettings.builder().environment(env).budgets(MAX_DSP_1).timeout(Duration.ofSeconds(60));
  }

  TestResult test(VendorSettings vendor, BudgetScope scope) {
    return new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(temp.out())
        .workDirectory(temp.work()).log(log).hostCsim(false).vendor(vendor).budgetScope(scope).build());
  }

  void pack(VendorSettings vendor, BudgetScope scope) {
    new PackageOrchestrator().run(PackageRequest.builder().outputDirectory(temp.out()).workDirectory(temp.work())
        .zipDirectory(project.resolve("target")).finalName("demo-1.0.0")
        .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z")).log(log)
        .vendor(vendor).budgetScope(scope).build());
  }

  List<String> warnings() {
    return log.matching("[warn] ");
  }

  @Test
  void withoutAToolTheBudgetsAreNamedInOneWarning() {
    TestResult result = test(vendor(FakeTools.environment()).build(), BudgetScope.ALONE);

    assertEquals(List.of("[warn] the synthesis budgets maxDsp=1, maxBram=5000 could not be checked: no vendor HLS "
        + "tool was found, so nothing was synthesised. To check them, make an AMD HLS tool findable (hlsTool, a "
        + "toolchain, XILINX_HLS or the PATH), or set sr-hls.openSynthesis=true to count the RTL's resources with "
        + "Yosys; set sr-hls.enforceBudgets=true to fail the build when they cannot be checked"), warnings());
    assertTrue(result.budgetsSettled(), "said once: sr-hls:package says nothing more");
    pack(vendor(FakeTools.environment()).export(true).build(), new BudgetScope(false, true, false));
    assertEquals(1, warnings().size(), log::toString);
  }

  @Test
  void enforcedBudgetsThatNothingMeasuredFailTheBuild() {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(vendor(FakeTools.environment()).build(), new BudgetScope(true, false, true)));
    assertEquals("the synthesis budgets maxDsp=1, maxBram=5000 could not be checked: no vendor HLS tool was found, "
        + "so nothing was synthesised; sr-hls.enforceBudgets is set, so the build fails: make an AMD HLS tool "
        + "findable (hlsTool, a toolchain, XILINX_HLS or the PATH), or set sr-hls.openSynthesis=true to count the "
        + "RTL's resources with Yosys, or remove the budgets", e.getMessage());

    e = assertThrows(SrHlsException.class,
        () -> pack(vendor(FakeTools.environment()).enabled(false).export(true).build(),
            new BudgetScope(true, false, false)));
    assertTrue(e.getMessage().contains("could not be checked: the vendor tools are skipped (sr-hls.vendor.skip)"),
        e.getMessage());
  }

  @Test
  void synthesisOffInTestIsLeftToAFollowingPackageWhichChecksThem() {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));

    TestResult result = test(vendor(env).build(), new BudgetScope(false, false, true));

    assertFalse(result.budgetsSettled());
    assertEquals(List.of(), warnings());
    assertEquals(1, log.matching("[info] sr-hls:test runs no synthesis: the budgets maxDsp=1, maxBram=5000 are left "
        + "to sr-hls:package, which synthesises before the IP export").size(), log::toString);
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> pack(vendor(env).export(true).build(), new BudgetScope(true, false, false)));
    assertTrue(e.getMessage().matches("(?s).*synthesis over budget: DSP \\d+ exceeds maxDsp 1.*"), e.getMessage());
    assertEquals(List.of(), warnings());
  }

  @Test
  void synthesisOffInTestWithNoPackageToFollowIsSaidThere() {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    test(vendor(env).build(), BudgetScope.ALONE);
    assertEquals(1, warnings().size(), log::toString);
    assertTrue(warnings().get(0).contains("could not be checked: sr-hls:test runs no synthesis (sr-hls.synthesis and "
        + "sr-hls.cosim are off) and no sr-hls:package follows in this build. To check them, set "
        + "sr-hls.synthesis=true"), warnings().get(0));
  }

  @Test
  void aPackageWithoutExportAfterATestThatLeftThemSaysSo() {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    pack(vendor(env).export(false).build(), new BudgetScope(false, false, false));
    assertEquals(1, warnings().size(), log::toString);
    assertTrue(warnings().get(0).contains("could not be checked: sr-hls:package exports no IP (sr-hls.export.skip)"),
        warnings().get(0));
  }

  @Test
  void noBudgetsNoWord() {
    new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(temp.out())
        .workDirectory(temp.work()).log(log).hostCsim(false)
        .vendor(VendorSettings.builder().environment(FakeTools.environment()).build())
        .budgetScope(new BudgetScope(true, false, false)).build());
    assertEquals(List.of(), warnings());
  }
}
