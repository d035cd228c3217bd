package io.github.srhls.core.toolchain.yosys;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.Executables;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Yosys program a build uses, with the version it reports.
 *
 * @param program the executable
 * @param version what {@code yosys -V} printed, e.g. {@code 0.23 (git sha1 7ce5011c24b)}
 */
public record Yosys(Path program, String version) {

  /** The program's name on the PATH. */
  public static final String PROGRAM = "yosys";

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern VERSION = Pattern.compile("Yosys\\s+(\\S.*)");

  /**
   * The program {@code configured} names (a path, or a name on the PATH), or {@code yosys} on the PATH when it is
   * null or blank; empty when there is no such executable.
   *
   * @param path the PATH to search (the build's environment)
   */
  public static Optional<Path> find(String configured, String path) {
    if (configured == null || configured.isBlank()) {
      return Executables.onPath(PROGRAM, path);
    }
    String name = configured.strip();
    if (name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
      return Executables.onPath(name, path);
    }
    try {
      Path file = Path.of(name).toAbsolutePath();
      return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * The program and its version, for a build that asked for open synthesis.
   *
   * @param configured the {@code yosys} parameter; null means the PATH
   * @throws SrHlsException when it is not found or does not say its version
   */
  public static Yosys locate(ToolRunner runner, String configured, String path) {
    Path program = find(configured, path).orElseThrow(() -> new SrHlsException(
        "open synthesis (sr-hls.openSynthesis) needs Yosys, but "
            + (configured == null || configured.isBlank() ? "no yosys is on the PATH"
                : "yosys '" + configured + "' (sr-hls.yosys) is not an executable file or a program on the PATH")
            + "; install it (Debian: apt-get install yosys), set sr-hls.yosys to its path, or turn open synthesis"
            + " off"));
    ToolResult result = runner.run(ToolInvocation.of(PROGRAM, List.of(program.toString(), "-V"))
        .withChatty(true).withTimeout(VERSION_TIMEOUT));
    Optional<String> version = result.succeeded() ? parseVersion(result.lines()) : Optional.empty();
    return new Yosys(program, version.orElseThrow(() -> new SrHlsException(program + " -V did not print a Yosys"
        + " version (" + result.describeExit() + "): " + String.join(" ", result.lines())
        + "; is it Yosys? Set sr-hls.yosys to the Yosys program")));
  }

  /** The version from {@code yosys -V}'s output: the text after {@code Yosys}. */
  static Optional<String> parseVersion(List<String> lines) {
    for (String line : lines) {
      Matcher m = VERSION.matcher(line.strip());
      if (m.matches()) {
        return Optional.of(m.group(1).strip());
      }
    }
    return Optional.empty();
  }
}
