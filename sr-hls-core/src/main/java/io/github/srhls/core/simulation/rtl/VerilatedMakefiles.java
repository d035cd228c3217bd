package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Verilator says, in the makefiles it writes beside the C++ ({@code <prefix>.mk} and
 * {@code <prefix>_classes.mk}), about how its output is to be compiled: where its run-time library lives, which
 * generated files are on the fast path and which only run at start-up, which run-time sources every executable links,
 * and its switches (coverage, tracing, timing). sr-hls compiles from these lists itself instead of running make, so
 * that the generated files become two compilations instead of one per file, and the run-time library can be reused.
 *
 * <p>Only the plain {@code NAME = value} and {@code NAME += \} list forms Verilator writes are read; anything else in
 * the files (comments, includes, rules) is skipped.
 *
 * @param root {@code VERILATOR_ROOT}: the run-time headers and sources are in its {@code include/}
 * @param fast generated file names without {@code .cpp}, run every cycle: compiled optimised
 * @param slow generated file names without {@code .cpp}, run once at start-up: compiled without optimisation
 * @param runtime run-time library file names without {@code .cpp}, in {@code root/include}
 * @param switches the 0/1 switches ({@code VM_TRACE}, {@code VM_COVERAGE}, {@code VM_TIMING}, ...)
 * @param configured what Verilator's installation found out about the compiler when it was built, from
 *     {@code include/verilated.mk}: {@code CFG_CXXFLAGS_STD}, {@code CFG_CXXFLAGS_NO_UNUSED},
 *     {@code CFG_CXXFLAGS_COROUTINES} and {@code CFG_LDLIBS_THREADS} (missing ones are absent)
 */
