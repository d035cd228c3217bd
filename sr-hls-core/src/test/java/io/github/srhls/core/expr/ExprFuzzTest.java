package io.github.srhls.core.expr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fuzz.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The expression parser on mutated equations from the repository's own hall-of-fame fixtures: it returns a tree or
 * throws an {@link ExprException} whose message is short and whose range lies in the text, and never hangs.
 * {@code -Dsrhls.fuzz.seconds=600} runs it longer.
 */
class ExprFuzzTest {
  private static final Path FIXTURES = Path.of("src/test/resources/io/github/srhls/core/pysr");

  @Test
  void theParserThrowsOnlyItsOwnErrorsAndNeverHangs() {
    Fuzz fuzz = new Fuzz(equations(), Fuzz.expressionWords());
    long inputs = fuzz.run("expression parser", ExprFuzzTest::check);
    assertTrue(inputs > 0);
  }

  private static void check(String source) {
    try {
      ExprParser.parse(source, Trees.SCOPE);
    } catch (ExprException e) {
      assertFalse(e.message().isBlank(), "a message");
      assertTrue(e.message().length() < 600, () -> "a short message, not " + e.message().length() + " chars: "
          + e.message().substring(0, 300));
      assertTrue(e.start() >= 0 && e.start() <= source.length() && e.end() <= source.length() + 1,
          () -> "range " + e.start() + ".." + e.end() + " in " + source.length() + " chars");
      assertTrue(e.excerpt(source).length() < 600, "a short excerpt");
    }
  }

  /** The equation column of every fixture CSV (quoted fields hold the equations), plus a few hand-made ones. */
  static List<String> equations() {
    List<String> found = new ArrayList<>(List.of("x0 * x1 + sin(x2)", "sc(x0) - f2(x1, 2.5e-3)",
        "(-0.5 ^ x1) * x15 * -0.34", "x0 / (1 + x0 * x0)", "1.0f-5 + x3"));
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        for (String line : new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n")) {
          int open = line.indexOf('"');
          int close = line.lastIndexOf('"');
          if (open >= 0 && close > open) {
            found.add(line.substring(open + 1, close).replace("\"\"", "\""));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
