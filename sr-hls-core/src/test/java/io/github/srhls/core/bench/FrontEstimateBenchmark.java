package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.explore.BudgetedSelection;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.pysr.SharedCorpus;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.toolchain.yosys.Yosys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimate explore ranks a front by ({@code pareto.json}'s figures) against Yosys 0.23 across every candidate of
 * one real front: per row, estimate vs Yosys for LUT, FF, DSP and BRAM, then the Spearman rank correlation of LUT
 * (and FF) and the worst relative error. The front is the longest hall of fame of the shared corpus (ties: the first
 * by name; {@code -Dsrhls.front=PREFIX} picks another by its file name), built as {@link RtlCostBenchmark} builds the
 * corpus (30 one-based inputs in [0.5, 2], {@code ap_fixed<24,10,AP_RND,AP_SAT>}, uniform plan); without the corpus,
 * the repository's PySR 1.3 fixture front. Each row's RTL is the one generate emits with {@code select: {row: i}},
 * whose estimate is checked to be the one explore gave. Not part of the normal test run; run with
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=FrontEstimateBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dsrhls.yosysCache=DIR} as in RtlCostBenchmark). Yosys runs on 2
 * threads.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class FrontEstimateBenchmark {
  private static final String CORPUS_TYPE = "\"ap_fixed<24,10,AP_RND,AP_SAT>\"";
  private static final String FIXTURE = "/io/github/srhls/core/pysr/eras/pysr-1.3/outputs/20240611_142233_k3Jq9Z/"
      + "hall_of_fame.csv";

  @TempDir Path project;

  @Test
  void estimateAgainstYosysAcrossOneFront() throws Exception {
    Yosys yosys = RtlCostBenchmark.yosys();
    TempProject temp = TempProject.at(project);
    Files.createDirectories(temp.models().resolve("pysr"));
    Path csv = temp.models().resolve("pysr/front.csv");
    String from;
    String inputs;
    String variables;
    Path corpus = SharedCorpus.find().orElse(null);
    if (corpus == null) {
      System.out.println("BENCH front-estimate: the shared corpus (../shared/corpus/pysr-hall-of-fame) is absent;"
          + " using the repository's fixture front " + FIXTURE);
      try (var in = FrontEstimateBenchmark.class.getResourceAsStream(FIXTURE)) {
        Files.write(csv, in.readAllBytes());
      }
      from = "fixture " + FIXTURE.substring(FIXTURE.lastIndexOf("/pysr/") + 1);
      inputs = "inputs: {count: 3, range: [0.5, 2]}\n";
      variables = "";
    } else {
      Path chosen = longest(corpus);
      Files.copy(chosen, csv);
      from = "shared corpus " + chosen.getFileName();
      inputs = "inputs: {count: 30, range: [0.5, 2]}\n";
      variables = ", variables: one-based";
    }
    int rows = HallOfFame.read(csv).rows().size();
    String head = "format: sr-hls/v1\nname: %s\n" + inputs + "outputs:\n  - {name: y, pysr: {file: pysr/front.csv,"
        + " select: %s" + variables + "}}\nprecision: {default: " + CORPUS_TYPE + "}\ntestbench: {vectors: 10}\n";

    // explore's figures: every row costed by the estimate
    Path front = temp.models().resolve("front.sr.yaml");
    Files.writeString(front, String.format(Locale.ROOT, head, "front", "best"));
    ParetoDocument pareto = new BudgetedSelection(new ModelReader().read(front, project, "1.0.0"), project,
        "src/main/sr/front.sr.yaml", 2, BuildLog.silent()).run(true).pareto();
    Files.delete(front);
    List<ParetoDocument.Entry> candidates = pareto.outputs().get(0).candidates();
    assertEquals(rows, candidates.size());

    // each built row generated alone, for its RTL
    List<ParetoDocument.Entry> built = candidates.stream().filter(c -> c.status().equals("ok")).toList();
    for (ParetoDocument.Entry c : built) {
      Files.writeString(temp.models().resolve("r" + c.row() + ".sr.yaml"),
          String.format(Locale.ROOT, head, "r" + c.row(), "{row: " + c.row() + "}"));
    }
    temp.generate();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    Map<ParetoDocument.Entry, Future<RtlCostBenchmark.Row>> futures = new LinkedHashMap<>();
    for (ParetoDocument.Entry c : built) {
      futures.put(c, pool.submit(() -> RtlCostBenchmark.row(yosys, temp, "r" + c.row())));
    }
    List<Measured> measured = new ArrayList<>();
    for (Map.Entry<ParetoDocument.Entry, Future<RtlCostBenchmark.Row>> e : futures.entrySet()) {
      measured.add(new Measured(e.getKey(), e.getValue().get()));
    }
    pool.shutdown();
    double wall = (System.nanoTime() - start) / 1e9;

    System.out.printf(Locale.ROOT, "BENCH front-estimate: %s, %d rows (%d built), estimate (explore's figures) vs"
        + " Yosys 0.23 (synth_xilinx -family xcup), per row%n", from, rows, built.size());
    candidates.stream().filter(c -> !c.status().equals("ok")).forEach(c -> System.out.printf(Locale.ROOT,
        "  row %d failed: %s%n", c.row(), c.reason()));
    System.out.printf(Locale.ROOT, "%4s %4s %10s | %7s %7s %6s | %7s %7s %6s | %9s | %9s | %5s%n", "row", "cplx",
        "loss", "LUT est", "Yosys", "err", "FF est", "Yosys", "err", "DSP e/Y", "BRAM e/Y", "s");
    for (Measured m : measured) {
      ParetoDocument.Entry c = m.candidate();
      // the RTL Yosys synthesises is the design explore costed: generate's estimate of it is explore's
      assertEquals(List.of(c.lut(), c.ff(), c.dsp(), c.bram()), List.of(m.estimateLut(),
          m.row().est().path("ff").asLong(), m.row().est().path("dsp").asLong(),
          m.row().est().path("bram18k").asLong()), "row " + c.row() + ": generate's estimate is explore's");
      System.out.printf(Locale.ROOT, "%4d %4d %10.4g | %7d %7d %5.0f%% | %7d %7d %5.0f%% | %4d/%-4d | %4d/%-4d |"
          + " %5.1f%n", c.row(), c.complexity(), c.loss(), c.lut(), m.yosysLut(), 100 * error(c.lut(),
          m.yosysLut()), c.ff(), m.row().yosys().ff(), 100 * error(c.ff(), m.row().yosys().ff()), c.dsp(),
          m.row().yosys().dsp(), c.bram(), m.row().yosys().bram18k(), m.row().seconds());
    }
    double[] estLut = measured.stream().mapToDouble(m -> m.candidate().lut()).toArray();
    double[] yosysLut = measured.stream().mapToDouble(Measured::yosysLut).toArray();
    double[] estFf = measured.stream().mapToDouble(m -> m.candidate().ff()).toArray();
    double[] yosysFf = measured.stream().mapToDouble(m -> m.row().yosys().ff()).toArray();
    Measured worstLut = measured.stream().max(Comparator.comparingDouble(m -> Math.abs(error(m.candidate().lut(),
        m.yosysLut())))).orElseThrow();
    Measured worstFf = measured.stream().max(Comparator.comparingDouble(m -> Math.abs(error(m.candidate().ff(),
        m.row().yosys().ff())))).orElseThrow();
    long dspExact = measured.stream().filter(m -> m.candidate().dsp() == m.row().yosys().dsp()).count();
    long bramExact = measured.stream().filter(m -> m.candidate().bram() == m.row().yosys().bram18k()).count();
    System.out.printf(Locale.ROOT, "BENCH front-estimate: %d candidates; LUT Spearman rank correlation %.3f, worst"
        + " relative error %+.0f%% (row %d: %d est, %d Yosys); FF Spearman %.3f, worst %+.0f%% (row %d: %d est, %d"
        + " Yosys); DSP exact %d of %d, BRAM exact %d of %d; Yosys %.0f s wall on 2 threads (0 s for counts from"
        + " -Dsrhls.yosysCache)%n", measured.size(), spearman(estLut, yosysLut),
        100 * error(worstLut.candidate().lut(), worstLut.yosysLut()), worstLut.candidate().row(),
        worstLut.candidate().lut(), worstLut.yosysLut(), spearman(estFf, yosysFf),
        100 * error(worstFf.candidate().ff(), worstFf.row().yosys().ff()), worstFf.candidate().row(),
        worstFf.candidate().ff(), worstFf.row().yosys().ff(), dspExact, measured.size(), bramExact,
        measured.size(), wall);
    assertTrue(measured.size() >= 2, "a rank correlation needs two candidates or more");
  }

  /** A candidate with Yosys's counts of its RTL. */
  private record Measured(ParetoDocument.Entry candidate, RtlCostBenchmark.Row row) {
    /** LUTs as Yosys counts logic, plus the LUTs used as shift registers: as explore's {@code lut}. */
    long yosysLut() {
      return row.yosys().lut() + row.yosys().lutram();
    }

    long estimateLut() {
      return row.est().path("lut").asLong() + row.est().path("lutram").asLong();
    }
  }

  /** The corpus's longest front, the first by name on ties, or the first whose name starts with -Dsrhls.front. */
  private static Path longest(Path corpus) throws IOException {
    List<Path> files;
    try (var list = Files.list(corpus)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    String wanted = System.getProperty("srhls.front");
    if (wanted != null && !wanted.isBlank()) {
      return files.stream().filter(p -> p.getFileName().toString().startsWith(wanted)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no corpus file starts with " + wanted + ": " + files));
    }
    Path best = null;
    int most = -1;
    for (Path f : files) {
      int n = HallOfFame.read(f).rows().size();
      if (n > most) {
        best = f;
        most = n;
      }
    }
    return best;
  }

  /** (estimate − actual) / actual; an estimate of something where there is nothing counts +100%. */
  static double error(long est, long actual) {
    return actual == 0 ? (est == 0 ? 0 : 1) : (double) (est - actual) / actual;
  }

  /** Spearman's rank correlation: Pearson's of the ranks, ties sharing their average rank; NaN when one is flat. */
  static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0);
    double mb = Arrays.stream(rb).average().orElse(0);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < ra.length; i++) {
      cov += (ra[i] - ma) * (rb[i] - mb);
      va += (ra[i] - ma) * (ra[i] - ma);
      vb += (rb[i] - mb) * (rb[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }

  /** 1-based ranks, ties sharing their average. */
  static double[] ranks(double[] values) {
    Integer[] order = new Integer[values.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = (start + end) / 2.0 + 1;
      }
      start = end + 1;
    }
    return ranks;
  }
}
