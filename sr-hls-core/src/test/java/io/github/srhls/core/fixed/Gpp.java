package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.simulation.host.IncludeHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's g++, started without a shell, for the tests that check our C++ headers. */
final class Gpp {

  /** Warnings are errors: the headers must compile warning-free. */
  static final List<String> STRICT = List.of("-Wall", "-Wextra", "-Werror");

  record Outcome(int exitCode, String output) {
  }

  private Gpp() {
  }

  static boolean available() {
    try {
      return run(List.of("g++", "--version"), null, 30).exitCode() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Compiles {@code source} against our headers (written into {@code work}) with {@link #STRICT} warnings and
   * {@code flags} (standard, optimization, more include directories...), and returns the executable.
   */
  static Path compile(Path work, Path source, List<String> flags) throws IOException {
    Path exe = work.resolve(source.getFileName().toString().replace(".cpp", "") + "-" + Math.abs(flags.hashCode()));
    Outcome o = run(compileCommand(work, source, exe, flags), null, 300);
    if (o.exitCode() != 0) {
      fail("g++ " + String.join(" ", flags) + " failed on " + source.getFileName() + ":\n" + o.output());
    }
    return exe;
  }

  /** Tries to compile {@code source}; the outcome says whether it compiled, with the diagnostics. */
  static Outcome tryCompile(Path work, Path source) throws IOException {
    return run(compileCommand(work, source, work.resolve("probe"), List.of("-std=c++14", "-O0")), null, 300);
  }

  private static List<String> compileCommand(Path work, Path source, Path exe, List<String> flags)
      throws IOException {
    Path include = IncludeHeaders.builtIn().extractTo(work.resolve("include"));
    List<String> cmd = new ArrayList<>(List.of("g++"));
    cmd.addAll(flags);
    cmd.addAll(STRICT);
    cmd.add("-I" + include);
    cmd.addAll(List.of(source.toString(), "-o", exe.toString()));
    return cmd;
  }

  /** Runs a program with {@code stdin} (a file, or none), returning its exit code and its output. */
  static Outcome run(List<String> command, Path stdin, long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Path out = Files.createTempFile("srhls-gpp", ".out");
    pb.redirectOutput(out.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process p = pb.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
      }
      return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
