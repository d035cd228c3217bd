package io.github.srhls.plugin;

import static io.github.srhls.plugin.MojoHarness.assertFailsWith;
import static io.github.srhls.plugin.MojoHarness.assertSkipped;
import static io.github.srhls.plugin.MojoHarness.failing;
import static io.github.srhls.plugin.MojoHarness.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.ExploreRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class ExploreMojoTest {
  @TempDir Path basedir;

  private final List<ExploreRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    return TestProjects.at(basedir);
  }

  @Test
  @InjectMojo(goal = "explore")
  void parametersMapToTheRequest(ExploreMojo mojo) throws Exception {
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, Map.of("m", basedir.resolve("target/sr-hls/m/explore/pareto.json")));
    mojo.execute();
    ExploreRequest request = requests.get(0);
    assertEquals(basedir, request.projectDirectory());
    assertEquals(basedir.resolve("src/main/sr"), request.modelDirectory());
    assertEquals(basedir.resolve("target/sr-hls"), request.workDirectory());
    assertEquals(Runtime.getRuntime().availableProcessors(), request.threads(), "0: one per processor");
    assertTrue(log.lines.contains("[info] Explored 1 model"), log.lines::toString);
  }

  @Test
  @InjectMojo(goal = "explore")
  @MojoParameter(name = "threads", value = "3")
  void theThreadsAreTheUsers(ExploreMojo mojo) throws Exception {
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, Map.of());
    mojo.execute();
    assertEquals(3, requests.get(0).threads());
  }

  @Test
  @InjectMojo(goal = "explore")
  @MojoParameter(name = "skipExplore", value = "true")
  void skipsOnItsOwnSwitch(ExploreMojo mojo) throws Exception {
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, Map.of());
    assertSkipped(mojo, log, requests, "sr-hls.explore.skip is set");
  }

  @Test
  @InjectMojo(goal = "explore")
  void badInputFailsTheBuildWithTheCoresMessage(ExploreMojo mojo) {
    mojo.setLog(log);
    mojo.orchestrator = failing(new SrHlsException("src/main/sr/m.sr.yaml:5:54: no row fits"));
    assertFailsWith(mojo, "src/main/sr/m.sr.yaml:5:54: no row fits");
  }
}
