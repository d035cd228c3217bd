package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.Executables;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Verilator found on this machine: the program and what {@code verilator --version} says, which names it in
 * the report and, with the path, in the key of the up-to-date check (an upgrade in place counts).
 *
 * @param program what to run: a path, or the name it was given
 * @param version the first line of {@code verilator --version}, e.g. {@code Verilator 5.006 2023-01-22 rev v5.006}
 */
public record Verilator(String program, String version) {

  /** The program's name on the PATH. */
  public static final String NAME = "verilator";

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Finds Verilator: the configured program (a path, or a name looked up on the PATH), else {@code verilator} on
   * the PATH, and asks it for its version.
   *
   * @param configured the parameter's value; null or blank to look on the PATH
   * @param environment for {@code PATH}
   * @return empty when nothing is configured and there is none on the PATH
   * @throws SrHlsException when the configured program is not there, or it does not answer {@code --version} like
   *     Verilator
   */
  public static Optional<Verilator> locate(String configured, Map<String, String> environment, ToolRunner runner) {
    String path = environment.get("PATH");
    if (configured == null || configured.isBlank()) {
      return onPath(path).map(p -> identify(p.toString(), runner));
    }
    String program = configured.strip();
    Optional<Path> found;
    if (program.indexOf('/') < 0 && program.indexOf(File.separatorChar) < 0) {
      found = Executables.onPath(program, path);
    } else {
      try {
        Path file = Path.of(program).toAbsolutePath();
        found = Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
      } catch (InvalidPathException e) {
        found = Optional.empty();
      }
    }
    if (found.isEmpty()) {
      throw new SrHlsException("the Verilator configured (verilator parameter or -Dsr-hls.verilator) is not an "
          + "executable file: " + program + "; give the path of the verilator program, or leave it unset to use the "
          + "one on the PATH");
    }
    return Optional.of(identify(found.get().toString(), runner));
  }

  private static Optional<Path> onPath(String path) {
    boolean windows = File.separatorChar == '\\';
    return Executables.onPath(windows ? List.of(NAME + ".exe", NAME + ".bat", NAME) : List.of(NAME), path);
  }

  private static Verilator identify(String program, ToolRunner runner) {
    ToolResult result = runner.run(ToolInvocation.of(NAME, List.of(program, "--version")).withChatty(true)
        .withTimeout(VERSION_TIMEOUT));
    String first = result.lines().isEmpty() ? "" : result.lines().get(0).strip();
    if (!result.succeeded() || !first.startsWith("Verilator")) {
      throw new SrHlsException(program + " --version did not answer as Verilator does (" + result.describeExit()
          + (first.isEmpty() ? "" : ", said: " + first) + "); check the verilator parameter or the PATH");
    }
    return new Verilator(program, first);
  }
}
