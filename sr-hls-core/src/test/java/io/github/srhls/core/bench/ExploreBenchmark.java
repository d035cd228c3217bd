package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.explore.BudgetedSelection;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sr-hls:explore}'s core on a 5-output model whose fronts have 25 rows each (125 candidates), as a PySR run
 * of a few inputs writes them: each row the previous with a term more or a constant refitted, the outputs sharing
 * subexpressions. Prints the wall time and the peak heap of costing every candidate, then of a joint budgeted
 * choice over the 25^5 combinations (the heuristic), and whether any built combination cost more than its rows
 * built apart (the claim the heuristic's start rests on). Not part of the normal test run; run with
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=ExploreBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class ExploreBenchmark {
  static final int OUTPUTS = 5;
  static final int ROWS = 25;
  /** Terms a front grows by; each output takes them in its own order, so the outputs share some. */
  static final List<String> TERMS = List.of("sin(x0)", "x1 * x2", "cos(x3)", "x0 * x0", "exp(x2 * 0.5)",
      "x3 * x1", "sin(x1 + x2)", "x0 * x3", "tanh(x2)", "x1 * x1 * x0", "cos(x0 - x3)", "x2 * x3");

  @TempDir Path root;

  @Test
  void exploreAFiveOutputModelOfTwentyFiveRowsEach() throws Exception {
    Path models = Files.createDirectories(root.resolve("src/main/sr/pysr"));
    StringBuilder outputs = new StringBuilder();
    for (int o = 0; o < OUTPUTS; o++) {
      Files.writeString(models.resolve("y" + o + ".csv"), front(o));
      outputs.append("  - {name: y").append(o).append(", pysr: {file: pysr/y").append(o)
          .append(".csv, select: budget}}\n");
    }
    String head = """
        format: sr-hls/v1
        name: bench
        inputs: {count: 4, range: [-1, 1], type: 'ap_fixed<16,4>'}
        outputs:
        """;
    Path file = root.resolve("src/main/sr/bench.sr.yaml");
    int threads = Runtime.getRuntime().availableProcessors();

    // every candidate costed (explore without a budget)
    Files.writeString(file, head + outputs.toString().replace("select: budget", "select: best")
        + "testbench: {vectors: 1000, seed: 1}\n");
    Measured all = measure(() -> explore(file, threads));
    ParetoDocument p = all.result();
    long ok = p.outputs().stream().flatMap(o -> o.candidates().stream()).filter(c -> c.status().equals("ok"))
        .count();
    System.out.printf(Locale.ROOT, "explore, %d outputs x %d rows = %d candidates (%d built), 1000 vectors, %d"
        + " threads: %.2f s wall, peak heap %.0f MiB%n", OUTPUTS, ROWS, OUTPUTS * ROWS, ok, threads,
        all.seconds(), all.peakMiB());

    // a joint budget over the 25^5 combinations: the heuristic; its budget about half the best's merged cost
    long maxLut = p.outputs().stream().mapToLong(o -> o.candidates().stream().filter(c -> c.lut() != null)
        .mapToLong(ParetoDocument.Entry::lut).max().orElse(0)).sum();
    Files.writeString(file, head + outputs + "selection: {budget: {lut: " + maxLut / 2 + ", dsp: 40}}\n"
        + "testbench: {vectors: 1000, seed: 1}\n");
    Measured joint = measure(() -> explore(file, threads));
    ParetoDocument q = joint.result();
    long over = 0;
    for (ParetoDocument.Combination c : q.combinations()) {
      long lut = 0;
      long dsp = 0;
      long cycles = 0;
      for (int o = 0; o < OUTPUTS; o++) {
        ParetoDocument.Entry e = q.outputs().get(o).candidates().get(c.rows().get("y" + o));
        lut += e.lut();
        dsp += e.dsp();
        cycles = Math.max(cycles, e.latencyCycles());
      }
      if (c.lut() != null && (c.lut() > lut || c.dsp() > dsp || c.latencyCycles() > cycles)) {
        over++;
      }
    }
    // the choice is one built combination, and it fits the budget
    List<ParetoDocument.Combination> chosen = q.combinations().stream().filter(ParetoDocument.Combination::chosen)
        .toList();
    assertEquals(1, chosen.size(), "one chosen combination");
    assertTrue(chosen.get(0).fits() && chosen.get(0).lut() <= maxLut / 2 && chosen.get(0).dsp() <= 40,
        () -> "the chosen combination does not fit: " + chosen.get(0));
    assertTrue(ok > 0, "no candidate was built");
    System.out.printf(Locale.ROOT, "joint budget lut %d, dsp 40: %s; chosen %s (binding %s): %.2f s wall, peak"
        + " heap %.0f MiB; combinations costing more than their rows apart (LUT, DSP or latency): %d of %d%n",
        maxLut / 2, q.search(), q.chosen().rows(), q.chosen().bindingConstraint(), joint.seconds(),
        joint.peakMiB(), over, q.combinations().size());
  }

  private ParetoDocument explore(Path file, int threads) {
    ModelSpec spec = new ModelReader().read(file, root, "1.0.0");
    return new BudgetedSelection(spec, root, "src/main/sr/bench.sr.yaml", threads, BuildLog.silent()).run(true)
        .pareto();
  }

  /** PySR-like: complexity rising, loss falling, a term more every other row and a constant refitted between. */
  static String front(int output) {
    SplittableRandom random = new SplittableRandom(output);
    List<String> terms = new ArrayList<>();
    StringBuilder csv = new StringBuilder("Complexity,Loss,Equation\n");
    double loss = 1.0;
    for (int r = 0; r < ROWS; r++) {
      if (r % 2 == 0) {
        terms.add(TERMS.get((output * 5 + r / 2) % TERMS.size()));
      }
      StringBuilder eq = new StringBuilder();
      for (int t = 0; t < terms.size(); t++) {
        double c = Math.round((0.2 + random.nextDouble()) * 1000) / 1000.0;
        eq.append(t == 0 ? "" : " + ").append("(").append(terms.get(t)).append(" * ").append(c).append(")");
      }
      loss *= 0.6 + 0.3 * random.nextDouble();
      csv.append(String.format(Locale.ROOT, "%d,%.6g,\"%s\"%n", 1 + 3 * r, loss, eq));
    }
    return csv.toString();
  }

  record Measured(ParetoDocument result, double seconds, double peakMiB) {}

  static Measured measure(java.util.function.Supplier<ParetoDocument> run) {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(m -> m.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    ParetoDocument p = run.get();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
    return new Measured(p, seconds, peak / (1024.0 * 1024.0));
  }
}
