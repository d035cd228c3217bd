package io.github.srhls.core.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fuzz.Fuzz;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model reader and compiler on mutated model files from the repository's own examples, integration tests and
 * fixtures: a model is read and compiled, or the one documented error, an {@link SrHlsException} with a message
 * that names no Java class, is thrown; nothing hangs. {@code -Dsrhls.fuzz.seconds=600} runs it longer.
 */
class ModelFuzzTest {
  /** A Java exception or class name leaking into a user's message. */
  private static final Pattern INTERNALS =
      Pattern.compile("Exception|\\bjava\\.|org\\.yaml|com\\.fasterxml|\\bat [a-z]+\\.[a-z]+\\.");

  @TempDir Path project;

  @Test
  void theReaderThrowsOnlyDocumentedErrorsAndNeverHangs() throws IOException {
    Files.createDirectories(project.resolve("src/main/sr/pysr"));
    Files.copy(Path.of("../it/pysr-hall-of-fame-model/src/main/sr/pysr/hall_of_fame.csv"),
        project.resolve("src/main/sr/pysr/hall_of_fame.csv"));
    Files.writeString(project.resolve("src/main/sr/v.dat"), "0.5 0.5\n");
    List<String> words = new ArrayList<>(Fuzz.expressionWords());
    words.addAll(List.of(": ", "- ", "{", "}", "[", "]", "&a ", "*a", "!!binary ", "!!float ", "? ", "\n  ", "\"",
        "'", "#", "|\n  ", ">\n  ", "---\n", "...\n", "~", "null", ".inf", "-.nan", "0x1F", "1_000", "yes",
        "ap_fixed<16,6>", "ap_fixed<18,64>", "ap_ufixed<14,1000000>", "range: [0, 1]", "inputs: {count: 2}",
        "expression: ", "operators:\n  f(u): u * u\n", "precision: {internal: auto}\n", "size: 1024",
        "variables: one-based", "select: {complexity: 3}", "{row: 99}", "tolerance: 0.0", "testbench:"));
    Fuzz fuzz = new Fuzz(models(), words);
    long inputs = fuzz.run("model reader", this::check);
    assertTrue(inputs > 0);
  }

  private void check(String text) {
    try {
      Path file = project.resolve(text.startsWith("{") ? "src/main/sr/m.sr.json" : "src/main/sr/m.sr.yaml");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      ModelSpec spec = new ModelReader().read(file, project, "1.0.0");
      new ModelCompiler(project).compile(spec);
    } catch (SrHlsException e) {
      String message = e.getMessage();
      assertFalse(message == null || message.isBlank(), "a message");
      assertFalse(INTERNALS.matcher(message).find(), () -> "Java internals in: " + message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every model file of the repository's examples, integration tests and test resources. */
  private static List<String> models() throws IOException {
    List<String> found = new ArrayList<>();
    for (String root : List.of("../examples", "../it", "src/test/resources")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path f : files.filter(ModelReader::isModelFile).sorted().toList()) {
          found.add(Files.readString(f));
        }
      }
    }
    return found;
  }
}
