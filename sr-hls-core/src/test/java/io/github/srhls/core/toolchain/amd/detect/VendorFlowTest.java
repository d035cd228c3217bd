package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.PackageOrchestrator;
import io.github.srhls.core.goals.PackageRequest;
import io.github.srhls.core.goals.PackagedModel;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.goals.TestResult;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals with the fake vendor tools: generate a small model, then sr-hls:test and sr-hls:package find a tool,
 * run its steps on the generated scripts, read its reports and fail on bad ones.
 */
class VendorFlowTest {
  static final String MODEL = """
      format: sr-hls/v1
      name: tiny
      version: 1.4.0
      description: Two inputs, "two" outputs [demo].
      inputs:
        count: 2
        range: [-2, 2]
      outputs:
        - name: s
          expression: x0 * x1 + 0.5 * x0
        - name: d
          expression: x0 - x1 * x1
      target:
        part: xcvu9p-flga2577-2-e
        clock-ns: 4
      testbench:
        vectors: 40
      """;

  @TempDir Path project;
  Path out;
  Path work;
  final FakeTools.Log log = new FakeTools.Log();

  @BeforeEach
  void generate() throws IOException {
    TempProject temp = TempProject.with(project, "tiny.sr.yaml", MODEL);
    out = temp.out();
    work = temp.work();
    new GenerateOrchestrator().run(generateRequest(temp.models()));
  }

  GenerateRequest generateRequest(Path models) {
    return GenerateRequest.builder().projectDirectory(project).modelDirectory(models).outputDirectory(out)
        .workDirectory(work).projectVersion("1.0.0").pluginVersion("0.1.0-test").log(log).ipVendor("cern.ch")
        .build();
  }

