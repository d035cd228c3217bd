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
    return ProjectManifest.builder().name(name).version("1.2.0").digest(DIGEST).inputs(List.of("x0", "x1"))
        .outputs(List.of("g", "q")).vectors(10000).tolerance(0.05).hostSimulation(true)
        .overflows(Map.of("q", 3L, "n_7", 0L)).modelFile("model/jet tagger.sr.yaml").build();
  }

  /** A valid manifest of model m with output y, for the tests to spoil one component of. */
  private static ProjectManifest.Builder minimal() {
    return ProjectManifest.builder().name("m").version("1").digest(DIGEST).outputs(List.of("y")).vectors(1)
        .hostSimulation(true).modelFile("model/m.yaml");
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
    ProjectManifest m = ProjectManifest.builder().name("m").version("1").digest(DIGEST).outputs(List.of("y"))
        .modelFile("model/m.sr.yaml").build();
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
    assertThrows(IllegalArgumentException.class, () -> minimal().inputs(List.of("a b")).build());
    for (String modelFile : List.of("../m.yaml", "/etc/passwd", "model\\m.yaml", "C:/m.yaml", "model//m.yaml", "")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> minimal().modelFile(modelFile).build());
      assertTrue(e.getMessage().startsWith("modelFile"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> minimal().inputs(List.of("y")).modelFile("m.yaml").build());
    assertEquals("name 'y' is used twice among inputs and outputs", e.getMessage());
  }
}
