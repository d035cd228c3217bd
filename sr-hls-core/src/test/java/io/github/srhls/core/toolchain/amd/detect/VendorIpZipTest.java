package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.PackageOrchestrator;
import io.github.srhls.core.goals.PackageRequest;
import io.github.srhls.core.goals.PackagedModel;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.toolchain.amd.FakeTools;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IP zip from the (fake) vendor tool whose entries would escape is not packaged into the attached zip. */
class VendorIpZipTest {

  @TempDir Path project;
  Path out;
  Path work;

  @BeforeEach
  void generate() throws IOException {
    TempProject temp = TempProject.with(project, "tiny.sr.yaml", VendorFlowTest.MODEL);
    out = temp.out();
    work = temp.work();
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project).modelDirectory(temp.models())
        .outputDirectory(out).workDirectory(work).projectVersion("1.0.0").pluginVersion("0.1.0-test")
        .log(BuildLog.silent()).ipVendor("cern.ch").build());
  }

  @Test
  void anIpZipWithAnEntryEscapingUpwardsFailsThePackageAndRemovesTheEarlierZip() throws Exception {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    Path earlier = pack(env).zip();
    assertTrue(Files.isRegularFile(earlier));
    Path ipZip = work.resolve("tiny/vendor/proj/solution1/impl/ip/cern_ch_hls_tiny_1_4.zip");
    // the export of the earlier build is up to date (the fault is no tool setting): without its IP zip it runs again
    Files.delete(ipZip);

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> pack(FakeTools.with(env, "FAKE_HLS_FAULT", "export:extra-entry=../../evil.txt")));

    assertEquals("tiny: vendor IP export: the vendor's IP zip " + ipZip + " holds the entry '../../evil.txt': it"
        + " has an empty, '.' or '..' path segment, so it would be unpacked outside the folder the zip is unpacked"
        + " in. sr-hls does not package such a zip: find what put that entry into the export (the tool's export"
        + " step, an IP repository or a hook script it runs), remove it and package again", e.getMessage());
    assertFalse(Files.exists(earlier), "the zip of the earlier build is gone: it is not this build's");
    try (Stream<Path> left = Files.list(earlier.getParent())) {
      assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".zip")
          || p.getFileName().toString().endsWith(".tmp")).count(), "no zip or half-written zip is left");
    }
    JsonNode export = new ObjectMapper().readTree(work.resolve("tiny/report.json").toFile())
        .path("vendor").path("export");
    assertFalse(export.path("passed").asBoolean(true), export.toString());
    assertTrue(export.path("failures").get(0).asText().contains("'../../evil.txt'"), export.toString());
  }

  @Test
  void absoluteAndDriveLetterEntriesAreRefusedToo() {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    for (String name : new String[] {"/tmp/evil.txt", "C:\\evil.txt", "..\\evil.txt"}) {
      SrHlsException e = assertThrows(SrHlsException.class,
          () -> pack(FakeTools.with(env, "FAKE_HLS_FAULT", "export:extra-entry=" + name)), name);
      assertTrue(e.getMessage().contains(" holds the entry '" + name + "': "), e.getMessage());
    }
  }

  private PackagedModel pack(Map<String, String> env) {
    VendorSettings vendor = VendorFlowTest.settings(env, false, false, false, null, Duration.ofSeconds(120));
    return new PackageOrchestrator().run(PackageRequest.builder().outputDirectory(out).workDirectory(work)
        .zipDirectory(project.resolve("target")).finalName("demo-1.0.0")
        .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z")).log(BuildLog.silent()).vendor(vendor).build())
        .get(0);
  }
}
