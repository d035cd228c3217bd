package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

/** Notes about the machine are said by the first goal of a build only, and again in the next build. */
class BuildNotesTest {

  private static MavenSession build() {
    return new MavenSession(null, new DefaultRepositorySystemSession(), new DefaultMavenExecutionRequest(),
        new DefaultMavenExecutionResult());
  }

  @Test
  void aNoteIsSaidOncePerBuildAcrossGoals() {
    RecordingLog log = new RecordingLog();
    MavenSession session = build();
    for (int goal = 0; goal < 3; goal++) {
      new MavenBuildLog(log, BuildNotes.of(session)).infoOncePerBuild("Found the Intel HLS Compiler");
      new MavenBuildLog(log, BuildNotes.of(session)).info("No vendor HLS tool");
    }
    assertEquals(1, log.lines.stream().filter("[info] Found the Intel HLS Compiler"::equals).count(),
        log.lines::toString);
    assertEquals(3, log.lines.stream().filter("[info] No vendor HLS tool"::equals).count());

    RecordingLog next = new RecordingLog();
    new MavenBuildLog(next, BuildNotes.of(build())).infoOncePerBuild("Found the Intel HLS Compiler");
    assertEquals(List.of("[info] Found the Intel HLS Compiler"), next.lines, "a new build says it again");
  }
}
