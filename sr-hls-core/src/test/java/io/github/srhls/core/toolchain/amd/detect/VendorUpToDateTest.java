package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.PackageOrchestrator;
import io.github.srhls.core.goals.PackageRequest;
import io.github.srhls.core.goals.PackagedModel;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor steps are keyed like the host simulation: a second build with nothing changed runs no vendor step
 * (the fake tools record every run in FAKE_HLS_CALLS) and leaves the IP and the attached zip as they were; a
 * changed input, a step newly asked for, or an earlier failure makes the steps concerned run again.
 */
class VendorUpToDateTest {

  @TempDir Path project;
  Path out;
  Path work;
  Path calls;
  final FakeTools.Log log = new FakeTools.Log();

  @BeforeEach
  void generate() throws IOException {
    TempProject temp = TempProject.with(project, "tiny.sr.yaml", VendorFlowTest.MODEL);
    out = temp.out();
    work = temp.work();
    calls = project.resolve("calls.txt");
    generate(VendorFlowTest.MODEL);
  }

  void generate(String model) throws IOException {
    Files.writeString(project.resolve("src/main/sr/tiny.sr.yaml"), model);
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project)
        .modelDirectory(project.resolve("src/main/sr")).outputDirectory(out).workDirectory(work)
        .projectVersion("1.0.0").pluginVersion("0.1.0-test").log(log).ipVendor("cern.ch").build());
  }

  Map<String, String> env(Path bin) {
    return FakeTools.with(FakeTools.environment(bin), "FAKE_HLS_CALLS", calls.toString());
  }

  static VendorSettings settings(Map<String, String> env, boolean synthesis, boolean cosim, Budgets budgets) {
    return VendorSettings.builder().environment(env).csim(true).synthesis(synthesis).cosim(cosim).export(true)
        .budgets(budgets).timeout(Duration.ofSeconds(60)).build();
  }

  void test(VendorSettings vendor) {
    new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(out)
        .workDirectory(work).log(log).hostCsim(false).vendor(vendor).build());
  }

  PackagedModel pack(VendorSettings vendor) {
    return new PackageOrchestrator().run(PackageRequest.builder().outputDirectory(out).workDirectory(work)
        .zipDirectory(project.resolve("target")).finalName("demo-1.0.0")
        .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z")).log(log).vendor(vendor).build()).get(0);
  }

  /** The vendor steps run since the last call (the runs that only ask for the version are not steps). */
  List<String> steps() throws IOException {
    if (!Files.exists(calls)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(calls).stream()
        .filter(l -> !l.endsWith(" -version") && !l.endsWith(" --version")).toList();
    Files.delete(calls);
    return lines;
  }

  Path ipZip() throws IOException {
    try (Stream<Path> walk = Files.walk(work.resolve("tiny/vendor"))) {
      return walk.filter(p -> p.getFileName().toString().equals("cern_ch_hls_tiny_1_4.zip")).findFirst()
          .orElseThrow();
    }
  }

  @Test
  void aSecondBuildWithNothingChangedRunsNoVendorStepAndKeepsTheZipsAsTheyWere() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis_HLS", "2023.1"));
    test(settings(env, true, true, null));
    PackagedModel first = pack(settings(env, false, false, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl", "vitis_hls -f hls_csynth.tcl", "vitis_hls -f hls_cosim.tcl",
        "vitis_hls -f hls_export.tcl"), steps());
    Path ip = ipZip();
    byte[] ipBytes = Files.readAllBytes(ip);
    byte[] zipBytes = Files.readAllBytes(first.zip());
    FileTime ipTime = FileTime.fromMillis(0);
    Files.setLastModifiedTime(ip, ipTime);
    Files.setLastModifiedTime(first.zip(), ipTime);
    String reportBefore = Files.readString(work.resolve("tiny/report.json"));

    test(settings(env, true, true, null));
    PackagedModel second = pack(settings(env, false, false, null));

    assertEquals(List.of(), steps(), "no vendor step ran again");
    for (String step : List.of("C simulation", "synthesis", "C/RTL co-simulation", "IP export")) {
      assertEquals(1, log.matching("tiny: vendor " + step + " is up to date").size(), step + "\n" + log);
    }
    assertArrayEquals(ipBytes, Files.readAllBytes(ip), "the IP zip was not exported again");
    assertEquals(ipTime, Files.getLastModifiedTime(ip));
    assertArrayEquals(zipBytes, Files.readAllBytes(second.zip()));
    assertEquals(ipTime, Files.getLastModifiedTime(second.zip()), "the attached zip was not rewritten");
    assertEquals(reportBefore, Files.readString(work.resolve("tiny/report.json")));
  }

  @Test
  void theUnifiedFlowIsUpToDateToo() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis", "2024.2"));
    test(settings(env, true, false, null));
    pack(settings(env, false, false, null));
    assertEquals(List.of("vitis-run --mode hls --csim --config hls_config.cfg --work_dir proj",
        "v++ -c --mode hls --config hls_config.cfg --work_dir proj",
        "vitis-run --mode hls --package --config hls_config.cfg --work_dir proj"), steps());

    test(settings(env, true, false, null));
    pack(settings(env, false, false, null));

    assertEquals(List.of(), steps());
  }

  @Test
  void aStepAskedForNewlyRunsAloneAndChangedBudgetsAreCheckedWithoutSynthesisingAgain() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis_HLS", "2023.1"));
    test(settings(env, true, false, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl", "vitis_hls -f hls_csynth.tcl"), steps());

    test(settings(env, true, true, null));
    assertEquals(List.of("vitis_hls -f hls_cosim.tcl"), steps(), "only the co-simulation was new");

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> test(settings(env, true, true, new Budgets(null, 0L, null, null, null))));
    assertTrue(e.getMessage().matches("(?s).*tiny: synthesis over budget: DSP \\d+ exceeds maxDsp 0.*"),
        e.getMessage());
    assertEquals(List.of(), steps(), "the budgets were checked against the synthesis already done");
  }

  @Test
  void aChangedGeneratedProjectOrToolRunsEveryStepAgain() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis_HLS", "2023.1"));
    test(settings(env, true, false, null));
    steps();

    generate(VendorFlowTest.MODEL.replace("clock-ns: 4", "clock-ns: 5"));
    test(settings(env, true, false, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl", "vitis_hls -f hls_csynth.tcl"), steps(), "a new clock");

    Map<String, String> older = env(FakeTools.bin("Vitis_HLS", "2020.2"));
    test(settings(older, true, false, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl", "vitis_hls -f hls_csynth.tcl"), steps(), "another tool");

    test(settings(FakeTools.with(older, "XILINX_LOCAL_USER_DATA", "no"), true, false, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl", "vitis_hls -f hls_csynth.tcl"), steps(),
        "another XILINX_ setting of the tool");
  }

  @Test
  void aFailedStepIsRunAgainAndWhatFollowsASynthesisRunAgainIsRunAgainToo() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis_HLS", "2023.1"));
    assertThrows(SrHlsException.class,
        () -> test(settings(FakeTools.with(env, "FAKE_HLS_FAULT", "cosim:fail"), true, true, null)));
    assertEquals(3, steps().size());
    test(settings(env, true, true, null));
    assertEquals(List.of("vitis_hls -f hls_cosim.tcl"), steps(), "only the failed co-simulation ran again");

    // a failure forgets the state: after a broken edit and its undoing the step runs again
    Path firmware = out.resolve("tiny/firmware/tiny.cpp");
    String good = Files.readString(firmware);
    Files.writeString(firmware, good.replace("void tiny(", "void tiny(("));
    assertThrows(SrHlsException.class, () -> test(settings(env, true, true, null)));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl"), steps());
    Files.writeString(firmware, good);
    test(settings(env, true, true, null));
    assertEquals(List.of("vitis_hls -f hls_csim.tcl"), steps(), "the C simulation that failed ran again");
    pack(settings(env, false, false, null));
    steps();

    // a synthesis report removed behind sr-hls's back: synthesis again, then co-simulation and export again
    try (Stream<Path> walk = Files.walk(work.resolve("tiny/vendor"))) {
      for (Path xml : walk.filter(p -> p.getFileName().toString().equals("tiny_csynth.xml")).toList()) {
        Files.delete(xml);
      }
    }
    test(settings(env, true, true, null));
    pack(settings(env, false, false, null));
    assertEquals(List.of("vitis_hls -f hls_csynth.tcl", "vitis_hls -f hls_cosim.tcl", "vitis_hls -f hls_export.tcl"),
        steps());
  }

  @Test
  void anIpZipChangedBehindSrHlsBackIsExportedAgain() throws Exception {
    Map<String, String> env = env(FakeTools.bin("Vitis_HLS", "2023.1"));
    pack(settings(env, false, false, null));
    assertEquals(List.of("vitis_hls -f hls_csynth.tcl", "vitis_hls -f hls_export.tcl"), steps());
    Files.write(ipZip(), new byte[] {1, 2, 3});

    pack(settings(env, false, false, null));

    assertEquals(List.of("vitis_hls -f hls_export.tcl"), steps());
  }
}
