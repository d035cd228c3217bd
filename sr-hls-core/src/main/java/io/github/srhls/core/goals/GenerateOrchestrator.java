package io.github.srhls.core.goals;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.design.DesignStats;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.explore.BudgetedSelection;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.Sha256;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.project.FileTrees;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code sr-hls:generate}: every model file under the model directory becomes a generated project under
 * {@code outputDirectory/<name>/}. Only models whose inputs changed are regenerated; outputs of models that are
 * gone are removed. Each project is written into a staging directory first and moved into place only when
 * complete, so a failed model never leaves something half-written that looks valid.
 */
public final class GenerateOrchestrator {

  /** @throws SrHlsException on bad input, with a user-facing message naming every failing model */
  public GenerateResult run(GenerateRequest request) {
    Path root = request.projectDirectory().toAbsolutePath().normalize();
    Path stateFile = request.workDirectory().resolve(GenerateState.FILE_NAME);
    GenerateState previous = readState(stateFile);
    Map<String, GenerateState.Entry> next = new LinkedHashMap<>();
    Map<String, Path> fileOfName = new LinkedHashMap<>();
    List<String> generated = new ArrayList<>();
    List<String> upToDate = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    ModelCompiler compiler = new ModelCompiler(root);

    List<Path> modelFiles = ModelFiles.find(root, request.modelDirectory(), request.includes(), request.excludes());
    if (!Files.isDirectory(request.modelDirectory())) {
      request.log().info("No model directory " + relative(root, request.modelDirectory()) + "; nothing to generate");
      if (previous.models().isEmpty()) {
        // nothing generated before either: leave no state behind in a project that does not use sr-hls yet
        return new GenerateResult(List.of(), List.of(), List.of());
      }
    }
    Set<String> present = new HashSet<>();
    for (Path file : modelFiles) {
      String source = relative(root, file);
      present.add(source);
      try {
        ModelSpec spec = new ModelReader().read(file, root, request.projectVersion());
        Path earlier = fileOfName.putIfAbsent(spec.name(), file);
        if (earlier != null) {
          throw SrHlsException.at(spec.at(), "model name '" + spec.name() + "' is already used by "
              + relative(root, earlier) + "; each model needs its own name");
        }
        // a budget chooses rows only once every row is costed: that waits until the model is known to be stale
        boolean budgeted = BudgetedSelection.needed(spec);
        CompiledModel model = budgeted ? null : compiler.compile(spec);
        List<Path> referencedFiles = budgeted ? BudgetedSelection.referencedFiles(spec, root) : model.referencedFiles();
        // the model file and the files it references, read once: digested, and copied into the project
        Map<String, byte[]> sources = new LinkedHashMap<>();
        sources.put(source, Files.readAllBytes(file));
        for (Path referenced : referencedFiles) {
          sources.put(relative(root, referenced), Files.readAllBytes(referenced));
        }
        String digest = digest(sources);
        String key = Fingerprint.start().text("sources", digest).text("plugin", request.pluginVersion())
            .text("core", CoreFingerprint.value()).text("projectVersion", request.projectVersion())
            .text("ipVendor", request.ipVendor()).text("ipLibrary", request.ipLibrary())
            .text("rtl", String.valueOf(request.rtl())).done();
        // the key is recorded only once the output is complete: a model that fails below is left out of the
        // state, so its earlier output is removed and the next run generates it again instead of trusting it
        GenerateState.Entry entry = new GenerateState.Entry(source, key);
        Path target = request.outputDirectory().resolve(spec.name());
        GenerateState.Entry before = previous.models().get(spec.name());
        if (before != null && before.key().equals(key) && ProjectManifest.isProject(target)) {
          next.put(spec.name(), entry);
          upToDate.add(spec.name());
          continue;
        }
        long start = System.nanoTime();
        Path pareto = request.workDirectory().resolve(spec.name()).resolve(ParetoDocument.FILE);
        ParetoDocument explored = null;
        if (budgeted) {
          FileTrees.delete(pareto.getParent());
          BudgetedSelection.Exploration exploration = new BudgetedSelection(spec, root, source,
              Runtime.getRuntime().availableProcessors(), request.log()).run(false);
          exploration.explanation().forEach(request.log()::info);
          model = compiler.compile(exploration.resolved());
          explored = exploration.pareto();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        ModelGeneration.Generation generation = ModelGeneration.files(model, digest, source, request);
        generation.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        files.putAll(generation.data());
        sources.forEach((name, bytes) -> files.put(ModelGeneration.SOURCES + name, bytes));
        promote(stage(request.workDirectory().resolve("staging").resolve(spec.name()), files), target);
        if (explored != null) {
          JsonFiles.write(pareto, explored);
          ExploreOrchestrator.PARETO_PLOTS.draw(pareto);
        }
        next.put(spec.name(), entry);
        generated.add(spec.name());
        request.log().info("Generated " + spec.name() + " from " + source + " in "
            + (System.nanoTime() - start) / 1_000_000 + " ms: " + summary(generation.design()));
        if (generation.labels() != null) {
          request.log().info(spec.name() + ": " + generation.labels().summary());
        }
        generation.design().notes().forEach(note -> request.log().warn(source + ": " + note));
        DesignReport.Rtl rtl = generation.design().rtl();
        if (rtl != null && rtl.note() != null) {
          request.log().info(source + ": " + rtl.note());
        }
      } catch (SrHlsException e) {
        errors.add(e.getMessage());
      } catch (IOException | UncheckedIOException e) {
        errors.add(source + ": " + e.getMessage());
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
    JsonFiles.write(stateFile, new GenerateState(next));
    if (!errors.isEmpty()) {
      throw new SrHlsException(String.join("\n", errors));
    }
    return new GenerateResult(generated, upToDate, removed);
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

  /** Writes the files into a fresh staging directory. */
  private static Path stage(Path staging, Map<String, byte[]> files) throws IOException {
    FileTrees.delete(staging);
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
