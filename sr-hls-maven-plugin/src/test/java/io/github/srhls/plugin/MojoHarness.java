package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;

/** What the goals' tests share: stand-ins for the core's orchestrators, and the checks every goal gets. */
final class MojoHarness {
  private MojoHarness() {}

  /** An orchestrator that keeps each request in {@code requests} and answers with {@code answer}. */
  static <Q, R> Function<Q, R> recording(List<Q> requests, R answer) {
    return request -> {
      requests.add(request);
      return answer;
    };
  }

  /** An orchestrator that throws {@code e}, as the core does on bad input or a bug. */
  static <Q, R> Function<Q, R> failing(RuntimeException e) {
    return request -> {
      throw e;
    };
  }

  /** Runs the goal and checks that it skipped, logging only why, without asking the core. */
  static void assertSkipped(AbstractSrHlsMojo mojo, RecordingLog log, List<?> requests, String reason)
      throws Exception {
    mojo.execute();
    assertEquals(List.of(), requests);
    assertEquals(List.of("[info] Skipping: " + reason), log.lines);
  }

  /** Runs the goal and checks that the core's message fails the build as it is, with no cause to bury it. */
  static void assertFailsWith(AbstractSrHlsMojo mojo, String message) {
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(message, e.getMessage());
    assertNull(e.getCause());
  }
}
