package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A consumer project in a temporary folder laid out as Maven lays it out: model files in {@code src/main/sr}, the
 * generated projects and the plugin's work under {@code target/}.
 */
public record TempProject(Path root, Path models, Path out, Path work) {

  /** The layout under {@code root}, with no model file yet. */
  public static TempProject at(Path root) throws IOException {
    TempProject p = new TempProject(root, root.resolve("src/main/sr"),
        root.resolve("target/generated-sources/sr-hls"), root.resolve("target/sr-hls"));
    Files.createDirectories(p.models);
    return p;
  }

  /** The layout under {@code root}, with one model file written. */
  public static TempProject with(Path root, String modelFile, String model) throws IOException {
    TempProject p = at(root);
    Files.writeString(p.models.resolve(modelFile), model);
    return p;
  }

  /** A generate request for this project, silent, with versions that name no real release. */
  public GenerateRequest.Builder generateRequest() {
    return GenerateRequest.builder().projectDirectory(root).modelDirectory(models).outputDirectory(out)
        .workDirectory(work).projectVersion("1.0.0").pluginVersion("0.1.0-test").log(BuildLog.silent());
  }

  public GenerateResult generate() {
    return new GenerateOrchestrator().run(generateRequest().build());
  }

  public GenerateResult generate(GenerateRequest.Builder request) {
    return new GenerateOrchestrator().run(request.build());
  }

  /**
   * With {@code -Dsrhls.keepProjects=DIR}, copies the generated projects to {@code DIR/<label>/}, for checking them
   * by hand, e.g. against the vendor's headers with tools/vendor-headers-check.sh --projects-under DIR.
   */
  public void keep(String label) throws IOException {
    String dir = System.getProperty("srhls.keepProjects");
    if (dir == null || dir.isBlank()) {
      return;
    }
    Path target = Path.of(dir).resolve(label);
    try (var files = Files.walk(out)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(out.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The host simulation of every generated project, silent, without a vendor tool. */
  public TestResult simulate() {
    return new TestOrchestrator().run(TestRequest.builder().projectDirectory(root).outputDirectory(out)
        .workDirectory(work).log(BuildLog.silent()).build());
  }
}
