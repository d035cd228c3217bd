package io.github.srhls.core.process;

import java.time.Duration;
import java.util.List;

/**
 * How an external program ended.
 *
 * @param tool the short name it ran under
 * @param pid its process id
 * @param exitCode its exit status; on Unix the JVM reports death by signal S as 128 + S
 * @param lines its standard output and error, merged, in order (at most {@link ToolRunner#MAX_CAPTURED_LINES})
 * @param duration wall time from start to exit
 */
public record ToolResult(String tool, long pid, int exitCode, List<String> lines, Duration duration) {

  public ToolResult {
    lines = List.copyOf(lines);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * Whether the exit status looks like death by a signal (a crash, or being killed). A program can also return
   * such a status itself; the wording of {@link #describeExit()} says "probably" for that reason.
   */
  public boolean crashed() {
    return isWindows() ? exitCode < 0 : exitCode > 128 && exitCode <= 128 + 64;
  }

  /** A phrase for messages: {@code exit code 1}, {@code crashed (exit status 139, probably signal 11, SIGSEGV)}. */
  public String describeExit() {
    if (!crashed()) {
      return "exit code " + exitCode;
    }
    if (isWindows()) {
      return String.format("crashed (status 0x%08X)", exitCode);
    }
    int signal = exitCode - 128;
    String name = signalName(signal);
    return "crashed (exit status " + exitCode + ", probably signal " + signal + (name.isEmpty() ? "" : ", " + name)
        + ")";
  }

  private static String signalName(int signal) {
    return switch (signal) {
      case 1 -> "SIGHUP";
      case 2 -> "SIGINT";
      case 4 -> "SIGILL";
      case 6 -> "SIGABRT";
      case 8 -> "SIGFPE";
      case 9 -> "SIGKILL";
      case 11 -> "SIGSEGV";
      case 13 -> "SIGPIPE";
      case 15 -> "SIGTERM";
      default -> "";
    };
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
