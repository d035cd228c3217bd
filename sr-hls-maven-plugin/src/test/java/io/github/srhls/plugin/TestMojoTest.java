package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.build.TestRequest;
import io.github.srhls.core.build.TestResult;
import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class TestMojoTest {
  @TempDir Path basedir;

  private final List<TestRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return TestProjects.at(basedir);
  }

  private void record(TestMojo mojo, TestResult result) throws Exception {
    Files.createDirectories(basedir.resolve("target/generated-sources/sr-hls"));
    mojo.setLog(log);
    mojo.orchestrator =
        request -> {
          requests.add(request);
          return result;
        };
  }

  @Test
  @InjectMojo(goal = "test")
  void defaultsMapToTheRequest(TestMojo mojo) throws Exception {
    Path report = basedir.resolve("target/sr-hls/jet_tagger/report.json");
    record(mojo, new TestResult(List.of(new TestResult.ModelOutcome("jet_tagger", 500, 0, report))));

    mojo.execute();

    assertEquals(1, requests.size());
    TestRequest request = requests.get(0);
    assertEquals(basedir, request.projectDirectory());
    assertEquals(basedir.resolve("target/generated-sources/sr-hls"), request.outputDirectory());
    assertEquals(basedir.resolve("target/sr-hls"), request.workDirectory());
    assertNull(request.compiler());
    assertEquals(List.of(), request.compilerFlags());
    assertEquals(Duration.ofSeconds(600), request.timeout());
    assertEquals(basedir.resolve("target/surefire-reports"), request.reportsDirectory());
    assertTrue(
        log.lines.contains(
            "[info] sr-hls simulation of jet_tagger: 500 vectors, 0 mismatches; report " + report),
        log.lines::toString);
  }

  @Test
  @InjectMojo(
      goal = "test",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<compiler>clang++</compiler>"
              + "<compilerFlags><flag>-O1</flag><flag>-Wl,--no-undefined</flag></compilerFlags>"
              + "<timeout>45</timeout>"
              + "</configuration></plugin></plugins></build></project>")
  void configuredParametersMapToTheRequest(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    mojo.execute();

    TestRequest request = requests.get(0);
    assertEquals("clang++", request.compiler());
    assertEquals(List.of("-O1", "-Wl,--no-undefined"), request.compilerFlags());
    assertEquals(Duration.ofSeconds(45), request.timeout());
  }

  @Test
  @InjectMojo(goal = "test")
  void nothingGeneratedIsNothingToSimulate(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    Files.delete(basedir.resolve("target/generated-sources/sr-hls"));

    mojo.execute();

    assertEquals(List.of(), requests);
    assertTrue(log.lines.get(0).startsWith("[info] No generated projects in "), log.lines::toString);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skip", value = "true")
  void globalSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    assertEquals(List.of(), requests);
    assertEquals(List.of("[info] Skipping: sr-hls.skip is set"), log.lines);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skipTest", value = "true")
  void goalSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    assertEquals(List.of(), requests);
    assertEquals(List.of("[info] Skipping: sr-hls.test.skip is set"), log.lines);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "skipTests", value = "true")
  void skipTestsDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    assertEquals(List.of(), requests);
    assertEquals(List.of("[info] Skipping: skipTests is set"), log.lines);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "mavenTestSkip", value = "true")
  void mavenTestSkipDoesNothing(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    mojo.execute();
    assertEquals(List.of(), requests);
    assertEquals(List.of("[info] Skipping: maven.test.skip is set"), log.lines);
  }

  @Test
  @InjectMojo(goal = "test")
  @MojoParameter(name = "timeout", value = "0")
  void aTimeoutBelowOneSecondIsRefused(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(List.of(), requests);
    assertTrue(e.getMessage().contains("timeout must be a positive number of seconds, not 0"), e.getMessage());
  }

  @Test
  @InjectMojo(goal = "test")
  void aFailedSimulationFailsTheBuildWithTheSameMessage(TestMojo mojo) throws Exception {
    record(mojo, new TestResult(List.of()));
    String message =
        "jet_tagger: 3 of 1000 output values differ from the expected ones; see target/sr-hls/jet_tagger/report.json";
    mojo.orchestrator =
        request -> {
          throw new SrHlsException(message);
        };

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals(message, e.getMessage());
    assertNull(e.getCause());
  }
}
