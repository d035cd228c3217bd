package io.github.srhls.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectManifestTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;

  private static ProjectManifest manifest(String name) {
    return new ProjectManifest(ProjectManifest.FORMAT, name, "1.2.0", DIGEST, List.of("x0", "x1"), List.of("g", "q"),
        10000, 0.05, true, Map.of("q", 3L, "n_7", 0L), "model/jet tagger.sr.yaml");
  }

  @Test
  void writesTheDocumentedJsonAndReadsItBack() throws Exception {
    Path project = dir.resolve("jet_tagger");
    ProjectManifest written = manifest("jet_tagger");
    written.write(project);
    assertEquals("""
        {
          "format" : "sr-hls-manifest/v1",
          "name" : "jet_tagger",
          "version" : "1.2.0",
          "digest" : "%s",
          "inputs" : [
            "x0",
            "x1"
          ],
          "outputs" : [
            "g",
            "q"
          ],
          "vectors" : 10000,
          "tolerance" : 0.05,
          "hostSimulation" : true,
          "overflows" : {
            "n_7" : 0,
            "q" : 3
          },
          "modelFile" : "model/jet tagger.sr.yaml",
          "classify" : false
        }
        """.formatted(DIGEST), Files.readString(project.resolve(ProjectManifest.FILE_NAME)));
    assertEquals(written, ProjectManifest.read(project));
    assertTrue(ProjectManifest.isProject(project));
  }

  @Test
  void aNullToleranceIsWrittenAndRead() {
    Path project = dir.resolve("m");
    ProjectManifest m = new ProjectManifest(ProjectManifest.FORMAT, "m", "1", DIGEST, List.of(), List.of("y"), 0,
        null, false, null, "model/m.sr.yaml");
    m.write(project);
    assertEquals(m, ProjectManifest.read(project));
    assertEquals(null, ProjectManifest.read(project).tolerance());
  }

  @Test
  void problemsAreReportedWithFileLineAndColumn() throws Exception {
    Path project = Files.createDirectories(dir.resolve("m"));
    Path file = project.resolve(ProjectManifest.FILE_NAME);
    manifest("m").write(project);
    String good = Files.readString(file);

    Files.writeString(file, good.replace("\"vectors\" : 10000", "\"vectors\" : \"many\""));
    SrHlsException e = assertThrows(SrHlsException.class, () -> ProjectManifest.read(project));
    assertTrue(e.getMessage().startsWith(file + ":14:"), e.getMessage());

    Files.writeString(file, good.replace("\"sr-hls-manifest/v1\"", "\"sr-hls-manifest/v9\""));
    e = assertThrows(SrHlsException.class, () -> ProjectManifest.read(project));
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().endsWith("unsupported manifest format 'sr-hls-manifest/v9', expected "
        + "'sr-hls-manifest/v1'; regenerate with this version of sr-hls"), e.getMessage());

    Files.writeString(file, good.replace("\"hostSimulation\" : true,\n", ""));
    e = assertThrows(SrHlsException.class, () -> ProjectManifest.read(project));
    assertTrue(e.getMessage().contains("hostSimulation"), e.getMessage());

    Files.writeString(file, good.replace("\"name\" : \"m\"", "\"name\" : \"other\""));
    e = assertThrows(SrHlsException.class, () -> ProjectManifest.read(project));
    assertEquals(file + ": the manifest names model 'other' but the directory is 'm'; regenerate with "
        + "sr-hls:generate", e.getMessage());
  }

  @Test
  void namesThatCouldEscapeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> manifest("../x"));
    assertThrows(IllegalArgumentException.class, () -> manifest("9lives"));
    assertThrows(IllegalArgumentException.class, () -> new ProjectManifest(ProjectManifest.FORMAT, "m", "1", DIGEST,
        List.of("a b"), List.of("y"), 1, null, true, null, "model/m.yaml"));
    for (String modelFile : List.of("../m.yaml", "/etc/passwd", "model\\m.yaml", "C:/m.yaml", "model//m.yaml", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProjectManifest(
          ProjectManifest.FORMAT, "m", "1", DIGEST, List.of(), List.of("y"), 1, null, true, null, modelFile));
      assertTrue(e.getMessage().startsWith("modelFile"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProjectManifest(
        ProjectManifest.FORMAT, "m", "1", DIGEST, List.of("y"), List.of("y"), 1, null, true, null, "m.yaml"));
    assertEquals("name 'y' is used twice among inputs and outputs", e.getMessage());
  }
}