public record VerilatedMakefiles(Path root, List<String> fast, List<String> slow, List<String> runtime,
    Map<String, String> switches, Map<String, List<String>> configured) {

  /** Used when the installation's {@code verilated.mk} does not say. */
  static final List<String> DEFAULT_THREAD_LIBRARIES = List.of("-pthread", "-lpthread", "-latomic");

  public VerilatedMakefiles {
    fast = List.copyOf(fast);
    slow = List.copyOf(slow);
    runtime = List.copyOf(runtime);
    switches = Map.copyOf(switches);
    configured = Map.copyOf(configured);
  }

  /**
   * The language and warning flags Verilator's makefile compiles with: the installation's standard and its
   * "no unused" set (which also holds {@code -faligned-new}), and coroutines for a model with timing.
   */
  public List<String> compileFlags() {
    List<String> flags = new ArrayList<>(configured.getOrDefault("CFG_CXXFLAGS_STD", List.of()));
    flags.addAll(configured.getOrDefault("CFG_CXXFLAGS_NO_UNUSED", List.of("-faligned-new")));
    if (timing()) {
      flags.addAll(configured.getOrDefault("CFG_CXXFLAGS_COROUTINES", List.of("-fcoroutines")));
    }
    return flags;
  }

  /** The libraries every simulator links, as the installation found them ({@code CFG_LDLIBS_THREADS}). */
  public List<String> linkLibraries() {
    return configured.getOrDefault("CFG_LDLIBS_THREADS", DEFAULT_THREAD_LIBRARIES);
  }

  /** The run-time library's directory. */
  public Path include() {
    return root.resolve("include");
  }

  /** The preprocessor definitions the switches imply, as Verilator's own makefile passes them. */
  public List<String> definitions() {
    List<String> d = new ArrayList<>();
    for (String name : List.of("VM_COVERAGE", "VM_SC", "VM_TRACE", "VM_TRACE_FST", "VM_TRACE_VCD")) {
      d.add("-D" + name + "=" + switches.getOrDefault(name, "0"));
    }
    return d;
  }

  /** Whether the model needs C++20 coroutines (a design with timing constructs built with {@code --timing}). */
  public boolean timing() {
    return "1".equals(switches.get("VM_TIMING"));
  }

  /**
   * Reads the makefiles of the model with prefix {@code prefix} ({@code V<top>}) in {@code dir}.
   *
   * @throws SrHlsException when they are missing or lack what is needed, naming the file
   */
  public static VerilatedMakefiles read(Path dir, String prefix) {
    Map<String, List<String>> main = variables(dir.resolve(prefix + ".mk"));
    Path classesFile = dir.resolve(prefix + "_classes.mk");
    Map<String, List<String>> classes = variables(classesFile);
    List<String> root = main.getOrDefault("VERILATOR_ROOT", List.of());
    if (root.size() != 1) {
      throw new SrHlsException(dir.resolve(prefix + ".mk") + " does not name VERILATOR_ROOT; this Verilator writes "
          + "makefiles sr-hls does not know (Verilator 4.2 or later is supported)");
    }
    List<String> fast = new ArrayList<>(classes.getOrDefault("VM_CLASSES_FAST", List.of()));
    fast.addAll(classes.getOrDefault("VM_SUPPORT_FAST", List.of()));
    List<String> slow = new ArrayList<>(classes.getOrDefault("VM_CLASSES_SLOW", List.of()));
    slow.addAll(classes.getOrDefault("VM_SUPPORT_SLOW", List.of()));
    List<String> runtime = new ArrayList<>(classes.getOrDefault("VM_GLOBAL_FAST", List.of()));
    runtime.addAll(classes.getOrDefault("VM_GLOBAL_SLOW", List.of()));
    if (fast.isEmpty() || runtime.isEmpty()) {
      throw new SrHlsException(classesFile + " lists no " + (fast.isEmpty() ? "generated classes" : "run-time "
          + "library") + "; this Verilator writes makefiles sr-hls does not know (Verilator 4.2 or later is "
          + "supported)");
    }
    Map<String, String> switches = new LinkedHashMap<>();
    classes.forEach((name, values) -> {
      if (name.startsWith("VM_") && values.size() == 1) {
        switches.put(name, values.get(0));
      }
    });
    Path installed = Path.of(root.get(0)).resolve("include").resolve("verilated.mk");
    Map<String, List<String>> configured = new LinkedHashMap<>();
    if (Files.isRegularFile(installed)) {
      variables(installed).forEach((name, values) -> {
        if (name.startsWith("CFG_")) {
          configured.put(name, List.copyOf(values));
        }
      });
    }
    return new VerilatedMakefiles(Path.of(root.get(0)), fast, slow, runtime, switches, configured);
  }

  /** The {@code NAME = value} and {@code NAME += \ value \ ...} assignments of a makefile, values split on blanks. */
  static Map<String, List<String>> variables(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ", which Verilator should have written: " + e.getMessage(), e);
    }
    Map<String, List<String>> vars = new LinkedHashMap<>();
    List<String> open = null;
    for (String line : lines) {
      String text = line.strip();
      if (open != null) {
        boolean more = text.endsWith("\\");
        addWords(open, more ? text.substring(0, text.length() - 1) : text);
        open = more ? open : null;
        continue;
      }
      if (text.startsWith("#") || line.startsWith("\t")) {
        continue;
      }
      int eq = text.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      boolean append = text.charAt(eq - 1) == '+';
      boolean other = ":?!".indexOf(text.charAt(eq - 1)) >= 0;
      String name = text.substring(0, append || other ? eq - 1 : eq).strip();
      if (other || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        continue;
      }
      List<String> values = append ? vars.computeIfAbsent(name, n -> new ArrayList<>()) : new ArrayList<>();
      vars.put(name, values);
      String value = text.substring(eq + 1).strip();
      boolean more = value.endsWith("\\");
      addWords(values, more ? value.substring(0, value.length() - 1) : value);
      open = more ? values : null;
    }
    return vars;
  }

  private static void addWords(List<String> into, String text) {
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        into.add(word);
      }
    }
  }
}
