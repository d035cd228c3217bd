package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import io.github.srhls.core.toolchain.yosys.Yosys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which registers around a product Yosys moves into the DSP slice: every form of register the emitter could write
 * (no reset and no enable; on the operands, after the product, on the output; in one always block or beside a
 * product on a wire), for 7-series (DSP48E1) and UltraScale+ (DSP48E2). Yosys 0.23 packs them all into a DSP48E1 and
 * none into a DSP48E2, so the emitter writes plain registers; the benchmark fails if a Yosys ever packs one, which
 * is the day to write that form where the delay model uses the DSP's registers. Run with
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=DspRegisterBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (about a minute).
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class DspRegisterBenchmark {
  private static final String HEADER = "(input wire clk, input wire signed [15:0] a, b, output ";

  /** Module name, its register bits, its text: a signed 16 x 16 product with registers around it. */
  private static final Map<String, Object[]> FORMS = new LinkedHashMap<>();

  static {
    form("preg", 32, "reg signed [31:0] p);\n  always @(posedge clk) p <= a * b;\n");
    form("abreg", 32, "wire signed [31:0] p);\n  reg signed [15:0] ar, br;\n"
        + "  always @(posedge clk) begin ar <= a; br <= b; end\n  assign p = ar * br;\n");
    form("abreg_preg", 64, "reg signed [31:0] p);\n  reg signed [15:0] ar, br;\n"
        + "  always @(posedge clk) begin ar <= a; br <= b; p <= ar * br; end\n");
    form("mreg_preg", 64, "reg signed [31:0] p);\n  reg signed [31:0] m;\n"
        + "  always @(posedge clk) begin m <= a * b; p <= m; end\n");
    form("abmp", 96, "reg signed [31:0] p);\n  reg signed [15:0] ar, br;\n  reg signed [31:0] m;\n"
        + "  always @(posedge clk) begin ar <= a; br <= b; m <= ar * br; p <= m; end\n");
    // the emitter's own form: the product on a wire, its register in the pipeline's register block
    form("emitted", 32, "wire signed [31:0] p);\n  wire signed [31:0] w;\n"
        + "  assign w = $signed({{16{a[15]}}, a}) * $signed({{16{b[15]}}, b});\n  reg signed [31:0] q;\n"
        + "  always @(posedge clk) begin\n    q <= w;\n  end\n  assign p = q;\n");
  }

  private static void form(String name, int bits, String body) {
    FORMS.put(name, new Object[] {bits, "module " + name + HEADER + body + "endmodule\n"});
  }

  @TempDir Path dir;

  @Test
  void registersAroundAProduct() throws Exception {
    Yosys yosys = RtlCostBenchmark.yosys();
    OpenSynthesis synth = new OpenSynthesis(new ToolRunner(BuildLog.silent()), yosys, Duration.ofMinutes(5),
        BuildLog.silent());
    for (Map.Entry<String, Object[]> f : FORMS.entrySet()) {
      Path source = Files.writeString(dir.resolve(f.getKey() + ".v"), (String) f.getValue()[1]);
      int bits = (Integer) f.getValue()[0];
      OpenSynthesisReport e1 = synth.run("xc7", f.getKey(), List.of(source), dir.resolve("xc7-" + f.getKey()));
      OpenSynthesisReport e2 = synth.run("xcup", f.getKey(), List.of(source), dir.resolve("xcup-" + f.getKey()));
      System.out.printf(Locale.ROOT, "BENCH dsp registers %-10s (%2d register bits): xc7 %d DSP48E1 + %d FF;"
          + " xcup %d DSP48E2 + %d FF%n", f.getKey(), bits, e1.dsp(), e1.ff(), e2.dsp(), e2.ff());
      assertEquals(1, e1.dsp(), f.getKey());
      assertEquals(0, e1.ff(), f.getKey() + ": Yosys packs every register into a DSP48E1");
      assertEquals(1, e2.dsp(), f.getKey());
      assertEquals(bits, e2.ff(), f.getKey() + ": Yosys packs no register into a DSP48E2; if it now does, write"
          + " this form where the delay model uses the DSP's registers");
    }
  }
}
