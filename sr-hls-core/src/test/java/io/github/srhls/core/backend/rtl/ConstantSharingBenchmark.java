package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adders before and after sharing the partial sums of constants that multiply one node: every design lowered with
 * each product by a constant planned alone, and with the shared graphs, constants as shift-add and chosen by cost
 * (auto); the adder and subtractor cells, and the estimate's LUTs and DSPs. The example jet tagger and the shared
 * corpus's equations, both plans. Run with {@code ./mvnw -B -o -q test -pl sr-hls-core -Dsrhls.benchmarks=true
 * -Dtest=ConstantSharingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; no Yosys.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class ConstantSharingBenchmark {
  private static final String TYPE = "\"ap_fixed<24,10,AP_RND,AP_SAT>\"";

  @TempDir Path root;

  @Test
  void addersBeforeAndAfterSharing() throws Exception {
    Map<String, String> models = new LinkedHashMap<>();
    String tagger = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling(
        "examples/jet-tagger/src/main/sr/jet_tagger.sr.yaml"));
    models.put("jet_uniform", tagger);
    models.put("jet_auto", tagger.replace("  default: ap_fixed<18,8>\n", "  default: ap_fixed<18,8>\n"
        + "  internal: auto\n"));
    // a linear layer of 8 inputs and 6 outputs: each input times six constants, where sharing has something to do
    java.util.Random random = new java.util.Random(7);
    StringBuilder linear = new StringBuilder("format: sr-hls/v1\nname: m\ninputs: {count: 8, range: [-1, 1]}\n"
        + "outputs:\n");
    for (int j = 0; j < 6; j++) {
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        terms.add(String.format(Locale.ROOT, "%.4f * x%d", random.nextDouble() * 4 - 2, i));
      }
      linear.append("  - {name: y").append(j).append(", expression: \"").append(String.join(" + ", terms))
          .append("\"}\n");
    }
    models.put("linear_8x6", linear + "precision: {default: " + TYPE + "}\n");
    Path corpus = SharedCorpus.find().orElse(null);
    if (corpus == null) {
      System.out.println("BENCH constant sharing: the shared corpus is absent; the jet tagger only");
    } else {
      Files.createDirectories(root.resolve("pysr"));
      List<Path> files;
      try (var list = Files.list(corpus)) {
        files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      for (int f = 0; f < files.size(); f++) {
        Path csv = Files.copy(files.get(f), root.resolve("pysr/corpus" + f + ".csv"));
        int rows = HallOfFame.read(csv).rows().size();
        for (int r = 0; r < rows; r++) {
          for (String plan : List.of("uniform", "auto")) {
            models.put("c" + f + "_r" + r + "_" + plan, "format: sr-hls/v1\nname: m\n"
                + "inputs: {count: 30, range: [0.5, 2]}\noutputs:\n  - {name: y, pysr: {file: pysr/corpus" + f
                + ".csv, select: {row: " + r + "}, variables: one-based}}\nprecision: {default: " + TYPE
                + (plan.equals("auto") ? ", internal: auto" : "") + "}\n");
          }
        }
      }
    }
    long[][] total = new long[2][6];
    int designs = 0;
    int changed = 0;
    int[] sameVerilog = new int[2];
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> m : models.entrySet()) {
      Path file = root.resolve(m.getKey() + ".sr.yaml");
      Files.writeString(file, m.getValue());
      Design design;
      try {
        ModelSpec spec = new ModelReader().read(file, root, "1.0.0");
        design = ModelDesign.of(spec, new ModelCompiler(root).compile(spec), file.getFileName().toString());
      } catch (RuntimeException e) {
        System.out.println("BENCH constant sharing: " + m.getKey() + " skipped: " + e.getMessage());
        continue;
      }
      if (RtlEmitter.limitation(design) != null) {
        continue;
      }
      designs++;
      boolean differs = false;
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", m.getKey()));
      for (int s = 0; s < 2; s++) {
        ConstantProduct.Strategy strategy = s == 0 ? ConstantProduct.Strategy.SHIFT_ADD
            : ConstantProduct.Strategy.AUTO;
        long[] alone = figures(design, strategy, false, m.getKey() + "_" + strategy + "_alone");
        long[] shared = figures(design, strategy, true, m.getKey() + "_" + strategy + "_shared");
        if (strategy == ConstantProduct.Strategy.SHIFT_ADD) {
          // the shared graph's bound: never more adders than the constants' separate CSD plans
          assertTrue(shared[0] <= alone[0], m.getKey() + ": " + shared[0] + " adders shared > " + alone[0] + " alone");
        }
        if (alone[3] == shared[3]) {
          sameVerilog[s]++;
        }
        for (int k = 0; k < 3; k++) {
          total[s][k] += alone[k];
          total[s][3 + k] += shared[k];
        }
        differs |= alone[0] != shared[0] || alone[2] != shared[2];
        line.append(String.format(Locale.ROOT, " | %s: adders %d -> %d, LUT ~%d -> ~%d, DSP %d -> %d",
            strategy, alone[0], shared[0], alone[1], shared[1], alone[2], shared[2]));
      }
      if (differs) {
        changed++;
        lines.add(line.toString());
      }
    }
    lines.forEach(l -> System.out.println("BENCH " + l));
    for (int s = 0; s < 2; s++) {
      System.out.printf(Locale.ROOT, "BENCH constant sharing, %s, %d designs (%d changed): adder cells %d -> %d, "
          + "estimated LUT %d -> %d, DSP %d -> %d; byte-identical Verilog: %d designs%n", s == 0 ? "shift-add"
          : "auto", designs, changed, total[s][0], total[s][3], total[s][1], total[s][4], total[s][2], total[s][5],
          sameVerilog[s]);
    }
  }

  /** Adder and subtractor cells, the estimate's LUTs and DSPs, at 5 ns on UltraScale+; the Verilog's hash. */
  private static long[] figures(Design design, ConstantProduct.Strategy strategy, boolean share, String name)
      throws java.io.IOException {
    Netlist net = new Netlist();
    DelayModel delays = DelayModel.ULTRASCALE_PLUS_2;
    DesignLowering.lower(design, net, new Arith(net, delays, 5), strategy, "", share);
    Schedule schedule = Schedule.of(net, delays, 5);
    RtlCost cost = RtlCost.of(net, schedule);
    String text = VerilogWriter.module("m", net, schedule, List.of());
    // -Dsrhls.keepRtl=DIR: each design's Verilog, for synthesising the two side by side
    String keep = System.getProperty("srhls.keepRtl");
    if (keep != null && !keep.isBlank()) {
      Files.createDirectories(Path.of(keep));
      Files.writeString(Path.of(keep, name + ".v"), text);
    }
    long verilog = text.hashCode();
    long adders = net.cells().stream().filter(c -> c.what().startsWith("adder") || c.what().startsWith("subtractor")
        || c.what().startsWith("negation")).count();
    return new long[] {adders, cost.lut() + cost.lutram(), cost.dsp(), verilog};
  }
}
