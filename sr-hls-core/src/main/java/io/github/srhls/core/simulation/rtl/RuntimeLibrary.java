package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Verilator's run-time library ({@code verilated.cpp}, {@code verilated_threads.cpp}, ...), which every simulator
 * links and which costs more to compile than a whole generated model: compiled once per Verilator include tree,
 * compiler and flags into a cache directory shared by builds and projects, and linked from there afterwards.
 *
 * <p>The cache entry's name is a fingerprint of everything the objects depend on: the compiler command and what its
 * {@code --version} says, the flags, and every file of Verilator's {@code include/} tree. An entry is compiled in the
 * build's own directory and promoted into the cache by one atomic rename, so that a reader sees a whole entry or
 * none, and two builds filling the cache at once cannot corrupt it. A cache that cannot be written (a read-only home)
 * costs only the compilation: the build links the objects it compiled itself.
 */
final class RuntimeLibrary {

  /** Flags for the run-time library: it is not on the per-cycle path, so it is compiled without optimisation. */
  static final String OPTIMIZATION = "-O0";

  private RuntimeLibrary() {}

  /**
   * The run-time library's object files for this build, from the cache or compiled into {@code buildDir}.
   *
   * @throws SrHlsException when compiling fails, with the compiler's output
   */
  static List<Path> objects(ToolRunner runner, BuildLog log, SimulatorBuild build, VerilatedMakefiles makefiles,
      List<String> flags, Path buildDir) {
    if (build.runtimeCache().isEmpty()) {
      return compile(runner, build, makefiles, flags, buildDir);
    }
    String key = key(runner, build, makefiles, flags);
    Path entry = build.runtimeCache().get().resolve(key);
    List<Path> cached = makefiles.runtime().stream().map(n -> entry.resolve(n + ".o")).toList();
    if (cached.stream().allMatch(Files::isRegularFile)) {
      log.debug("Verilator's run-time library from " + entry);
      return cached;
    }
    List<Path> compiled = compile(runner, build, makefiles, flags, buildDir);
    return promote(log, entry, compiled).orElse(compiled);
  }

  /** The cache entry's name: the first 32 hex digits of the fingerprint of what the objects depend on. */
  static String key(ToolRunner runner, SimulatorBuild build, VerilatedMakefiles makefiles, List<String> flags) {
    List<String> version = new ArrayList<>(build.compiler());
    version.add("--version");
    ToolResult said = runner.run(ToolInvocation.of("c++", version).withChatty(true).withTimeout(build.timeout()));
    Fingerprint f = Fingerprint.start()
        .text("compiler", String.join("\u0000", build.compiler()))
        .text("version", said.succeeded() ? String.join("\n", said.lines()) : "?")
        .text("flags", String.join("\u0000", flags) + "\u0000" + OPTIMIZATION)
        .text("runtime", String.join("\u0000", makefiles.runtime()))
        .tree("include", makefiles.include());
    return f.done().substring("sha256:".length(), "sha256:".length() + 32);
  }

  private static List<Path> compile(ToolRunner runner, SimulatorBuild build, VerilatedMakefiles makefiles,
      List<String> flags, Path buildDir) {
    Path dir = buildDir.resolve("runtime");
    List<Path> objects = new ArrayList<>();
    for (String name : makefiles.runtime()) {
      Path object = dir.resolve(name + ".o");
      Verilated.compile(runner, build, flags, OPTIMIZATION, makefiles.include().resolve(name + ".cpp"), object,
          dir.resolve(name + ".log"), "Verilator's run-time library (" + name + ".cpp)");
      objects.add(object);
    }
    return objects;
  }

  /**
   * Copies the objects into a fresh directory beside the entry and renames it to the entry. Empty when the cache
   * cannot be written; another build's entry that appeared meanwhile is used as it is.
   */
  private static Optional<List<Path>> promote(BuildLog log, Path entry, List<Path> compiled) {
    Path staging = null;
    try {
      Files.createDirectories(entry.getParent());
      staging = Files.createTempDirectory(entry.getParent(), entry.getFileName() + ".staging-");
      List<Path> promoted = new ArrayList<>();
      for (Path object : compiled) {
        Files.copy(object, staging.resolve(object.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        promoted.add(entry.resolve(object.getFileName()));
      }
      if (Files.isDirectory(entry)) {
        // an incomplete entry (a file deleted by hand): replaced as a whole
        deleteTree(entry);
      }
      Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      staging = null;
      log.debug("Verilator's run-time library kept in " + entry + " for later builds");
      return Optional.of(promoted);
    } catch (IOException | SecurityException e) {
      List<Path> other = compiled.stream().map(o -> entry.resolve(o.getFileName())).toList();
      if (other.stream().allMatch(Files::isRegularFile)) {
        // another build promoted the same entry first
        return Optional.of(other);
      }
      log.info("cannot keep Verilator's run-time library in " + entry.getParent() + " (" + e.getMessage()
          + "), so every RTL simulation build compiles it again; check that directory, or set another with "
          + "-Dsr-hls.verilatorCache");
      return Optional.empty();
    } finally {
      if (staging != null) {
        try {
          deleteTree(staging);
        } catch (IOException ignored) {
          // a stray staging directory is never read: entries are found by their exact name
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
