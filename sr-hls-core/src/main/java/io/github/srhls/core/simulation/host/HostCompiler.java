package io.github.srhls.core.simulation.host;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.Executables;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host C++ compiler command: the program followed by any arguments that came with it (as in
 * {@code CXX="ccache g++ -m64"}).
 *
 * @param command program and leading arguments, never empty
 */
public record HostCompiler(List<String> command) {

  /** Tried in this order when neither the parameter nor {@code CXX} names a compiler. */
  static final List<String> CANDIDATES = List.of("g++", "clang++");

  public HostCompiler {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty compiler command");
    }
  }

  /** The program's file name, for log prefixes. */
  public String name() {
    String program = command.get(0);
    int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    return program.substring(slash + 1);
  }

  /** Finds the compiler for this JVM's environment. */
  public static HostCompiler locate(String explicit) {
    return locate(explicit, System.getenv());
  }

  /**
   * Finds the compiler: the explicit parameter, else {@code CXX}, else g++ or clang++ on {@code PATH}. The first
   * two may carry arguments; they are split on whitespace (no shell, so no quoting).
   *
   * @throws SrHlsException when none is found
   */
  public static HostCompiler locate(String explicit, Map<String, String> environment) {
    for (String configured : new String[] {explicit, environment.get("CXX")}) {
      if (configured != null && !configured.isBlank()) {
        return new HostCompiler(Arrays.asList(configured.strip().split("\\s+")));
      }
    }
    boolean windows = File.separatorChar == '\\';
    for (String candidate : CANDIDATES) {
      List<String> fileNames = windows ? List.of(candidate + ".exe", candidate) : List.of(candidate);
      Optional<Path> found = Executables.onPath(fileNames, environment.get("PATH"));
      if (found.isPresent()) {
        return new HostCompiler(List.of(found.get().toString()));
      }
    }
    throw new SrHlsException("no C++ compiler found: install g++ or set CXX or the compiler parameter");
  }
}
