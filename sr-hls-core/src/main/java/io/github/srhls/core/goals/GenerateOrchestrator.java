package io.github.srhls.core.goals;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.design.DesignStats;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.diag.ParallelInOrder;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.explore.BudgetedSelection;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.Sha256;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.project.FileTrees;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs {@code sr-hls:generate}: every model file under the model directory becomes a generated project under
 * {@code outputDirectory/<name>/}. Only models whose inputs changed are regenerated; outputs of models that are
 * gone are removed. Each project is written into a staging directory first and moved into place only when
 * complete, so a failed model never leaves something half-written that looks valid.
 */
public final class GenerateOrchestrator {
  private final int threads;
  private final GenerateProbe probe;

  /** Models generated in parallel on up to as many threads as the request says ({@link GenerateRequest#threads}). */
  public GenerateOrchestrator() {
    this(0, GenerateProbe.NONE);
  }

  /**
   * With a bound on the models generated at once (1: one after the other; 0: the request's), and a probe (tests).
   */
  GenerateOrchestrator(int threads, GenerateProbe probe) {
    this.threads = threads;
    this.probe = probe;
  }

  /** @throws SrHlsException on bad input, with a user-facing message naming every failing model */
  public GenerateResult run(GenerateRequest request) {
    int threads = this.threads > 0 ? this.threads : request.threads();
    Path root = request.projectDirectory().toAbsolutePath().normalize();
    Path stateFile = request.workDirectory().resolve(GenerateState.FILE_NAME);
    GenerateState previous = readState(stateFile);
    List<Path> modelFiles = ModelFiles.find(root, request.modelDirectory(), request.includes(), request.excludes());
    if (!Files.isDirectory(request.modelDirectory())) {
      request.log().info("No model directory " + relative(root, request.modelDirectory()) + "; nothing to generate");
      if (previous.models().isEmpty()) {
        // nothing generated before either: leave no state behind in a project that does not use sr-hls yet
        return new GenerateResult(List.of(), List.of(), List.of());
      }
    }
    Map<String, String> nameOfFile = new HashMap<>();
    previous.models().forEach((name, entry) -> nameOfFile.put(entry.modelFile(), name));
    String settings = settingsKey(request);
    Set<String> present = new HashSet<>();
    List<Model> models = new ArrayList<>();
    for (Path file : modelFiles) {
      Model m = new Model(file, relative(root, file));
      present.add(m.source);
      // an unchanged model is known by its recorded inputs alone: not parsed, compiled nor evaluated
      String name = nameOfFile.get(m.source);
      GenerateState.Entry before = name == null ? null : previous.models().get(name);
      if (before != null && before.inputs() != null
          && before.key().equals(unchangedKey(root, m.source, before.inputs(), settings))
          && ProjectManifest.isProject(request.outputDirectory().resolve(name))) {
        m.name = name;
        m.entry = before;
      }
      models.add(m);
    }

    // the others are read and compiled, in parallel: nothing is logged here
    List<Model> toRead = models.stream().filter(m -> m.entry == null).toList();
    ParallelInOrder.run(toRead.stream().<Function<BuildLog, Object>>map(m -> log -> {
      read(m, root, request, settings);
      return m;
    }).toList(), threads, request.log());

    // names and keys in model order, as one after the other would see them
    Map<String, Path> fileOfName = new LinkedHashMap<>();
    List<Model> toGenerate = new ArrayList<>();
    for (Model m : models) {
      if (m.entry != null && fileOfName.containsKey(m.name)) {
        read(m, root, request, settings); // a new file took its name: read it for the error's position
      }
      if (m.spec != null) {
        Path earlier = fileOfName.putIfAbsent(m.spec.name(), m.file);
        if (earlier != null) {
          m.error = SrHlsException.at(m.spec.at(), "model name '" + m.spec.name() + "' is already used by "
              + relative(root, earlier) + "; each model needs its own name").getMessage();
          continue;
        }
      } else if (m.entry != null) {
        fileOfName.put(m.name, m.file);
        continue;
      }
      if (m.error != null) {
        continue;
      }
      m.name = m.spec.name();
      GenerateState.Entry before = previous.models().get(m.name);
      if (before != null && before.key().equals(m.key)
          && ProjectManifest.isProject(request.outputDirectory().resolve(m.name))) {
        m.entry = new GenerateState.Entry(m.source, m.key, m.inputs);
      } else {
        toGenerate.add(m);
      }
    }

    // generated in parallel, each model's lines printed in model order
    ParallelInOrder.run(toGenerate.stream().<Function<BuildLog, Object>>map(m -> log -> {
      generate(m, request, log);
      return m;
    }).toList(), threads, request.log());

    Map<String, GenerateState.Entry> next = new LinkedHashMap<>();
    List<String> generated = new ArrayList<>();
    List<String> upToDate = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Model m : models) {
      if (m.error != null) {
        errors.add(m.error);
      } else {
        // the key is recorded only once the output is complete: a model that failed is left out of the state, so
        // its earlier output is removed and the next run generates it again instead of trusting it
        next.put(m.name, m.entry);
        (m.generated ? generated : upToDate).add(m.name);
      }
    }

    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, GenerateState.Entry> old : previous.models().entrySet()) {
      String name = old.getKey();
      if (next.containsKey(name)) {
        continue;
      }
      FileTrees.delete(request.outputDirectory().resolve(name));
      // a budget's pareto.json is as stale as the project it chose for
      FileTrees.delete(request.workDirectory().resolve(name).resolve(ParetoDocument.FILE).getParent());
      // a model file that is still there but failed loses its stale output, and is reported as failed, not removed
      if (!present.contains(old.getValue().modelFile())) {
        removed.add(name);
        request.log().info("Removed " + name + ": its model file " + old.getValue().modelFile() + " is gone");
      }
    }
    GenerateState state = new GenerateState(next);
    if (!state.equals(previous) || !Files.isRegularFile(stateFile)) {
      JsonFiles.write(stateFile, state); // unchanged, it is left alone: a warm build writes nothing
    }
    if (!errors.isEmpty()) {
      throw new SrHlsException(String.join("\n", errors));
    }
    return new GenerateResult(generated, upToDate, removed);
  }

  /** One model file on its way through the goal; each is worked on by one thread at a time. */
  private static final class Model {
    final Path file;
    final String source;
    ModelSpec spec;
    CompiledModel compiled;
    /** The model file and the files it references, by project path, read once: digested and copied. */
    Map<String, byte[]> sources;
    String digest;
    String key;
    /** The referenced files when they alone, with the model file, decide what is generated; else null. */
    List<String> inputs;
    String name;
    /** What goes into the state: set once the model is known to be up to date, or generated. */
    GenerateState.Entry entry;
    boolean generated;
    String error;

    Model(Path file, String source) {
      this.file = file;
      this.source = source;
    }
  }

  /** Parses and compiles the model, reads its files and computes its key; a failure is the model's error. */
  private void read(Model m, Path root, GenerateRequest request, String settings) {
    m.entry = null;
    try {
      probe.read(m.source);
      m.spec = new ModelReader().read(m.file, root, request.projectVersion());
      // a budget chooses rows only once every row is costed: that waits until the model is known to be stale
      m.compiled = BudgetedSelection.needed(m.spec) ? null : new ModelCompiler(root).compile(m.spec);
      List<Path> referencedFiles = m.compiled == null
          ? BudgetedSelection.referencedFiles(m.spec, root) : m.compiled.referencedFiles();
      Map<String, byte[]> sources = new LinkedHashMap<>();
      sources.put(m.source, Files.readAllBytes(m.file));
      List<String> referenced = new ArrayList<>();
      for (Path file : referencedFiles) {
        String shown = relative(root, file);
        referenced.add(shown);
        sources.put(shown, Files.readAllBytes(file));
      }
      m.sources = sources;
      m.digest = digest(sources);
      m.key = key(m.digest, settings);
      m.inputs = namedDirectly(m.spec, referencedFiles) ? referenced : null;
    } catch (SrHlsException e) {
      m.error = e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      m.error = m.source + ": " + e.getMessage();
    }
  }

  /** Writes the model's project; a failure is the model's error. */
  private void generate(Model m, GenerateRequest request, BuildLog log) {
    try {
      long start = System.nanoTime();
      Path pareto = request.workDirectory().resolve(m.name).resolve(ParetoDocument.FILE);
      ParetoDocument explored = null;
      CompiledModel compiled = m.compiled;
      if (compiled == null) {
        // budgeted: every row of the fronts is costed and the rows chosen, then the chosen model is compiled
        Path root = request.projectDirectory().toAbsolutePath().normalize();
        FileTrees.delete(pareto.getParent());
        BudgetedSelection.Exploration exploration = new BudgetedSelection(m.spec, root, m.source,
            request.threads(), log).run(false);
        exploration.explanation().forEach(log::info);
        compiled = new ModelCompiler(root).compile(exploration.resolved());
        explored = exploration.pareto();
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      Path staging = request.workDirectory().resolve("staging").resolve(m.name);
      FileTrees.delete(staging);
      Files.createDirectories(staging);
      ModelGeneration.Generation generation =
          ModelGeneration.files(compiled, m.digest, m.source, request, log, staging);
      generation.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
      m.sources.forEach((name, bytes) -> files.put(ModelGeneration.SOURCES + name, bytes));
      promote(stage(staging, files), request.outputDirectory().resolve(m.name));
      if (explored != null) {
        JsonFiles.write(pareto, explored);
        ExploreOrchestrator.PARETO_PLOTS.draw(pareto);
      }
      probe.evaluated(m.name, generation.vectors());
      m.entry = new GenerateState.Entry(m.source, m.key, m.inputs);
      m.generated = true;
      log.info("Generated " + m.name + " from " + m.source + " in " + (System.nanoTime() - start) / 1_000_000
          + " ms: " + summary(generation.design()));
      if (generation.labels() != null) {
        log.info(m.name + ": " + generation.labels().summary());
      }
      generation.design().notes().forEach(note -> log.warn(m.source + ": " + note));
      DesignReport.Rtl rtl = generation.design().rtl();
      if (rtl != null && rtl.note() != null) {
        log.info(m.source + ": " + rtl.note());
      }
    } catch (SrHlsException e) {
      m.error = e.getMessage();
    } catch (IOException | UncheckedIOException e) {
      m.error = m.source + ": " + e.getMessage();
    }
  }

  /**
   * Whether the files the model references are the very paths it names, so that an unchanged model file with
   * unchanged referenced files generates the same project. Not so when a hall of fame is found in a directory (the
   * newest run) or beside a base name ({@code output: n}): a new file there changes the model without changing
   * either, so such a model is read every time.
   */
  private static boolean namedDirectly(ModelSpec spec, List<Path> referencedFiles) {
    Set<Path> named = new HashSet<>();
    for (OutputSpec out : spec.outputs()) {
      if (out.source() instanceof PysrSource src) {
        if (src.output().isPresent()) {
          return false;
        }
        named.add(src.file());
      }
    }
    if (spec.testbench().inputs() != null) {
      named.add(spec.testbench().inputs());
    }
    return named.containsAll(referencedFiles);
  }

  /** What the key holds besides the model's files: the plugin, the core, and the parameters the output uses. */
  private static String settingsKey(GenerateRequest request) {
    return Fingerprint.start().text("plugin", request.pluginVersion()).text("core", CoreFingerprint.value())
        .text("projectVersion", request.projectVersion()).text("ipVendor", request.ipVendor())
        .text("ipLibrary", request.ipLibrary()).text("rtl", String.valueOf(request.rtl())).done();
  }

  private static String key(String digest, String settings) {
    return Fingerprint.start().text("sources", digest).text("settings", settings).done();
  }

  /** The key of a model from its recorded inputs, without reading it; null when a file cannot be read. */
  private static String unchangedKey(Path root, String source, List<String> inputs, String settings) {
    try {
      Map<String, byte[]> sources = new LinkedHashMap<>();
      sources.put(source, Files.readAllBytes(root.resolve(source)));
      for (String input : inputs) {
        sources.put(input, Files.readAllBytes(root.resolve(input)));
      }
      return key(digest(sources), settings);
    } catch (IOException | UncheckedIOException | InvalidPathException e) {
      return null; // gone, a dangling link, unreadable: reading the model says what is wrong
    }
  }

  /** One line on the plan and its cost, and the RTL's pipeline. */
  static String summary(DesignReport d) {
    DesignStats c = d.cost();
    return String.format(Locale.ROOT, "%s precision%s, %d bits in %d temporaries, %d multipliers (+%d by"
        + " constants, +%d interpolating, ~%d DSP), %d dividers, %d tables (%.1f Kib)%s", d.plan(),
        d.errorBudget() != null ? " (error budget " + d.errorBudget() + ")" : "", c.totalBits(), d.nodes().size(),
        c.multipliers(), c.constantMultipliers(), c.interpolationMultipliers(), c.estimatedDsp(), c.dividers(),
        c.tables(), c.tableBits() / 1024.0, rtl(d.rtl()));
  }

  /**
   * {@code ; RTL: 3 cycles (15 ns) at 5 ns, critical path 4.21 ns by the xcup delay model; estimate ~120 LUT, ~0
   * LUTRAM, ~96 FF, 1 DSP, 0 BRAM_18K}, or nothing.
   */
  private static String rtl(DesignReport.Rtl r) {
    if (r == null) {
      return "";
    }
    if (r.latencyCycles() == null) {
      return "; no RTL (see below)";
    }
    DesignReport.Estimate e = r.estimate();
    String estimate = e == null ? "" : String.format(Locale.ROOT, "; estimate ~%d LUT, ~%d LUTRAM, ~%d FF, %d DSP,"
        + " %d BRAM_18K", e.lut(), e.lutram(), e.ff(), e.dsp(), e.bram18k());
    return String.format(Locale.ROOT, "; RTL: %d %s (%s ns) at %s ns, critical path %.2f ns by the %s delay"
        + " model%s", r.latencyCycles(), r.latencyCycles() == 1 ? "cycle" : "cycles",
        Decimal.significant(r.latencyNs(), 6), Decimal.significant(r.clockNs(), 6), r.criticalPathNs(), r.family(),
        estimate);
  }

  private static GenerateState readState(Path stateFile) {
    if (!Files.isRegularFile(stateFile)) {
      return new GenerateState(Map.of());
    }
    try {
      return JsonFiles.read(stateFile, GenerateState.class);
    } catch (SrHlsException e) {
      // a state file from another version: regenerate everything
      return new GenerateState(Map.of());
    }
  }

  /** Writes the files into the staging directory, beside the data files already streamed there. */
  private static Path stage(Path staging, Map<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = staging.resolve(f.getKey()).normalize();
      if (!p.startsWith(staging)) {
        throw new IllegalStateException("generated path escapes the project: " + f.getKey());
      }
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    return staging;
  }

  private static void promote(Path staging, Path target) throws IOException {
    FileTrees.delete(target);
    Files.createDirectories(target.getParent());
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * sha256 over each file's project-relative name and bytes. It is the model's digest in the generated files, so
   * its encoding stays as it is (the incremental key uses {@link Fingerprint}).
   */
  private static String digest(Map<String, byte[]> files) {
    MessageDigest md = Sha256.digest();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(f.getValue());
      md.update((byte) 0);
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  /** The path relative to the project with / separators, as users see it in messages and in the zip. */
  static String relative(Path root, Path p) {
    return ProjectPaths.shown(p, root).toString().replace('\\', '/');
  }
}
