package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental bookkeeping of {@code sr-hls:generate}: what is recorded as generated, and when. */
class GenerateOrchestratorTest {
  private static final String MODEL = """
      format: sr-hls/v1
      name: vec
      inputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}]
      outputs: [{name: y, expression: a * b + 0.5}]
      testbench: {inputs: vectors.dat}
      """;

  @TempDir Path project;
  TempProject temp;
  Path modelDir;
  Path out;
  Path work;

  @BeforeEach
  void setUp() throws IOException {
    temp = TempProject.with(project, "vec.sr.yaml", MODEL);
    modelDir = temp.models();
    Files.writeString(modelDir.resolve("vectors.dat"), "0.5 0.25\n-0.5 0.75\n");
    out = temp.out();
    work = temp.work();
  }

  private GenerateResult generate() {
    return temp.generate();
  }

  @Test
  void aModelThatFailedLateIsNotTakenAsUpToDateByTheNextRun() throws IOException {
    assertEquals(List.of("vec"), generate().generated());
    assertTrue(ProjectManifest.isProject(out.resolve("vec")));

    // the vector file is read late, after the model compiled and its key was computed
    Files.writeString(modelDir.resolve("vectors.dat"), "0.5 0.25\n-0.5 oops\n");
    String first = assertThrows(SrHlsException.class, this::generate).getMessage();
    assertTrue(first.contains("vectors.dat"), first);
    assertFalse(first.contains("declared types"), "a vector file's error is not blamed on the types: " + first);
    assertFalse(Files.exists(out.resolve("vec")), "the old project, with the old vectors, must not stay as if valid");

    // nothing changed since the failure: it must fail again, not be "up to date"
    String second = assertThrows(SrHlsException.class, this::generate).getMessage();
    assertEquals(first, second);
    assertFalse(Files.exists(out.resolve("vec")));

    Files.writeString(modelDir.resolve("vectors.dat"), "0.5 0.25\n-0.5 0.5\n");
    assertEquals(List.of("vec"), generate().generated());
    assertEquals(List.of("vec"), generate().upToDate());
  }

  @Test
  void aDanglingModelLinkIsAnErrorAndKeepsTheEarlierOutput() throws IOException {
    assertEquals(List.of("vec"), generate().generated());
    Path model = modelDir.resolve("vec.sr.yaml");
    Files.move(model, project.resolve("moved.sr.yaml"));
    Files.createSymbolicLink(model, Path.of("gone/vec.sr.yaml"));

    String message = assertThrows(SrHlsException.class, this::generate).getMessage();
    assertTrue(message.contains("model file is a symbolic link to nothing: src/main/sr/vec.sr.yaml ->"
        + " 'gone/vec.sr.yaml'"), message);
    assertTrue(message.contains("restore the target, remove the link"), message);
    assertTrue(ProjectManifest.isProject(out.resolve("vec")), "the earlier output stays");
    // a link outside the includes is none of the plugin's business
    assertEquals(List.of("vec"), temp.generate(temp.generateRequest().excludes(List.of("vec.sr.yaml"))).removed());
  }

  @Test
  void aModelDirectoryThatIsAFileIsAnErrorAndKeepsTheEarlierOutput() throws IOException {
    assertEquals(List.of("vec"), generate().generated());
    Path file = project.resolve("models.txt");
    Files.writeString(file, "not a directory");

    String message = assertThrows(SrHlsException.class,
        () -> temp.generate(temp.generateRequest().modelDirectory(file))).getMessage();
    assertEquals("modelDirectory models.txt is a file, not a directory; set modelDirectory"
        + " (-Dsr-hls.modelDirectory) to the directory that holds the model files", message);
    assertTrue(ProjectManifest.isProject(out.resolve("vec")), "the earlier output stays");

    Path link = project.resolve("models-link");
    Files.createSymbolicLink(link, project.resolve("no-such-dir"));
    String dangling = assertThrows(SrHlsException.class,
        () -> temp.generate(temp.generateRequest().modelDirectory(link))).getMessage();
    assertTrue(dangling.startsWith("modelDirectory models-link is a symbolic link to '"), dangling);
    assertTrue(dangling.contains("which does not exist"), dangling);
    assertTrue(ProjectManifest.isProject(out.resolve("vec")), "the earlier output stays");
  }

  @Test
  void aPatternThatIsNoGlobIsAParameterErrorNamingTheParameterAndThePattern() {
    String include = assertThrows(SrHlsException.class,
        () -> temp.generate(temp.generateRequest().includes(List.of("[a-")))).getMessage();
    assertTrue(include.startsWith("the includes pattern '[a-' is not a valid glob: "), include);
    assertTrue(include.contains("**/*.sr.yaml"), include);
    assertFalse(include.contains("Exception"), include);
    String exclude = assertThrows(SrHlsException.class,
        () -> temp.generate(temp.generateRequest().excludes(List.of("**/{a,b")))).getMessage();
    assertTrue(exclude.startsWith("the excludes pattern '**/{a,b' is not a valid glob: "), exclude);
  }
}
