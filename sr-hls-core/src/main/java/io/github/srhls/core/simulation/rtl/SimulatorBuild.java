package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.process.ToolInvocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link Verilated#build} compiles a simulator.
 *
 * @param compiler the C++ compiler command (program and leading arguments, as in {@code CXX="ccache g++"})
 * @param runtimeCache where Verilator's compiled run-time library is kept between builds ({@link RuntimeLibrary});
 *     empty: compiled into each build's own directory
 * @param optimized the generated code that runs every cycle at {@code -O1} (the start-up code is always
 *     {@code -O0}); false: {@code -O0} with {@code verilated.h} precompiled where the cache has it, which builds
 *     in a third of the time and runs about 2.6 times slower
 * @param timeout for Verilator and for each compilation
 */
public record SimulatorBuild(List<String> compiler, Optional<Path> runtimeCache, boolean optimized,
    Duration timeout) {

  /** The cache directory under {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
  public static final String CACHE_NAME = "sr-hls";

  public SimulatorBuild {
    compiler = List.copyOf(compiler);
    if (compiler.isEmpty()) {
      throw new IllegalArgumentException("empty compiler command");
    }
  }

  /** g++, the run-time library kept in the user's cache directory, optimised, the default timeout. */
  public static SimulatorBuild defaults() {
    return new SimulatorBuild(List.of("g++"), Optional.of(defaultRuntimeCache(System.getenv(),
        System.getProperty("user.home"))), true, ToolInvocation.DEFAULT_TIMEOUT);
  }

  public SimulatorBuild withTimeout(Duration limit) {
    return new SimulatorBuild(compiler, runtimeCache, optimized, limit);
  }

  public SimulatorBuild withOptimized(boolean on) {
    return new SimulatorBuild(compiler, runtimeCache, on, timeout);
  }

  public SimulatorBuild withCompiler(List<String> command) {
    return new SimulatorBuild(command, runtimeCache, optimized, timeout);
  }

  public SimulatorBuild withRuntimeCache(Optional<Path> dir) {
    return new SimulatorBuild(compiler, dir, optimized, timeout);
  }

  /**
   * {@code $XDG_CACHE_HOME/sr-hls/verilator} when that variable holds an absolute path (the XDG base directory
   * rule), else {@code <home>/.cache/sr-hls/verilator}.
   */
  public static Path defaultRuntimeCache(Map<String, String> environment, String userHome) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
        : Path.of(userHome, ".cache");
    return base.resolve(CACHE_NAME).resolve("verilator");
  }
}
