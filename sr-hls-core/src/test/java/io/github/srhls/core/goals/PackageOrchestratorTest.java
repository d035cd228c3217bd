package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.simulation.host.StandinProjects;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageOrchestratorTest {

  private static final Instant TIME = Instant.parse("2026-11-21T00:00:00Z");

  @TempDir Path dir;

  private PackageRequest request(String finalName, String classifier) {
    return PackageRequest.builder().outputDirectory(dir.resolve("out")).workDirectory(dir.resolve("work"))
        .zipDirectory(dir.resolve("target")).finalName(finalName).classifier(classifier).outputTimestamp(TIME)
        .log(BuildLog.silent()).build();
  }

  @Test
  void zipsEveryGeneratedProjectWithItsReport() throws Exception {
    StandinProjects.copy(dir.resolve("out"), "beta");
    StandinProjects.copy(dir.resolve("out"), "alpha");
    Files.createDirectories(dir.resolve("out/not_ours"));
    report("alpha").write(dir.resolve("work/alpha"));
    Files.writeString(dir.resolve("work/alpha/csim.log"), "not packaged");

    List<PackagedModel> zips = new PackageOrchestrator().run(request("fw-1.0", "hls-{name}"));

    assertEquals(List.of(
        new PackagedModel("alpha", "hls-alpha", dir.resolve("target/fw-1.0-hls-alpha.zip")),
        new PackagedModel("beta", "hls-beta", dir.resolve("target/fw-1.0-hls-beta.zip"))), zips);
    List<String> project = List.of("alpha_test.cpp", "firmware/alpha.cpp", "firmware/alpha.h", "firmware/defines.h",
        "model/alpha.sr.yaml", "report.json", "sr-hls-manifest.json", "tb_data/tb_input_features.dat",
        "tb_data/tb_output_float64.dat", "tb_data/tb_output_predictions.dat");
    try (ZipFile zip = new ZipFile(zips.get(0).zip().toFile())) {
      assertEquals(project, zip.stream().map(ZipEntry::getName).toList());
      // the report without its timings, which would make every build's zip different
      String packaged =
          new String(zip.getInputStream(zip.getEntry("report.json")).readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(Files.readString(report("alpha").writePackaged(dir.resolve("expected"))), packaged);
      assertFalse(packaged.contains("timings"), packaged);
      assertTrue(packaged.contains("\"vectors\" : 8,"), packaged);
      assertEquals(TIME, zip.getEntry("firmware/alpha.cpp").getLastModifiedTime().toInstant());
    }
    try (ZipFile zip = new ZipFile(zips.get(1).zip().toFile())) {
      assertEquals(project.stream().filter(n -> !n.equals("report.json")).map(n -> n.replace("alpha", "beta")).toList(),
          zip.stream().map(ZipEntry::getName).toList(), "no report when sr-hls:test did not run");
    }
  }

  @Test
  void packagingTwiceGivesTheSameBytes() throws Exception {
    StandinProjects.copy(dir.resolve("out"), "m");
    Path zip = new PackageOrchestrator().run(request("fw", null)).get(0).zip();
    assertEquals(dir.resolve("target/fw-m.zip"), zip);
    byte[] first = Files.readAllBytes(zip);
    Files.setLastModifiedTime(dir.resolve("out/m/firmware/m.cpp"),
        java.nio.file.attribute.FileTime.from(Instant.now()));
    new PackageOrchestrator().run(request("fw", null));
    assertArrayEquals(first, Files.readAllBytes(zip));
  }

  @Test
  void theBinaryTestDataOnlyTheBuildReadsStaysOutOfTheZip() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "m");
    byte[] without = Files.readAllBytes(new PackageOrchestrator().run(request("fw", null)).get(0).zip());
    for (String name : List.of("tb_data/tb_input_features.bin", "tb_data/tb_output_predictions.bin",
        "tb_data/tb_output_float64.bin")) {
      Files.write(project.resolve(name), new byte[] {'S', 'R', 'H', 'L', 'S', 'F', '6', '4'});
    }
    // a file of the model's own is packaged whatever its name
    Files.write(project.resolve("model/weights.bin"), new byte[] {1});
    Path zip = new PackageOrchestrator().run(request("fw", null)).get(0).zip();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> names = z.stream().map(ZipEntry::getName).toList();
      assertTrue(names.contains("tb_data/tb_input_features.dat") && names.contains("model/weights.bin"), names + "");
      assertFalse(names.stream().anyMatch(n -> n.startsWith("tb_data/") && n.endsWith(".bin")), names + "");
    }
    // the zip is what it was without them, but for the model's own file
    Files.delete(project.resolve("model/weights.bin"));
    assertArrayEquals(without, Files.readAllBytes(new PackageOrchestrator().run(request("fw", null)).get(0).zip()));
  }

  @Test
  void anUnchangedZipIsNotWrittenAgainAndAnyChangeRewritesIt() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "m");
    report("m").write(dir.resolve("work/m"));
    RecordingBuildLog log = new RecordingBuildLog();
    PackageRequest request = PackageRequest.builder().outputDirectory(dir.resolve("out"))
        .workDirectory(dir.resolve("work")).zipDirectory(dir.resolve("target")).finalName("fw").outputTimestamp(TIME)
        .log(log).build();
    Path zip = new PackageOrchestrator().run(request).get(0).zip();
    FileTime written = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(zip, written);
    byte[] first = Files.readAllBytes(zip);

    // new timings alone change nothing in the zip
    SimulationReport r = report("m").host();
    report("m").withHost(new SimulationReport(r.vectors(), r.mismatches(), r.errorVsFloat64(), r.classAgreement(),
        r.overflows(), r.tolerance(), new SimulationResult.Timings(999, 999, 9), r.failures(), r.passed()))
        .write(dir.resolve("work/m"));
    new PackageOrchestrator().run(request);
    assertEquals(written, Files.getLastModifiedTime(zip), "an identical zip is not rewritten");
    assertTrue(log.infos.contains("m: fw-m.zip is up to date"), log.infos.toString());
    assertTrue(log.infos.get(log.infos.size() - 1).startsWith("  zip         " + zip + " ("),
        "the summary ends the model");
    // no vendor tool, so no vendor IP in it: not an "IP zip"
    assertTrue(log.infos.get(log.infos.size() - 1).endsWith("; firmware zip: the HLS project and its report, no"
        + " vendor IP)"), log.infos.toString());
    assertFalse(log.infos.stream().anyMatch(line -> line.contains("IP zip")), log.infos.toString());

    // a changed project file rewrites it
    StandinProjects.edit(project.resolve("firmware/m.cpp"), t -> t + "// changed\n");
    new PackageOrchestrator().run(request);
    assertTrue(Files.getLastModifiedTime(zip).compareTo(written) > 0);
    byte[] changed = Files.readAllBytes(zip);
    assertFalse(java.util.Arrays.equals(first, changed));

    // so does a zip that was changed or removed behind our back
    Files.write(zip, new byte[] {1, 2, 3});
    new PackageOrchestrator().run(request);
    assertArrayEquals(changed, Files.readAllBytes(zip));
    Files.delete(zip);
    new PackageOrchestrator().run(request);
    assertArrayEquals(changed, Files.readAllBytes(zip));
  }

  /**
   * The report inside a zip reads back, from the zip itself, as the report it was packaged from less what measures
   * time: every section, the host simulation's, the RTL's, the vendor steps' and open synthesis's.
   */
  @Test
  void thePackagedReportReadsBackOutOfTheZip() throws Exception {
    StandinProjects.copy(dir.resolve("out"), "m");
    RtlReport rtl = RtlReport.of(new RtlResult("Verilator 5.006 2023-01-22 rev v5.006", 8,
        new RtlResult.Mismatches(0, Map.of("y0", 0), List.of()), 3, 3, 4.0, new RtlResult.Timings(6100, 40),
        List.of()));
    VendorReport vendor = new VendorReport("vitis-hls", "2023.1", DIGEST,
        new VendorReport.Step<>(true, new VendorReport.CsimResult(8, 0), List.of(), 4321), null, null, null);
    OpenSynthesisReport counts = new OpenSynthesisReport("Yosys", "0.23", "xcup", "m", 47, Map.of("LUT2", 47L), 0,
        66, 12, 3, 0, Map.of("FDRE", 66L), 3.25);
    ModelReport full = report("m").withRtl(rtl).withVendor(vendor).withOpenSynthesis(counts);
    full.write(dir.resolve("work/m"));

    Path zip = new PackageOrchestrator().run(request("fw", null)).get(0).zip();

    try (FileSystem inside = FileSystems.newFileSystem(zip)) {
      ModelReport packaged = ModelReport.read(inside.getPath("/")).orElseThrow();
      assertEquals(full.withHost(full.host().withoutTimings()).withRtl(rtl.withoutTimings())
          .withVendor(new VendorReport("vitis-hls", "2023.1", DIGEST,
              new VendorReport.Step<>(true, new VendorReport.CsimResult(8, 0), List.of(), 0), null, null, null))
          .withOpenSynthesis(counts.withoutTimings()), packaged);
    }
  }

  private static final String DIGEST = "sha256:" + "0".repeat(64);

  private static ModelReport report(String model) {
    return new ModelReport(model, "1.2.0", DIGEST, new SimulationReport(8,
        new SimulationResult.Mismatches(0, Map.of("y0", 0, "y1", 0), List.of()),
        Map.of("y0", new SimulationResult.ErrorStats(0, 0), "y1", new SimulationResult.ErrorStats(0.5, 0.25)),
        null, Map.of(), 0.01, new SimulationResult.Timings(120, 30, 266), List.of(), true), null, null, null);
  }

  @Test
  void withoutGeneratedProjectsTellsToGenerateFirst() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> new PackageOrchestrator().run(request("fw", null)));
    assertEquals("no generated project under " + dir.resolve("out") + ": run sr-hls:generate first", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../{name}", "a/{name}", "{name} x", "{name}$(rm)", "a\\{name}"})
  void unsafeClassifiersAreRefused(String classifier) {
    StandinProjects.copy(dir.resolve("out"), "m");
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> new PackageOrchestrator().run(request("fw", classifier)));
    assertTrue(e.getMessage().startsWith("classifier '" + classifier.replace("{name}", "m") + "' (from '"),
        e.getMessage());
    assertTrue(Files.notExists(dir.resolve("target")) || dir.resolve("target").toFile().list().length == 0);
  }

  @Test
  void aFixedClassifierNeedsASingleModel() {
    StandinProjects.copy(dir.resolve("out"), "a");
    StandinProjects.copy(dir.resolve("out"), "b");
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> new PackageOrchestrator().run(request("fw", "ip")));
    assertEquals("the classifier 'ip' has no {name} but there are 2 models; every zip needs its own classifier",
        e.getMessage());
  }

  @Test
  void anUnsafeFinalNameIsRefused() {
    StandinProjects.copy(dir.resolve("out"), "m");
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> new PackageOrchestrator().run(request("../evil", null)));
    assertTrue(e.getMessage().startsWith("final name '../evil' cannot start a zip file name"), e.getMessage());
  }
}
