package io.github.srhls.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.sim.StandinProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
    return new PackageRequest(dir.resolve("out"), dir.resolve("work"), dir.resolve("target"), finalName, classifier,
        TIME, BuildLog.silent());
  }

  @Test
  void zipsEveryGeneratedProjectWithItsReport() throws Exception {
    StandinProjects.copy(dir.resolve("out"), "beta");
    StandinProjects.copy(dir.resolve("out"), "alpha");
    Files.createDirectories(dir.resolve("out/not_ours"));
    Files.createDirectories(dir.resolve("work/alpha"));
    Files.writeString(dir.resolve("work/alpha/report.json"), "{\"passed\" : true}\n");
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
      assertEquals("{\"passed\" : true}\n",
          new String(zip.getInputStream(zip.getEntry("report.json")).readAllBytes(), StandardCharsets.UTF_8));
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
