package io.github.srhls.plugin;

import static io.github.srhls.plugin.MojoHarness.assertFailsWith;
import static io.github.srhls.plugin.MojoHarness.assertSkipped;
import static io.github.srhls.plugin.MojoHarness.failing;
import static io.github.srhls.plugin.MojoHarness.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.GenerateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class GenerateMojoTest {
  @TempDir Path basedir;

  private final List<GenerateRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return TestProjects.at(basedir);
  }

  private void record(GenerateMojo mojo, GenerateResult result) {
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, result);
  }

  @Test
  @InjectMojo(goal = "generate")
  void defaultsMapToTheRequest(GenerateMojo mojo) throws Exception {
    Files.createDirectories(basedir.resolve("src/main/sr"));
    record(mojo, new GenerateResult(List.of("jet_tagger"), List.of("muon", "tau"), List.of()));

    mojo.execute();

    assertEquals(1, requests.size());
    GenerateRequest request = requests.get(0);
    assertEquals(basedir, request.projectDirectory());
    assertEquals(basedir.resolve("src/main/sr"), request.modelDirectory());
    assertEquals(List.of(), request.includes());
    assertEquals(List.of(), request.excludes());
    assertEquals(basedir.resolve("target/generated-sources/sr-hls"), request.outputDirectory());
    assertEquals(basedir.resolve("target/sr-hls"), request.workDirectory());
    assertEquals(TestProjects.VERSION, request.projectVersion());
    assertEquals(System.getProperty("srhls.pluginVersion"), request.pluginVersion());
    assertTrue(request.rtl(), "the RTL is emitted unless asked not to");
    assertEquals(Runtime.getRuntime().availableProcessors(), request.threads(), "one thread per processor");
    assertTrue(
        log.lines.contains("[info] sr-hls models: 1 generated [jet_tagger], 2 up to date [muon, tau], 0 removed"),
        log.lines::toString);

    request.log().warn("from the core");
    assertEquals("[warn] from the core", log.lines.get(log.lines.size() - 1));
  }

  @Test
  @InjectMojo(
      goal = "generate",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<modelDirectory>models</modelDirectory>"
              + "<includes><include>trigger/*.sr.yaml</include><include>*.sr.json</include></includes>"
              + "<excludes><exclude>**/draft-*</exclude></excludes>"
              + "<outputDirectory>hls</outputDirectory>"
              + "<workDirectory>work</workDirectory>"
              + "<rtl>false</rtl>"
              + "<threads>3</threads>"
              + "</configuration></plugin></plugins></build></project>")
  void configuredParametersMapToTheRequest(GenerateMojo mojo) throws Exception {
    Files.createDirectories(basedir.resolve("models"));
    record(mojo, new GenerateResult(List.of(), List.of(), List.of("old")));

    mojo.execute();

    GenerateRequest request = requests.get(0);
    assertEquals(basedir.resolve("models"), request.modelDirectory());
    assertEquals(List.of("trigger/*.sr.yaml", "*.sr.json"), request.includes());
    assertEquals(List.of("**/draft-*"), request.excludes());
    assertEquals(basedir.resolve("hls"), request.outputDirectory());
    assertEquals(basedir.resolve("work"), request.workDirectory());
    assertEquals(false, request.rtl());
    assertEquals(3, request.threads());
    assertTrue(log.lines.contains("[info] sr-hls models: 0 generated, 0 up to date, 1 removed [old]"));
  }

  @Test
  @InjectMojo(goal = "generate")
  void aProjectWithoutAModelDirectoryIsLeftToTheCore(GenerateMojo mojo) throws Exception {
    // the core decides: it removes what earlier models generated, or says there is nothing to do
    record(mojo, new GenerateResult(List.of(), List.of(), List.of()));

    mojo.execute();

    assertEquals(1, requests.size());
    assertEquals(basedir.resolve("src/main/sr"), requests.get(0).modelDirectory());
  }

  @Test
  @InjectMojo(goal = "generate")
  @MojoParameter(name = "skip", value = "true")
  void globalSkipDoesNothing(GenerateMojo mojo) throws Exception {
    Files.createDirectories(basedir.resolve("src/main/sr"));
    record(mojo, new GenerateResult(List.of(), List.of(), List.of()));

    assertSkipped(mojo, log, requests, "sr-hls.skip is set");
  }

  @Test
  @InjectMojo(goal = "generate")
  @MojoParameter(name = "skipGenerate", value = "true")
  void goalSkipDoesNothing(GenerateMojo mojo) throws Exception {
    Files.createDirectories(basedir.resolve("src/main/sr"));
    record(mojo, new GenerateResult(List.of(), List.of(), List.of()));

    assertSkipped(mojo, log, requests, "sr-hls.generate.skip is set");
  }

  @Test
  @InjectMojo(goal = "generate")
  void aModelErrorFailsTheBuildWithTheSameMessage(GenerateMojo mojo) {
    mojo.modelDirectory = basedir.toFile();
    String message = "src/main/sr/jet.sr.yaml:7:17: unknown function 'sn'; did you mean 'sin'?";
    mojo.orchestrator = failing(new SrHlsException(message));

    assertFailsWith(mojo, message);
  }

  @Test
  @InjectMojo(goal = "generate")
  void anUnexpectedErrorIsAnExecutionException(GenerateMojo mojo) {
    mojo.modelDirectory = basedir.toFile();
    IllegalStateException bug = new IllegalStateException("bug");
    mojo.orchestrator = failing(bug);

    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

    assertSame(bug, e.getCause());
  }
}
