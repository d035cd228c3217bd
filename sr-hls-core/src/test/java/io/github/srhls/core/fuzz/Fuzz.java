package io.github.srhls.core.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.diag.Echo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A seeded mutation fuzzer: each input is one of the seeds (the repository's own fixtures) with a few random edits,
 * run on a worker thread with a generous time bound so that a hang fails the test instead of stalling it.
 *
 * <p>A seeded loop rather than jqwik: no new test dependency for an offline build, and what it needs is only a
 * stream of reproducible inputs, not shrinking. Input {@code i} is made from {@code new Random(seed + i)} alone, so
 * a failure prints the seed and index that make it again. It runs for {@code -Dsrhls.fuzz.seconds} (default 3)
 * per test, with {@code -Dsrhls.fuzz.seed} (default fixed) as the base seed.
 */
public final class Fuzz {
  /** Longer than any input should ever take even on a loaded machine; only a hang passes it. */
  private static final Duration HANG = Duration.ofSeconds(20);

  private final List<String> seeds;
  private final List<String> dictionary;

  public Fuzz(List<String> seeds, List<String> dictionary) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds");
    }
    this.seeds = List.copyOf(seeds);
    this.dictionary = List.copyOf(dictionary);
  }

  public static long seconds() {
    return Long.getLong("srhls.fuzz.seconds", 3);
  }

  public static long baseSeed() {
    return Long.getLong("srhls.fuzz.seed", 20261203L);
  }

  /** Input {@code index} of the run with {@code seed}. */
  public String input(long seed, long index) {
    Random random = new Random(seed * 1_000_003L + index);
    StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
    int edits = 1 + random.nextInt(random.nextInt(8) + 1);
    for (int k = 0; k < edits; k++) {
      mutate(text, random);
    }
    return text.toString();
  }

  private void mutate(StringBuilder t, Random r) {
    int at = t.length() == 0 ? 0 : r.nextInt(t.length() + 1);
    int to = Math.min(t.length(), at + r.nextInt(16));
    switch (r.nextInt(9)) {
      case 0 -> t.delete(at, to);
      case 1 -> t.insert(at, dictionary.get(r.nextInt(dictionary.size())));
      case 2 -> t.replace(at, to, dictionary.get(r.nextInt(dictionary.size())));
      case 3 -> t.insert(at, t.substring(at, to));
      case 4 -> t.insert(at, t.substring(at, to).repeat(1 + r.nextInt(r.nextBoolean() ? 8 : 2000)));
      case 5 -> {
        if (at < t.length()) {
          t.setCharAt(at, (char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
        }
      }
      case 6 -> {
        String other = seeds.get(r.nextInt(seeds.size()));
        int from = r.nextInt(other.length() + 1);
        t.insert(at, other, from, Math.min(other.length(), from + r.nextInt(200)));
      }
      case 7 -> t.insert(at, String.valueOf((char) ('0' + r.nextInt(10))).repeat(r.nextInt(5000)));
      default -> t.setLength(at);
    }
  }

  /**
   * Runs inputs for the time budget, each through {@code check}, which throws an {@link AssertionError} for an
   * outcome that is not allowed.
   *
   * @return how many inputs ran
   */
  public long run(String what, Consumer<String> check) {
    long seed = baseSeed();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds());
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + what);
      t.setDaemon(true);
      return t;
    });
    long index = 0;
    try {
      for (; System.nanoTime() < deadline; index++) {
        String input = input(seed, index);
        Future<?> outcome = worker.submit(() -> check.accept(input));
        try {
          outcome.get(HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          outcome.cancel(true);
          fail(what + ": input " + index + " of seed " + seed + " took more than " + HANG.toSeconds() + " s: "
              + Echo.of(input));
        } catch (ExecutionException e) {
          throw new AssertionError(what + ": input " + index + " of seed " + seed + " (rerun with"
              + " -Dsrhls.fuzz.seed=" + seed + "): " + Echo.of(input.replace("\n", "\\n")), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    } finally {
      worker.shutdownNow();
    }
    System.out.println(what + ": " + index + " fuzzed inputs in " + seconds() + " s, seed " + seed);
    return index;
  }

  /** Words that are likely to reach new paths: operators, brackets, odd numbers and names. */
  public static List<String> expressionWords() {
    List<String> words = new ArrayList<>(List.of("+", "-", "*", "/", "^", "**", "(", ")", ",", " ", "sin(", "cos(",
        "exp(", "log(", "sqrt(", "abs(", "max(", "pow(", "tanh(", "x0", "x1", "x99", "a", "pi", "E", "1e999",
        "1e-999", "0.0", "0", "-0.0", "1.5f-3", "2.", ".5", "1..2", "nan", "inf", "/0.0", "/ (x0 - x0)", "==", "<",
        "&&", "#1", "=", "\t", "\n", "\u2212", "x\u2081", "\uD83D\uDE00", "((((((((((", "))))))))))", "f2(",
        "sc("));
    words.add("x0 + ".repeat(300));
    words.add("-".repeat(300));
    words.add("(".repeat(600));
    return words;
  }
}
