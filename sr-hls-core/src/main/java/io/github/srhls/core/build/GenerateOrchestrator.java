package io.github.srhls.core.build;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    List<Path> modelFiles = ModelFiles.find(request.modelDirectory(), request.includes(), request.excludes());
    if (!Files.isDirectory(request.modelDirectory())) {
      request.log().info("No model directory " + relative(root, request.modelDirectory()) + ": nothing to generate");
    }
    for (Path file : modelFiles) {
      String source = relative(root, file);
      try {
        ModelSpec spec = new ModelReader().read(file, root, request.projectVersion());
        Path earlier = fileOfName.putIfAbsent(spec.name(), file);
        if (earlier != null) {
          throw SrHlsException.at(spec.at(), "model name '" + spec.name() + "' is already used by "
              + relative(root, earlier) + "; each model needs its own name");
        }
        CompiledModel model = compiler.compile(spec);
        List<Path> inputs = new ArrayList<>();
        inputs.add(file);
        inputs.addAll(model.referencedFiles());
        String digest = digest(root, inputs, List.of());
        String key = digest(root, inputs, List.of(request.pluginVersion(), request.projectVersion()));
        next.put(spec.name(), new GenerateState.Entry(source, key));
        Path target = request.outputDirectory().resolve(spec.name());
        GenerateState.Entry before = previous.models().get(spec.name());
        if (before != null && before.key().equals(key) && ProjectManifest.isProject(target)) {
          upToDate.add(spec.name());
          continue;
        }
        long start = System.nanoTime();
        Map<String, byte[]> files = new LinkedHashMap<>();
        ModelGeneration.files(model, digest, request.pluginVersion(), source, "model/" + source, request.log())
            .forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        for (Path input : inputs) {
          files.put("model/" + relative(root, input), Files.readAllBytes(input));
        }
        promote(stage(request.workDirectory().resolve("staging").resolve(spec.name()), files), target);
        generated.add(spec.name());
        request.log().info("Generated " + spec.name() + " from " + source + " in "
            + (System.nanoTime() - start) / 1_000_000 + " ms");
      } catch (SrHlsException e) {
        errors.add(e.getMessage());
      } catch (IOException | UncheckedIOException e) {
        errors.add(source + ": " + e.getMessage());
      }
    }

    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, GenerateState.Entry> old : previous.models().entrySet()) {
      String name = old.getKey();
      boolean stillProduced = next.containsKey(name);
      boolean fileFailed = !stillProduced && modelFiles.stream().anyMatch(f -> relative(root, f)
          .equals(old.getValue().modelFile()));
      if (!stillProduced) {
        deleteTree(request.outputDirectory().resolve(name));
        if (!fileFailed) {
          removed.add(name);
          request.log().info("Removed " + name + ": its model file " + old.getValue().modelFile() + " is gone");
        }
      }
    }
    JsonFiles.write(stateFile, new GenerateState(next));
    if (!errors.isEmpty()) {
      throw new SrHlsException(String.join("\n", errors));
    }
    return new GenerateResult(generated, upToDate, removed);
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
    deleteTree(staging);
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
    deleteTree(target);
    Files.createDirectories(target.getParent());
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /** sha256 over each file's project-relative name and bytes, then the extra strings. */
  private static String digest(Path root, List<Path> files, List<String> extra) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(relative(root, f).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(f));
        md.update((byte) 0);
      }
      for (String s : extra) {
        md.update(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return "sha256:" + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The path relative to the project with / separators, as users see it in messages and in the zip. */
  static String relative(Path root, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
    return rel.toString().replace('\\', '/');
  }
}
