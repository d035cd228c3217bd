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

  /** The precompiled {@code verilated.h} of an entry, in a directory of its own beside a copy of the header. */
  static final String HEADERS = "pch";

  /**
   * The run-time library of a build.
   *
   * @param objects its object files, to link
   * @param headers a directory holding {@code verilated.h} precompiled (at {@link #OPTIMIZATION}, with the same
   *     flags) and the header itself, to put first on the include path of units compiled at that level; empty when
   *     there is none (no cache, a compiler other than GCC, or one that could not make it)
   */
  record Runtime(List<Path> objects, Optional<Path> headers) {}

  /**
   * Where a build's library is: the cache entry it belongs in (empty without a cache), and the library when that
   * entry is whole.
   */
  record Lookup(Optional<Path> entry, Optional<Runtime> found, boolean gcc) {}

  /** Finds the build's cache entry; cheap (the compiler's {@code --version} and a hash of Verilator's headers). */
  static Lookup lookup(ToolRunner runner, SimulatorBuild build, VerilatedMakefiles makefiles, List<String> flags) {
    if (build.runtimeCache().isEmpty()) {
      return new Lookup(Optional.empty(), Optional.empty(), false);
    }
    List<String> version = new ArrayList<>(build.compiler());
    version.add("--version");
    ToolResult said = runner.run(ToolInvocation.of("c++", version).withChatty(true).withTimeout(build.timeout()));
    String versionText = said.succeeded() ? String.join("\n", said.lines()) : "?";
    String key = Fingerprint.start()
        .text("compiler", String.join("\u0000", build.compiler()))
        .text("version", versionText)
        .text("flags", String.join("\u0000", flags) + "\u0000" + OPTIMIZATION)
        .text("runtime", String.join("\u0000", makefiles.runtime()))
        .tree("include", makefiles.include())
        .done();
    Path entry = build.runtimeCache().get().resolve(key.substring("sha256:".length(), "sha256:".length() + 32));
    // GCC finds a precompiled header as <name>.gch beside where it looks for <name>; clang does not
    boolean gcc = versionText.contains("Free Software Foundation");
    List<Path> objects = makefiles.runtime().stream().map(n -> entry.resolve(n + ".o")).toList();
    Optional<Runtime> found = Optional.empty();
    if (objects.stream().allMatch(Files::isRegularFile)) {
      Path headers = entry.resolve(HEADERS);
      found = Optional.of(new Runtime(objects, Files.isRegularFile(headers.resolve("verilated.h.gch"))
          ? Optional.of(headers) : Optional.empty()));
    }
    return new Lookup(Optional.of(entry), found, gcc);
  }

  /**
   * Compiles the library into {@code buildDir} (and, for GCC with a cache, precompiles {@code verilated.h}), and
   * promotes it into the lookup's cache entry; the objects of the entry when that worked, else those of the build.
   *
   * @throws SrHlsException when compiling the library fails, with the compiler's output
   */
  static Runtime fill(ToolRunner runner, BuildLog log, SimulatorBuild build, VerilatedMakefiles makefiles,
      List<String> flags, Path buildDir, Lookup lookup) {
    List<Path> compiled = compile(runner, build, makefiles, flags, buildDir);
    if (lookup.entry().isEmpty()) {
      return new Runtime(compiled, Optional.empty());
    }
    List<Path> files = new ArrayList<>(compiled);
    Optional<Path> headers = lookup.gcc() ? precompile(runner, log, build, makefiles, flags, buildDir)
        : Optional.empty();
    Path entry = lookup.entry().get();
    return promote(log, entry, files, headers).orElse(new Runtime(compiled, Optional.empty()));
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
   * {@code verilated.h} precompiled, which every unit of every simulator includes first and which costs most of a
   * small unit's compilation; empty (with a note in the debug log) when the compiler cannot make it.
   */
  private static Optional<Path> precompile(ToolRunner runner, BuildLog log, SimulatorBuild build,
      VerilatedMakefiles makefiles, List<String> flags, Path buildDir) {
    Path dir = buildDir.resolve("runtime").resolve(HEADERS);
    try {
      Files.createDirectories(dir);
      Files.copy(makefiles.include().resolve("verilated.h"), dir.resolve("verilated.h"),
          StandardCopyOption.REPLACE_EXISTING);
      List<String> header = new ArrayList<>(flags);
      header.addAll(List.of("-x", "c++-header"));
      Verilated.compile(runner, build, header, OPTIMIZATION, dir.resolve("verilated.h"),
          dir.resolve("verilated.h.gch"), buildDir.resolve("runtime").resolve("verilated.h.log"),
          "Verilator's verilated.h into a precompiled header");
      return Optional.of(dir);
    } catch (IOException | SrHlsException e) {
      log.debug("no precompiled verilated.h: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Copies the objects (and the precompiled header's directory) into a fresh directory beside the entry and renames
   * it to the entry. Empty when the cache cannot be written; another build's entry that appeared meanwhile is used
   * as it is.
   */
  private static Optional<Runtime> promote(BuildLog log, Path entry, List<Path> compiled, Optional<Path> headers) {
    Path staging = null;
    try {
      Files.createDirectories(entry.getParent());
      staging = Files.createTempDirectory(entry.getParent(), entry.getFileName() + ".staging-");
      List<Path> promoted = new ArrayList<>();
      for (Path object : compiled) {
        Files.copy(object, staging.resolve(object.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        promoted.add(entry.resolve(object.getFileName()));
      }
      if (headers.isPresent()) {
        Files.createDirectories(staging.resolve(HEADERS));
        for (String name : List.of("verilated.h", "verilated.h.gch")) {
          Files.copy(headers.get().resolve(name), staging.resolve(HEADERS).resolve(name),
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      // never replaced: another build may be linking from an entry; a rename onto an existing entry fails
      Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
      staging = null;
      log.debug("Verilator's run-time library kept in " + entry + " for later builds");
      return Optional.of(new Runtime(promoted, headers.map(h -> entry.resolve(HEADERS))));
    } catch (IOException | SecurityException e) {
      Optional<Runtime> whole = whole(entry, compiled);
      if (whole.isPresent()) {
        // another build promoted the same entry first
        return whole;
      }
      if (Files.isDirectory(entry)) {
        log.info("Verilator's run-time library in " + entry + " is incomplete (a file deleted by hand?), so every "
            + "RTL simulation build compiles it again; delete that directory");
        return Optional.empty();
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

  /** The entry's library when it holds every object this build compiled, with its precompiled header if any. */
  private static Optional<Runtime> whole(Path entry, List<Path> compiled) {
    List<Path> objects = compiled.stream().map(o -> entry.resolve(o.getFileName())).toList();
    if (!objects.stream().allMatch(Files::isRegularFile)) {
      return Optional.empty();
    }
    Path headers = entry.resolve(HEADERS);
    return Optional.of(new Runtime(objects, Files.isRegularFile(headers.resolve("verilated.h.gch"))
        ? Optional.of(headers) : Optional.empty()));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
