package io.github.srhls.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom operators expand in place, so their expansion is bounded in size and depth before anything is lowered:
 * 30 operators each using the previous twice (2^30 operations) hung, and a chain of 5,000 overflowed the stack.
 * The time bound only catches a hang.
 */
class OperatorLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final String HEAD = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [0, 1]}]\n";

  @TempDir Path project;

  private String error(String operators, String output) throws Exception {
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, HEAD + "outputs: [{name: y, expression: \"" + output + "\"}]\noperators:\n" + operators);
    ModelSpec spec = new ModelReader().read(file, project, "1");
    return assertTimeoutPreemptively(HANG, () -> assertThrows(SrHlsException.class,
        () -> new ModelCompiler(project).compile(spec)).getMessage());
  }

  @Test
  void anExpansionDoublingThirtyTimesIsRefusedAtTheUseThatCrossesTheLimit() throws Exception {
    StringBuilder ops = new StringBuilder("  f0(u): sin(u) + u\n");
    for (int k = 1; k <= 30; k++) {
      ops.append("  f").append(k).append("(u): f").append(k - 1).append("(u) * f").append(k - 1).append("(u + 1)\n");
    }
    String message = error(ops.toString(), "f30(a)");
    // fk expands to 2^(k+2) - 2 operations: f15's body is the first to pass 100,000, at its second use of f14
    assertTrue(message.startsWith("m.sr.yaml:21:20: custom operator 'f15' expands to more than 100000"
        + " operations here"), message);
    assertTrue(message.contains("limit"), message);
    assertTrue(message.length() < 1000, message);
  }

  @Test
  void aLongChainOfOperatorsIsRefusedAtTheUseThatNestsTooDeeply() throws Exception {
    StringBuilder ops = new StringBuilder("  f0(u): u + 1\n");
    for (int k = 1; k < 5000; k++) {
      ops.append("  f").append(k).append("(u): f").append(k - 1).append("(u)\n");
    }
    String message = error(ops.toString(), "f4999(a)");
    // f100 nests 101 levels (f100 -> ... -> f0): f101's body is the first to use it
    assertTrue(message.startsWith("m.sr.yaml:107:12: custom operators nest more than 100 deep here (f100 -> f99"
        + " -> f98 -> ... -> f0, 101 operators)"), message);
    assertTrue(message.length() < 1000, message);
  }

  @Test
  void manyUsesInOneOutputAreBoundedToo() throws Exception {
    StringBuilder ops = new StringBuilder("  f0(u): sin(u) + u\n");
    for (int k = 1; k <= 12; k++) {
      ops.append("  f").append(k).append("(u): f").append(k - 1).append("(u) * f").append(k - 1).append("(u + 1)\n");
    }
    // each f12 expands to 16,382 operations: the seventh use passes the limit
    String message = error(ops.toString(), "f12(a) + f12(a+1) + f12(a+2) + f12(a+3) + f12(a+4) + f12(a+5)"
        + " + f12(a+6) + f12(a+7) + f12(a+8)");
    assertTrue(message.startsWith("m.sr.yaml:4:" + (34 + 9 + 5 * 11) + ": output 'y' expands to more than 100000"
        + " operations here"), message);
  }
}
