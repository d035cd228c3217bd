package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.GenerateResult;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.pysr.SharedCorpus;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import io.github.srhls.core.toolchain.yosys.Yosys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTL cost estimate ({@code backend.rtl.RtlCost}, the {@code rtl.estimate} of {@code sr-hls-design.json})
 * against Yosys 0.23's {@code synth_xilinx -family xcup}: the calibration table, and the jet tagger's figures. Not
 * part of the normal test run; run with
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest='RtlCostBenchmark*'
 * -Dsurefire.failIfNoSpecifiedTests=false}. Yosys runs on 2 threads.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class RtlCostBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CORPUS_TYPE = "\"ap_fixed<24,10,AP_RND,AP_SAT>\"";
  /** The units and plans beyond the corpus: every unit kind, small and block-RAM tables, products, a division. */
  private static final Map<String, String> UNITS = new LinkedHashMap<>();

  static {
    String in2 = "inputs: {count: 2, range: [-2, 2]}\n";
    String pos2 = "inputs: {count: 2, range: [0.25, 4]}\n";
    unit("u_sin", in2, "sin(x0) + x1", "uniform", "");
    unit("u_cos_lin", in2, "cos(x0 * x1)", "uniform", "functions: {cos: {size: 64, degree: 1}}\n");
    unit("u_tan", "inputs: {count: 2, range: [-1, 1]}\n", "tan(x0) - x1", "uniform", "");
    unit("u_exp", in2, "exp(x0) * 0.75", "uniform", "");
    unit("u_log", pos2, "log(x0) + x1", "uniform", "");
    unit("u_tanh", in2, "tanh(x0 - x1)", "uniform", "");
    unit("u_sqrt", pos2, "sqrt(x0 * x1)", "uniform", "");
    unit("u_cbrt", pos2, "cbrt(x0) + 1.5", "uniform", "");
    unit("u_sin_auto", in2, "sin(x0) * cos(x1)", "auto", "");
    unit("u_exp_auto", in2, "exp(0.5 * x0) + x1", "auto", "");
    unit("u_log_auto", pos2, "log(x0 + x1)", "auto", "");
    unit("u_tanh_auto", in2, "tanh(x0) * x1", "auto", "");
    unit("u_sqrt_auto", pos2, "sqrt(x0) - x1", "auto", "");
    unit("u_sin_small", in2, "sin(x0)", "uniform", "functions: {sin: {size: 32, degree: 2}}\n");
    unit("u_div", pos2, "x0 / x1", "uniform", "");
    unit("u_poly", "inputs: {count: 3, range: [-1, 1]}\n", "1.37 * x0 * x0 - 0.61 * x1 * x2 + 2.9 * x2",
        "uniform", "");
    // added with the Resource-based model (never fitted): the other unit kinds, both plans, the other operators
    unit("u_sinh", "inputs: {count: 2, range: [-1, 1]}\n", "sinh(x0) + x1", "uniform", "");
    unit("u_cosh_auto", "inputs: {count: 2, range: [-1, 1]}\n", "cosh(x0) * x1", "auto", "");
    unit("u_log2", pos2, "log2(x0) - x1", "uniform", "");
    unit("u_log10_auto", pos2, "log10(x0 * x1)", "auto", "");
    unit("u_cos_auto", in2, "cos(x0) + 0.5 * x1", "auto", "");
    // (left to itself, auto picks a 65536-entry tan table here, which Yosys does not map within 10 minutes)
    unit("u_tan_auto", "inputs: {count: 2, range: [-1, 1]}\n", "tan(x0) * x1", "auto",
        "functions: {tan: {size: 256}}\n");
    unit("u_cbrt_auto", pos2, "cbrt(x0 + x1)", "auto", "");
    unit("u_div_auto", pos2, "x0 / x1 + 1.25", "auto", "");
    unit("u_ops", in2, "max(abs(x0), x1) - min(x0, square(x1)) + sign(x0)", "uniform", "");
    unit("u_ops_auto", in2, "cube(x0) + abs(x0 - x1) * 0.375", "auto", "");
  }

  private static void unit(String name, String inputs, String expr, String plan, String extra) {
    UNITS.put(name, "format: sr-hls/v1\nname: " + name + "\n" + inputs + "outputs:\n  - {name: y, expression: \""
        + expr + "\"}\n" + precision(plan) + extra + "testbench: {vectors: 10}\n");
  }

  private static String precision(String plan) {
    return "precision: {default: " + CORPUS_TYPE + (plan.equals("auto") ? ", internal: auto" : "") + "}\n";
  }

  @TempDir Path project;

  /** The calibration table: estimate vs Yosys for LUT, FF, DSP, BRAM, per design and overall. */
  @Test
  void estimateAgainstYosys() throws Exception {
    Yosys yosys = yosys();
    TempProject temp = TempProject.at(project);
    Path models = temp.models();
    List<String> names = new ArrayList<>();
    Path corpus = corpusDirectory();
    if (corpus == null) {
      System.out.println("BENCH rtl-cost: the shared corpus's equations are skipped: ../shared/corpus is absent");
    } else {
      Files.createDirectories(models.resolve("pysr"));
      List<Path> files;
      try (var list = Files.list(corpus)) {
        files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      for (int f = 0; f < files.size(); f++) {
        Path csv = Files.copy(files.get(f), models.resolve("pysr/corpus" + f + ".csv"));
        int rows = HallOfFame.read(csv).rows().size();
        for (int r = 0; r < rows; r++) {
          for (String plan : List.of("uniform", "auto")) {
            // this row's divisor is 0 inside the box: auto refuses it (see design.CorpusAutoPlanTest)
            if (plan.equals("auto") && r == 6 && files.get(f).getFileName().toString().startsWith("mis0butter")) {
              continue;
            }
            String name = "c" + f + "_r" + r + "_" + plan;
            Files.writeString(models.resolve(name + ".sr.yaml"), "format: sr-hls/v1\nname: " + name + "\n"
                + "inputs: {count: 30, range: [0.5, 2]}\noutputs:\n  - {name: y, pysr: {file: pysr/corpus" + f
                + ".csv, select: {row: " + r + "}, variables: one-based}}\n" + precision(plan)
                + "testbench: {vectors: 10}\n");
            names.add(name);
          }
        }
      }
    }
    for (Map.Entry<String, String> u : UNITS.entrySet()) {
      Files.writeString(models.resolve(u.getKey() + ".sr.yaml"), u.getValue());
      names.add(u.getKey());
    }
    // the example itself, as the README builds it
    Files.writeString(models.resolve("jet_tagger.sr.yaml"), Files.readString(example()));
    names.add("jet_tagger");
    for (String plan : List.of("uniform", "auto")) {
      for (String mult : List.of("shift-add", "dsp")) {
        String name = "jet_" + plan + "_" + mult.replace('-', '_');
        Files.writeString(models.resolve(name + ".sr.yaml"), jetTagger(name, plan, mult));
        names.add(name);
      }
    }
    GenerateResult generated = temp.generate();
    assertEquals(names.size(), generated.generated().size());
    String only = System.getProperty("srhls.only");
    if (only != null && !only.isBlank()) {
      names.removeIf(n -> !n.matches(only));
    }

    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    Map<String, Future<Row>> rows = new LinkedHashMap<>();
    for (String name : names) {
      rows.put(name, pool.submit(() -> row(yosys, temp, name)));
    }
    List<Row> done = new ArrayList<>();
    for (Future<Row> f : rows.values()) {
      done.add(f.get());
    }
    pool.shutdown();
    double wall = (System.nanoTime() - start) / 1e9;
    print(done, wall);
    // -Dsrhls.costCsv=FILE: each design's estimated LUTs by kind beside Yosys's counts, to fit the model's factors
    String csv = System.getProperty("srhls.costCsv");
    if (csv != null && !csv.isBlank()) {
      StringBuilder b = new StringBuilder("design,kind,value\n");
      for (Row r : done) {
        b.append(r.name).append(",yosys_lut,").append(r.yosys.lut() + r.yosys.lutram()).append('\n');
        b.append(r.name).append(",yosys_ff,").append(r.yosys.ff()).append('\n');
        b.append(r.name).append(",est_ff,").append(r.est.path("ff").asLong()).append('\n');
        b.append(r.name).append(",est_srl,").append(r.est.path("lutram").asLong()).append('\n');
        r.est.path("lutByKind").fields().forEachRemaining(e -> b.append(r.name).append(',').append(e.getKey())
            .append(',').append(e.getValue().asLong()).append('\n'));
      }
      Files.writeString(Path.of(csv), b);
    }
  }

  /** Item 3's figures: the jet tagger, auto, 5 ns, constants by shift-add and by DSP. */
  @Test
  void jetTagger() throws Exception {
    Yosys yosys = yosys();
    TempProject temp = TempProject.at(project);
    List<String> names = List.of("jet_tagger_shift_add", "jet_tagger_dsp");
    Files.writeString(temp.models().resolve(names.get(0) + ".sr.yaml"), jetTagger(names.get(0), "auto",
        "shift-add"));
    Files.writeString(temp.models().resolve(names.get(1) + ".sr.yaml"), jetTagger(names.get(1), "auto", "dsp"));
    temp.generate();
    for (String name : names) {
      Row r = row(yosys, temp, name);
      System.out.printf(Locale.ROOT, "BENCH jet tagger (auto, 5 ns, constants %s): L = %d cycles (%s ns); Yosys"
          + " 0.23 xcup: %d LUT (+%d LUT as SRL), %d FF, %d CARRY4, %d DSP, %d BRAM18 in %.1f s; estimate: %d LUT"
          + " (+%d SRL), %d FF, %d DSP, %d BRAM18%n", name.endsWith("dsp") ? "on DSP48E2" : "as shift-add",
          r.latency, r.latencyNs, r.yosys.lut(), r.yosys.lutram(), r.yosys.ff(), r.yosys.carry(), r.yosys.dsp(),
          r.yosys.bram18k(), r.seconds, r.est.path("lut").asLong(), r.est.path("lutram").asLong(),
          r.est.path("ff").asLong(), r.est.path("dsp").asLong(), r.est.path("bram18k").asLong());
    }
  }

  private static Path example() {
    return Path.of(System.getProperty("user.dir")).resolveSibling("examples/jet-tagger/src/main/sr"
        + "/jet_tagger.sr.yaml");
  }

  private static String jetTagger(String name, String plan, String constants) throws IOException {
    String text = Files.readString(example()).replace("name: jet_tagger", "name: " + name);
    if (plan.equals("auto")) {
      text = text.replace("  default: ap_fixed<18,8>\n", "  default: ap_fixed<18,8>\n  internal: auto\n");
    }
    return text + "arithmetic: {constant-multiplication: " + constants + "}\n";
  }

  /** One design: its estimate from sr-hls-design.json and Yosys's counts. */
  record Row(String name, JsonNode est, OpenSynthesisReport yosys, int latency, String latencyNs, double seconds) {}

  static Row row(Yosys yosys, TempProject temp, String name) throws IOException {
    Path dir = temp.out().resolve(name);
    JsonNode rtl = JSON.readTree(dir.resolve("sr-hls-design.json").toFile()).path("rtl");
    OpenSynthesis synth = new OpenSynthesis(new ToolRunner(BuildLog.silent()), yosys, Duration.ofMinutes(10),
        BuildLog.silent());
    long start = System.nanoTime();
    Path source = dir.resolve(rtl.path("file").asText());
    if (System.getProperty("srhls.keepRtl") != null) {
      Path keep = Path.of(System.getProperty("srhls.keepRtl"));
      Files.createDirectories(keep);
      Files.copy(source, keep.resolve(name + ".v"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    // -Dsrhls.yosysCache=DIR keeps Yosys's counts by the Verilog's hash, for tuning the model without new runs
    String cache = System.getProperty("srhls.yosysCache");
    Path cached = null;
    if (cache != null && !cache.isBlank()) {
      String text = Files.readString(source).replace(name, "TOP").replaceAll("(?m)^\\s*//.*\n", "");
      cached = Path.of(cache, Integer.toHexString(text.hashCode()) + "-" + text.length() + ".json");
      if (Files.isRegularFile(cached)) {
        return new Row(name, rtl.path("estimate"), JSON.readValue(cached.toFile(), OpenSynthesisReport.class),
            rtl.path("latencyCycles").asInt(), rtl.path("latencyNs").asText(), 0);
      }
    }
    OpenSynthesisReport r = synth.run("xcup", name, List.of(source), temp.work().resolve("yosys-" + name));
    if (cached != null) {
      Files.createDirectories(cached.getParent());
      JSON.writeValue(cached.toFile(), r);
    }

    return new Row(name, rtl.path("estimate"), r, rtl.path("latencyCycles").asInt(),
        rtl.path("latencyNs").asText(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * Whether a design is held out of the fit: the model's factors ({@code RtlCost}) were fitted on the others, so
   * these show the error on designs the fit never saw. A fixed rule, the name's hash, so the split is reproducible;
   * the designs added after the fit ({@link #ADDED}) are held out whatever their hash.
   */
  static boolean heldOut(String name) {
    return Math.floorMod(name.hashCode(), 3) == 0 || ADDED.contains(name);
  }

  /** Designs added to the benchmark after the factors were fitted: none of them took part in the fit. */
  private static final Set<String> ADDED = Set.of("u_sinh", "u_cosh_auto", "u_log2", "u_log10_auto", "u_cos_auto",
      "u_tan_auto", "u_cbrt_auto", "u_div_auto", "u_ops", "u_ops_auto", "jet_tagger");

  private static void print(List<Row> rows, double wall) {
    System.out.println("BENCH rtl-cost: estimate vs Yosys 0.23 (synth_xilinx -family xcup -flatten), per design;"
        + " set: fit = the model's factors were fitted on it, held = held out of the fit");
    System.out.printf(Locale.ROOT, "%-24s %4s %3s | %7s %7s %6s | %7s %7s %6s | %9s | %9s | %5s%n", "design", "set",
        "L", "LUT est", "Yosys", "err", "FF est", "Yosys", "err", "DSP e/Y", "BRAM e/Y", "s");
    long[] totals = new long[8];
    Map<String, Summary> sets = new LinkedHashMap<>();
    sets.put("fit", new Summary());
    sets.put("held", new Summary());
    sets.put("all", new Summary());
    for (Row r : rows) {
      // LUTs as Yosys counts logic; shift registers (SRLC32E) are LUTs too, counted as FFs' replacement
      long el = r.est.path("lut").asLong() + r.est.path("lutram").asLong();
      long yl = r.yosys.lut() + r.yosys.lutram();
      long ef = r.est.path("ff").asLong();
      long yf = r.yosys.ff();
      long ed = r.est.path("dsp").asLong();
      long eb = r.est.path("bram18k").asLong();
      String set = heldOut(r.name) ? "held" : "fit";
      for (Summary m : List.of(sets.get(set), sets.get("all"))) {
        m.add(r.name, el, yl, ef, yf, ed == r.yosys.dsp(), eb == r.yosys.bram18k());
      }
      long[] add = {el, yl, ef, yf, ed, r.yosys.dsp(), eb, r.yosys.bram18k()};
      for (int i = 0; i < add.length; i++) {
        totals[i] += add[i];
      }
      System.out.printf(Locale.ROOT, "%-24s %4s %3d | %7d %7d %5.0f%%%s| %7d %7d %5.0f%%%s| %4d/%-4d | %4d/%-4d |"
          + " %5.1f%n", r.name, set, r.latency, el, yl, error(el, yl) * 100, within(el, yl) ? " " : "!", ef, yf,
          error(ef, yf) * 100, within(ef, yf) ? " " : "!", ed, r.yosys.dsp(), eb, r.yosys.bram18k(), r.seconds);
    }
    System.out.printf(Locale.ROOT, "%-24s %4s %3s | %7d %7d %5.0f%%  | %7d %7d %5.0f%%  | %4d/%-4d | %4d/%-4d |%n",
        "total", "", "", totals[0], totals[1], error(totals[0], totals[1]) * 100, totals[2], totals[3],
        error(totals[2], totals[3]) * 100, totals[4], totals[5], totals[6], totals[7]);
    for (Map.Entry<String, Summary> e : sets.entrySet()) {
      Summary m = e.getValue();
      System.out.printf(Locale.ROOT, "BENCH rtl-cost %-4s: %d designs; LUT within +-25%% %d (mean |err| %.1f%%,"
          + " worst %+.0f%% %s), FF within +-25%% %d (mean |err| %.1f%%, worst %+.0f%% %s), DSP exact %d, BRAM"
          + " exact %d%n", e.getKey(), m.designs, m.lutWithin, 100 * m.lutErr / Math.max(1, m.designs),
          100 * m.worstLut, m.worstLutName, m.ffWithin, 100 * m.ffErr / Math.max(1, m.designs), 100 * m.worstFf,
          m.worstFfName, m.dspExact, m.bramExact);
    }
    System.out.printf(Locale.ROOT, "BENCH rtl-cost: Yosys wall time %.0f s on 2 threads (0 s for counts taken from"
        + " -Dsrhls.yosysCache)%n", wall);
    // without the shared corpus (or with -Dsrhls.only) the table is smaller: the repository's own designs
    assertTrue(rows.size() >= 30 || corpusDirectory() == null || System.getProperty("srhls.only") != null,
        "at least 30 designs");
  }

  /** Hits and errors of one set of designs. */
  private static final class Summary {
    int designs;
    int lutWithin;
    int ffWithin;
    int dspExact;
    int bramExact;
    double lutErr;
    double ffErr;
    double worstLut;
    double worstFf;
    String worstLutName = "-";
    String worstFfName = "-";

    void add(String name, long el, long yl, long ef, long yf, boolean dsp, boolean bram) {
      designs++;
      lutWithin += within(el, yl) ? 1 : 0;
      ffWithin += within(ef, yf) ? 1 : 0;
      dspExact += dsp ? 1 : 0;
      bramExact += bram ? 1 : 0;
      double l = error(el, yl);
      double f = error(ef, yf);
      lutErr += Math.abs(l);
      ffErr += Math.abs(f);
      if (Math.abs(l) > Math.abs(worstLut)) {
        worstLut = l;
        worstLutName = name;
      }
      if (Math.abs(f) > Math.abs(worstFf)) {
        worstFf = f;
        worstFfName = name;
      }
    }
  }

  /** Relative error of the estimate; designs of a few cells are judged by an absolute margin of 8 instead. */
  private static double error(long est, long actual) {
    return actual == 0 ? (est == 0 ? 0 : 1) : (double) (est - actual) / actual;
  }

  private static boolean within(long est, long actual) {
    return Math.abs(est - actual) <= Math.max(8, 0.25 * actual);
  }

  private static Path corpusDirectory() {
    return SharedCorpus.find().orElse(null);
  }

  static Yosys yosys() {
    var program = Yosys.find(null, System.getenv("PATH"));
    Assumptions.assumeTrue(program.isPresent(), "skipped: no yosys on the PATH");
    return Yosys.locate(new ToolRunner(BuildLog.silent()), null, System.getenv("PATH"));
  }
}
