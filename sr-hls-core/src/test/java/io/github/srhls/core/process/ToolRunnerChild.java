package io.github.srhls.core.process;

import io.github.srhls.core.diag.BuildLog;
import java.time.Duration;
import java.util.List;

/**
 * A build in a JVM of its own for {@link ToolRunnerTest}: runs a long "compiler" (a shell with a child) through
 * {@link ToolRunner}, printing its output, until it is killed.
 */
public final class ToolRunnerChild {
  private ToolRunnerChild() {}

  public static void main(String[] args) {
    BuildLog stdout = new BuildLog() {
      @Override
      public void info(String message) {
        System.out.println(message);
        System.out.flush();
      }

      @Override
      public void warn(String message) {
        info(message);
      }

      @Override
      public void debug(String message) {}
    };
    new ToolRunner(stdout).run(ToolInvocation.of("g++",
            List.of("sh", "-c", "sleep 600 & echo compiler $$ $!; wait"))
        .withTimeout(Duration.ofMinutes(10)));
  }
}