  TestResult test(VendorSettings vendor, boolean hostCsim) {
    return new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(out)
        .workDirectory(work).log(log).hostCsim(hostCsim).vendor(vendor).build());
  }

  PackagedModel pack(VendorSettings vendor) {
    return new PackageOrchestrator().run(PackageRequest.builder().outputDirectory(out).workDirectory(work)
        .zipDirectory(project.resolve("target")).finalName("demo-1.0.0")
        .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z")).log(log).vendor(vendor).build()).get(0);
  }

  static VendorSettings settings(Map<String, String> env, boolean csim, boolean synthesis, boolean cosim,
      Budgets budgets, Duration timeout) {
    return VendorSettings.builder().environment(env).csim(csim).synthesis(synthesis).cosim(cosim).export(true)
        .budgets(budgets).timeout(timeout).build();
  }

  static VendorSettings settings(Map<String, String> env, boolean synthesis, boolean cosim) {
    return settings(env, true, synthesis, cosim, null, Duration.ofSeconds(60));
  }

  JsonNode report() throws IOException {
    return new ObjectMapper().readTree(work.resolve("tiny/report.json").toFile());
  }

  Path generated(String file) {
    return out.resolve("tiny").resolve(file);
  }

  static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), "test setup: " + file + " has no '" + from + "'");
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void vitisHlsTclFlowSimulatesSynthesisesCosimulatesThenExportsReusingTheSynthesis() throws Exception {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));

    TestResult result = test(settings(env, true, true), true);

    assertEquals(List.of(new TestResult.ModelOutcome("tiny", 40, 0, work.resolve("tiny/report.json"))),
        result.models());
    JsonNode report = report();
    assertEquals(0, report.path("mismatches").path("count").asInt(), "the host simulation's report is kept");
    JsonNode vendor = report.path("vendor");
    assertEquals("vitis-hls", vendor.path("tool").asText());
    assertEquals("2023.1", vendor.path("version").asText());
    assertTrue(vendor.path("csim").path("passed").asBoolean(), vendor::toString);
    assertEquals(40, vendor.path("csim").path("result").path("vectors").asInt());
    JsonNode csynth = vendor.path("csynth").path("result").path("report");
    assertEquals("xcvu9p-flga2577-2-e", csynth.path("part").asText());
    assertEquals(4.0, csynth.path("targetClockNs").asDouble(), "the model's clock reached the tool");
    assertTrue(csynth.path("used").path("dsp").asInt() > 0, csynth::toString);
    assertEquals(960, csynth.path("available").path("uram").asInt());
    assertEquals("Pass", vendor.path("cosim").path("result").path("status").asText());
    assertEquals(csynth.path("latency").path("worst").asLong(),
        vendor.path("cosim").path("result").path("latency").path("max").asLong());
    assertTrue(vendor.path("export").isNull());
    assertEquals(1, log.matching("tiny: synthesis estimates from Vitis HLS 2023.1 for xcvu9p-flga2577-2-e").size());
    assertEquals(1, log.matching("  resource        used  available     use").size(), log::toString);
    assertEquals(1, log.matching("tiny: co-simulation (Verilog) Pass").size(), log::toString);
    assertFalse(log.matching("[vitis_hls:").isEmpty(), "the tool's output is streamed into the log");
    for (String step : List.of("csim", "csynth", "cosim")) {
      assertTrue(Files.readString(work.resolve("tiny/vendor/" + step + ".log")).contains("Exiting vitis_hls"), step);
    }
    assertFalse(Files.exists(generated("proj")), "the tool never runs in the generated sources");

    PackagedModel zip = pack(settings(env, false, false));

    assertEquals(1, log.matching("tiny: vendor synthesis:").size(), "package reused the synthesis");
    assertEquals(1, log.matching("tiny: reusing the synthesis in").size(), log::toString);
    try (ZipFile z = new ZipFile(zip.zip().toFile())) {
      ZipEntry ip = z.getEntry("ip/cern_ch_hls_tiny_1_4.zip");
      assertNotNull(ip, "the vendor IP zip is under ip/");
      assertEquals(1, log.matching("  zip         " + zip.zip().normalize() + " (").stream()
          .filter(line -> line.endsWith("; IP zip: the vendor's IP under ip/, the HLS project and its report)"))
          .count(), log::toString);
      byte[] ipBytes = z.getInputStream(ip).readAllBytes();
      String component = entry(ipBytes, "component.xml");
      assertTrue(component.contains("<spirit:vendor>cern.ch</spirit:vendor>"), component);
      assertTrue(component.contains("<spirit:version>1.4</spirit:version>"), component);
      assertTrue(component.contains("<spirit:description>Two inputs, \"two\" outputs [demo].</spirit:description>"),
          component);
      assertNotNull(entry(ipBytes, "hdl/verilog/tiny.v"));
      JsonNode zipped = new ObjectMapper().readTree(z.getInputStream(z.getEntry("report.json")));
      JsonNode export = zipped.path("vendor").path("export");
      assertTrue(export.path("passed").asBoolean(), zipped::toString);
      assertEquals("cern_ch_hls_tiny_1_4.zip", export.path("result").path("file").asText());
      assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ipBytes)),
          export.path("result").path("sha256").asText());
      assertEquals("Pass", zipped.path("vendor").path("cosim").path("result").path("status").asText(),
          "a reused synthesis keeps its co-simulation");
      assertNotNull(z.getEntry("hls_csim.tcl"));
      assertNull(z.getEntry("proj/hls.app"));
    }
  }

  private static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  @Test
  void vivadoHlsReportsAreReadWithDsp48eAndWithoutUram() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(), "XILINX_VIVADO",
        FakeTools.install("Vivado", "2019.2").toString());

    test(settings(env, true, false), false);

    JsonNode vendor = report().path("vendor");
    assertEquals("vivado-hls", vendor.path("tool").asText());
    JsonNode used = vendor.path("csynth").path("result").path("report").path("used");
    assertTrue(used.path("dsp").asInt() > 0, used::toString);
    assertTrue(used.path("uram").isNull(), used::toString);
    assertTrue(vendor.path("cosim").isNull());
    assertFalse(report().has("mismatches"), "no host simulation ran");
  }

  @Test
  void unifiedFlowRunsVppAndVitisRunFromTheConfigFile() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(), "XILINX_VITIS",
        FakeTools.install("Vitis", "2024.2").toString());

    test(settings(env, true, true), false);
    PackagedModel zip = pack(settings(env, false, false));

    JsonNode vendor = report().path("vendor");
    assertEquals("vitis-unified", vendor.path("tool").asText());
    for (String step : List.of("csim", "csynth", "cosim", "export")) {
      assertTrue(vendor.path(step).path("passed").asBoolean(), step + ": " + vendor);
    }
    assertEquals(1, log.matching("tiny: vendor C simulation: vitis-run --mode hls --csim --config hls_config.cfg "
        + "--work_dir proj in ").size(), log::toString);
    assertEquals(1, log.matching("tiny: vendor synthesis: v++ -c --mode hls --config hls_config.cfg --work_dir proj")
        .size(), log::toString);
    try (ZipFile z = new ZipFile(zip.zip().toFile())) {
      assertNotNull(z.getEntry("ip/cern_ch_hls_tiny_1_4.zip"));
    }
  }

  @Test
  void anOldVppAloneLeavesTheTestToTheHostSimulationWithANote() throws Exception {
    // v++ and vitis-run that say 2023.1, with no vitis_hls of that release: requireVendor is off
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis", "2024.2")),
        "FAKE_HLS_VERSION", "2023.1");

    TestResult result = test(settings(env, true, false), true);

    assertEquals(List.of(new TestResult.ModelOutcome("tiny", 40, 0, work.resolve("tiny/report.json"))),
        result.models());
    assertEquals(1, log.matching("is 2023.1, but v++ --mode hls needs 2023.2 or later, and no vitis_hls").size(),
        log::toString);
    assertEquals(1, log.matching("C simulation runs on the host only").size(), log::toString);
    assertTrue(report().path("vendor").isMissingNode() || report().path("vendor").isNull(), report()::toString);
  }

  @Test
  void withoutAToolAndWithTheHostSimulationSkippedNothingIsSimulated() {
    TestResult result = test(settings(FakeTools.environment(), true, true), false);

    assertEquals(List.of(), result.models());
    assertEquals(1, log.matching("[info] the host simulation is skipped and there is no vendor tool: nothing was "
        + "simulated").size(), log::toString);
    assertFalse(Files.exists(work.resolve("tiny/report.json")));
  }

  @Test
  void aCompileErrorFailsTheVendorSimulationWithTheToolsErrorLine() throws Exception {
    edit(generated("firmware/tiny.cpp"), "void tiny(", "void tiny((");
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, true, true), false));

    String message = e.getMessage();
    assertTrue(message.startsWith("sr-hls:test failed for 1 of 1 models:\n  tiny: vendor C simulation: vitis_hls "
        + "ended with exit code 1"), message);
    assertTrue(message.contains("ERROR: [SIM 211-100] 'csim_design' failed: compilation error(s)."), message);
    assertTrue(message.contains("full output: " + work.resolve("tiny/vendor/csim.log")), message);
    assertTrue(log.matching("tiny: vendor synthesis").isEmpty(), "nothing runs after a failed C simulation");
    assertFalse(report().path("vendor").path("csim").path("passed").asBoolean());
  }

  @Test
  void aTestbenchReturningNonZeroFailsWithItsMismatchCount() throws Exception {
    Path expected = generated("tb_data/tb_output_predictions.dat");
    List<String> lines = Files.readAllLines(expected);
    lines.set(3, "1.5 -0.25");
    Files.write(expected, lines);
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, false, false), false));

    assertTrue(e.getMessage().contains("@E Simulation failed: Function 'main' returns nonzero value '1'."),
        e.getMessage());
    assertTrue(e.getMessage().contains("ERROR: [SIM 211-100] 'csim_design' failed: nonzero return value."),
        e.getMessage());
    assertTrue(e.getMessage().contains("output values differ from the bit-accurate expectation"), e.getMessage());
    JsonNode csim = report().path("vendor").path("csim");
    assertTrue(csim.path("result").path("mismatches").asInt() >= 1, csim::toString);
  }

  @Test
  void aCosimFailFailsTheBuild() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "cosim:fail");

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, true, true), false));

    assertTrue(e.getMessage().contains("ERROR: [COSIM 212-4] *** C/RTL co-simulation finished: FAIL ***"),
        e.getMessage());
    assertTrue(e.getMessage().contains("tiny: vendor C/RTL co-simulation: C/RTL co-simulation finished: FAIL"),
        e.getMessage());
    assertEquals("Fail", report().path("vendor").path("cosim").path("result").path("status").asText());
  }

  @Test
  void exitStatusZeroAfterAnErrorStillFails() throws Exception {
    edit(generated("firmware/tiny.cpp"), "void tiny(", "void tiny((");
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "any:exit0");

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, false, false), false));

    assertTrue(e.getMessage().contains("vitis_hls printed 1 error line (though it exited with 0):"), e.getMessage());
    assertFalse(e.getMessage().contains("ended with exit code"), e.getMessage());
  }

  @Test
  void aHangingToolIsStoppedWithItsChildrenAtTheTimeout() throws Exception {
    Path pids = project.resolve("pids");
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csynth:hang");
    env.put("FAKE_HLS_PIDFILE", pids.toString());

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(settings(env, false, true, false, null, Duration.ofSeconds(3)), false));

    assertTrue(e.getMessage().contains("tiny: vendor synthesis: vitis_hls did not finish within 3 s; stopped it and its"
        + " child processes"), e.getMessage());
    for (String pid : Files.readAllLines(pids)) {
      assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
          "process " + pid + " still runs");
    }
  }

  @Test
  void aScriptWithoutExitLeavesVitisHlsAtItsPromptUntilTheTimeout() throws Exception {
    edit(generated("hls_csim.tcl"), "\nexit\n", "\n");
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(settings(env, true, false, false, null, Duration.ofSeconds(3)), false));

    assertTrue(e.getMessage().contains("vitis_hls did not finish within 3 s"), e.getMessage());
  }

  @Test
  void aCrashIsReportedWithItsSignal() {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csynth:crash");

    SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, false, true, false, null,
        Duration.ofSeconds(60)), false));

    assertTrue(e.getMessage().contains("tiny: vendor synthesis: vitis_hls crashed (exit status 139, probably signal "
        + "11, SIGSEGV)"), e.getMessage());
  }

  @Test
  void missingMalformedAndHostileReportsFailTheSynthesis() {
    Path bin = FakeTools.bin("Vitis_HLS", "2023.1");
    Path xml = work.resolve("tiny/vendor/proj/solution1/syn/report/tiny_csynth.xml");
    for (String fault : List.of("report-missing", "report-malformed", "report-xxe")) {
      Map<String, String> env = FakeTools.with(FakeTools.environment(bin), "FAKE_HLS_FAULT", "csynth:" + fault);
      SrHlsException e = assertThrows(SrHlsException.class, () -> test(settings(env, false, true, false, null,
          Duration.ofSeconds(60)), false), fault);
      String expected = switch (fault) {
        case "report-missing" -> "tiny: vendor synthesis: it wrote no syn/report/tiny_csynth.xml; see "
            + work.resolve("tiny/vendor/csynth.log");
        case "report-malformed" -> "tiny: vendor synthesis: " + xml + ":";
        default -> "DOCTYPE";
      };
      assertTrue(e.getMessage().contains(expected), fault + ": " + e.getMessage());
      assertFalse(e.getMessage().contains("root:"), "no /etc/passwd content leaks");
    }
  }

  @Test
  void undefLatencyAndExceededBudgetsFailTestAndPackage() throws Exception {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1")),
        "FAKE_HLS_FAULT", "csynth:report-undef");
    Budgets budgets = new Budgets(100L, 0L, null, null, null);

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(settings(env, false, true, false, budgets, Duration.ofSeconds(60)), false));

    assertTrue(e.getMessage().contains("tiny: synthesis over budget: the worst-case latency is undef (not a fixed "
        + "number of cycles) but maxLatencyCycles is 100"), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*tiny: synthesis over budget: DSP \\d+ exceeds maxDsp 0.*"), e.getMessage());
    assertEquals(1, log.matching("  latency   best undef, average undef, worst undef cycles; interval undef to "
        + "undef").size(), log::toString);

    SrHlsException packaging = assertThrows(SrHlsException.class,
        () -> pack(settings(env, false, false, false, budgets, Duration.ofSeconds(60))));
    assertTrue(packaging.getMessage().matches("(?s)tiny: .*tiny: synthesis over budget: DSP \\d+ exceeds maxDsp 0"), packaging.getMessage());
    assertEquals(1, log.matching("tiny: vendor synthesis:").size(), "the over-budget synthesis was not run again");
    assertTrue(log.matching("vendor IP export").isEmpty(), "nothing is exported over budget");
    assertFalse(report().path("vendor").path("csynth").path("passed").asBoolean(),
        "a failed export still has its steps put into report.json");
  }

  @Test
  void aChangedModelStartsTheVendorProjectAgain() throws Exception {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    test(settings(env, false, true, false, null, Duration.ofSeconds(60)), false);
    Path marker = work.resolve("tiny/vendor/proj/marker");
    Files.writeString(marker, "from the first run");

    Files.writeString(project.resolve("src/main/sr/tiny.sr.yaml"), MODEL.replace("vectors: 40", "vectors: 30"));
    new GenerateOrchestrator().run(generateRequest(project.resolve("src/main/sr")));
    pack(settings(env, false, false));

    assertFalse(Files.exists(marker), "the tool's project of the old model is gone");
    assertEquals(2, log.matching("tiny: vendor synthesis:").size(), "the new model was synthesised");
  }
}
