package io.github.srhls.core.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One run of an external program. Build it with {@link #of} and the {@code with…} methods.
 *
 * @param tool short name shown in log lines as {@code [tool:pid]}
 * @param command the program and its arguments; never passed through a shell
 * @param workingDirectory where the program runs; null means the current directory
 * @param environment variables added to (or replacing those in) the inherited environment
 * @param timeout after this the program and all its descendants are stopped
 * @param logFile every output line is also written here (created or replaced); null means none
 * @param chatty log output lines at debug level instead of info
 * @param argumentFile when set and the arguments are long, they are written to this file and passed as
 *     {@code @file} (gcc and clang read such files); null means always pass them directly
 * @param listener is given every output line, in order, however many there are (the result keeps only the first
 *     {@link ToolRunner#MAX_CAPTURED_LINES}); it runs on the thread reading the output; null means none
 */
public record ToolInvocation(
    String tool,
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    Duration timeout,
    Path logFile,
    boolean chatty,
    Path argumentFile,
    Consumer<String> listener) {

  /** Default timeout: long enough for any compile of a generated project, short enough to notice a hang. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public ToolInvocation {
    Objects.requireNonNull(tool, "tool");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    environment = environment == null ? Map.of() : new TreeMap<>(environment);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public static ToolInvocation of(String tool, List<String> command) {
    return new ToolInvocation(tool, command, null, Map.of(), DEFAULT_TIMEOUT, null, false, null, null);
  }

  public ToolInvocation withWorkingDirectory(Path dir) {
    return new ToolInvocation(tool, command, dir, environment, timeout, logFile, chatty, argumentFile, listener);
  }

  public ToolInvocation withEnvironment(Map<String, String> additions) {
    return new ToolInvocation(tool, command, workingDirectory, additions, timeout, logFile, chatty, argumentFile,
        listener);
  }

  public ToolInvocation withTimeout(Duration limit) {
    return new ToolInvocation(tool, command, workingDirectory, environment, limit, logFile, chatty, argumentFile,
        listener);
  }

  public ToolInvocation withLogFile(Path file) {
    return new ToolInvocation(tool, command, workingDirectory, environment, timeout, file, chatty, argumentFile,
        listener);
  }

  public ToolInvocation withChatty(boolean debugLevel) {
    return new ToolInvocation(tool, command, workingDirectory, environment, timeout, logFile, debugLevel,
        argumentFile, listener);
  }

  public ToolInvocation withListener(Consumer<String> lineListener) {
    return new ToolInvocation(tool, command, workingDirectory, environment, timeout, logFile, chatty, argumentFile,
        lineListener);
  }

  public ToolInvocation withArgumentFile(Path file) {
    return new ToolInvocation(tool, command, workingDirectory, environment, timeout, logFile, chatty, file, listener);
  }
}
