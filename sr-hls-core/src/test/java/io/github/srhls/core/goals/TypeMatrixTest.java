package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.BitAccurateModel;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every type the reader accepts, across widths 1 to 64, signed and unsigned, I below 0 and above W and every Q/O
 * mode somewhere, through generate, host C simulation (g++ against the project's headers, compared with the Java
 * model's expected outputs) and package, for every node kind and function unit. A type with every node kind in one
 * model, so one g++ compilation per type; the types run two at a time. One type in five has its internal nodes
 * planned ({@code internal: auto}: planned types and constants, inputs clamped into their declared ranges).
 *
 * <p>Nothing is refused: the host header computes every intermediate these types produce (up to the vendor's 1024
 * bits). The testbench compares outputs through to_double(), exact up to 53 significant bits; for wider types the outputs
 * are also compared exactly, as the rounded double and the exact rest, by a small driver of the generated firmware.
 */
class TypeMatrixTest {
  /** Output name, expression, and the expression as messages print it. */
  private record Out(String name, String expression, String text) {}

  private static final List<Out> OUTPUTS = List.of(
      new Out("add", "a + b", "a + b"), new Out("sub", "a - b", "a - b"), new Out("mul", "a * b", "a*b"),
      new Out("div", "a / b", "a/b"), new Out("neg", "-a", "-a"), new Out("abs", "abs(a)", "abs(a)"),
      new Out("sgn", "sign(a)", "sign(a)"), new Out("max", "max(a, b)", "max(a, b)"),
      new Out("min", "min(a, b)", "min(a, b)"), new Out("addc", "a + 0.375", "a + 0.375"),
      new Out("mulc", "b * 1.5", "b*1.5"), new Out("sin", "sin(a)", "sin(a)"), new Out("cos", "cos(a)", "cos(a)"),
      new Out("tan", "tan(a)", "tan(a)"), new Out("tanh", "tanh(a)", "tanh(a)"), new Out("exp", "exp(a)", "exp(a)"),
      new Out("log", "log(b)", "log(b)"), new Out("log2", "log2(b)", "log2(b)"),
      new Out("log10", "log10(b)", "log10(b)"), new Out("sqrt", "sqrt(b)", "sqrt(b)"),
      new Out("cbrt", "cbrt(a)", "cbrt(a)"));

  /** The widths named in the issue, then random others so that the whole of 1..64 is reached over time. */
  private static final int[] WIDTHS = {1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 47, 48, 53, 54, 63, 64};
  private static final int RANDOM_WIDTHS = 3;
  @TempDir Path root;

  @Test
  void everyWidthSignednessAndNodeKindBuildsSimulatesBitAccuratelyAndPackages() throws Exception {
    long start = System.nanoTime();
    List<FixedType> types = types(new Random(14));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<FixedType, Future<List<String>>> runs = new LinkedHashMap<>();
    try {
      for (int k = 0; k < types.size(); k++) {
        FixedType t = types.get(k);
        Path dir = root.resolve("t" + k);
        boolean auto = k % 5 == 4;
        runs.put(t, pool.submit(() -> run(dir, t, auto)));
      }
      List<String> problems = new ArrayList<>();
      for (Map.Entry<FixedType, Future<List<String>>> r : runs.entrySet()) {
        for (String line : r.getValue().get()) {
          problems.add(r.getKey().cpp() + ": " + line);
        }
      }
      System.out.println("TypeMatrixTest: " + types.size() + " types x " + OUTPUTS.size() + " outputs; "
          + EXACT_VALUES.get() + " values of types wider than "
          + DOUBLE_BITS + " bits compared exactly; " + String.format(java.util.Locale.ROOT, "%.1f s",
          (System.nanoTime() - start) / 1e9));
      assertTrue(EXACT_VALUES.get() > 0, "no value compared exactly");
      assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each width signed and unsigned; I below 0, within and above W in turn; the modes cycled. */
  static List<FixedType> types(Random random) {
    List<Integer> widths = new ArrayList<>();
    for (int w : WIDTHS) {
      widths.add(w);
    }
    for (int k = 0; k < RANDOM_WIDTHS; k++) {
      widths.add(1 + random.nextInt(64));
    }
    Quantization[] qs = Quantization.values();
    Overflow[] os = Overflow.values();
    List<FixedType> types = new ArrayList<>();
    int n = 0;
    for (int w : widths) {
      for (boolean signed : new boolean[] {true, false}) {
        int i = switch (n % 4) {
          case 0 -> w / 2;                      // within
          case 1 -> -1 - random.nextInt(8);     // below 0
          case 2 -> w + 1 + random.nextInt(8);  // above W
          default -> random.nextInt(w + 1);
        };
        i = Math.max(-64, Math.min(64, i));  // what the reader accepts
        Quantization q = qs[n % qs.length];
        Overflow o = os[n % os.length];
        if (o == Overflow.AP_WRAP_SM && !signed) {
          o = Overflow.AP_WRAP;
        }
        int sat = (o == Overflow.AP_WRAP || o == Overflow.AP_WRAP_SM) && n % 3 == 0 ? Math.min(w, 2) : 0;
        if (n % 10 == 9) {
          types.add(signed ? FixedType.apInt(w) : FixedType.apUint(w));
        } else {
          types.add(new FixedType(signed, w, i, q, o, sat, false));
        }
        n++;
      }
    }
    return types;
  }

  /** Generate, simulate and package one type's model: its problems. */
  private static List<String> run(Path dir, FixedType t, boolean auto) throws IOException {
    List<String> lines = new ArrayList<>();
    List<Out> outputs = new ArrayList<>(OUTPUTS);
    if (auto) {
      outputs.removeIf(o -> o.name().equals("tan"));  // its poles leave the plan no bound
    }
    TempProject p = TempProject.at(dir);
    while (true) {
      Files.writeString(p.models().resolve("m.sr.yaml"), model(t, outputs, auto));
      try {
        p.generate();
        break;
      } catch (SrHlsException e) {
        String m = e.getMessage();
        if (auto && m.contains("precision.error")) {
          // the plan's own limits (no bound, a node of more than 64 bits for the budget), not the type's: say so
          // and drop the output the message names
          System.out.println("TypeMatrixTest: " + t.cpp() + " under auto: " + m);
          Out named = outputs.stream().filter(o -> m.contains("output '" + o.name() + "'")).findFirst().orElse(null);
          if (named == null) {
            return lines;
          }
          outputs.remove(named);
          continue;
        }
        lines.add("generate failed: " + m);
        return lines;
      }
    }
    try {
      TestResult r = p.simulate();
      assertEquals(1, r.models().size());
      if (r.models().get(0).mismatches() != 0 || r.models().get(0).vectors() == 0) {
        lines.add("host csim: " + r.models().get(0).summary());
      }
      if (t.width() > DOUBLE_BITS) {
        lines.addAll(exactly(p, t));
      }
      Path zips = dir.resolve("target");
      if (new PackageOrchestrator().run(io.github.srhls.core.goals.PackageRequest.builder()
          .outputDirectory(p.out()).workDirectory(p.work()).zipDirectory(zips).finalName("matrix-1.0.0")
          .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z")).log(BuildLog.silent()).build()).size() != 1) {
        lines.add("package: no zip");
      }
    } catch (SrHlsException e) {
      lines.add(e.getMessage());
    }
    return lines;
  }

  /** Values compared exactly, over all types. */
  private static final java.util.concurrent.atomic.AtomicInteger EXACT_VALUES =
      new java.util.concurrent.atomic.AtomicInteger();
  /** A double's significand: wider outputs are also compared exactly. */
  private static final int DOUBLE_BITS = 53;

  /**
   * Each output of each vector exactly: the firmware compiled with a driver that prints the output's to_double()
   * and the exact rest, against the Java model's output in the result type.
   */
  private static List<String> exactly(TempProject p, FixedType t) throws IOException {
    Path gen = p.out().resolve("m");
    // the double and the rest, in a type one bit wider each way, which holds both exactly
    String wide = "ap_fixed<" + (t.width() + 2) + "," + (t.intBits() + 2) + ">";
    String driver = "#include \"m.h\"\n#include <cstdio>\nint main() {\n"
        + "  FILE* f = fopen(\"" + gen.resolve(TestbenchData.INPUTS) + "\", \"r\");\n"
        + "  double d[N_INPUTS];\n  input_t x[N_INPUTS];\n  result_t y[N_OUTPUTS];\n"
        + "  while (fscanf(f, \"%lf %lf\", &d[0], &d[1]) == 2) {\n"
        + "    for (int i = 0; i < N_INPUTS; i++) x[i] = input_t(d[i]);\n    m(x, y);\n"
        + "    for (int k = 0; k < N_OUTPUTS; k++) {\n      const double hi = y[k].to_double();\n"
        + "      printf(\"%.17g %.17g\\n\", hi, (" + wide + "(y[k]) - " + wide + "(hi)).to_double());\n    }\n  }\n"
        + "  return 0;\n}\n";
    Path source = gen.resolve("exact_driver.cpp");
    Files.writeString(source, driver);
    Path exe = gen.resolve("exact_driver");
    String compiled = run(List.of("g++", "-std=c++14", "-O0", "-I" + p.work().resolve("m/include"),
        "-I" + gen.resolve("firmware"), source.toString(), gen.resolve("firmware/m.cpp").toString(), "-o",
        exe.toString()));
    if (compiled == null) {
      return List.of("exact driver: g++ failed");
    }
    String printed = run(List.of(exe.toString()));
    if (printed == null) {
      return List.of("exact driver: failed to run");
    }
    ModelSpec spec = new ModelReader().read(p.models().resolve("m.sr.yaml"), p.root(), "1.0.0");
    CompiledModel model = new ModelCompiler(p.root()).compile(spec);
    BitAccurateModel java = new BitAccurateModel(ModelDesign.of(spec, model, "m.sr.yaml"));
    FixedType wideType = FixedType.fixed(t.width() + 2, t.intBits() + 2);
    String[] got = printed.strip().split("\n");
    List<String> vectors = Files.readAllLines(gen.resolve(TestbenchData.INPUTS));
    List<String> problems = new ArrayList<>();
    int line = 0;
    for (String v : vectors) {
      if (v.isBlank()) {
        continue;
      }
      String[] xs = v.strip().split("\\s+");
      Fixed[] ys = java.outputs(new double[] {Double.parseDouble(xs[0]), Double.parseDouble(xs[1])});
      for (Fixed y : ys) {
        double hi = y.toDouble();
        double rest = y.sub(Fixed.fromDouble(hi, wideType)).toDouble();
        String expected = hi + " " + rest;
        String[] g = line < got.length ? got[line].split(" ") : new String[] {"?", "?"};
        if (Double.parseDouble(g[0]) != hi || Double.parseDouble(g[1]) != rest) {
          problems.add("exact: vector " + v.strip() + ", output " + (line % ys.length) + ": expected " + expected
              + ", got " + got[Math.min(line, got.length - 1)]);
        }
        line++;
      }
    }
    EXACT_VALUES.addAndGet(line);
    return problems.size() > 3 ? problems.subList(0, 3) : problems;
  }

  /** Runs a command; its output, or null when it fails. */
  private static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      return process.waitFor() == 0 ? out : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Inputs a (the type's whole range) and b (its positive part), every output, all in the one type. */
  private static String model(FixedType t, List<Out> outputs, boolean auto) {
    double min = Fixed.min(t).toDouble();
    double max = Fixed.max(t).toDouble();
    double lsb = Math.scalb(1.0, -t.fracBits());
    if (auto) {
      // the plan sizes every node for the ranges: keep them moderate where the type allows
      min = Math.max(min, -2);
      max = Math.min(max, 2);
    }
    StringBuilder b = new StringBuilder("format: sr-hls/v1\nname: m\ninputs:\n")
        .append("  - {name: a, range: [").append(min).append(", ").append(max).append("]}\n")
        .append("  - {name: b, range: [").append(lsb).append(", ").append(Math.max(lsb, max)).append("]}\n")
        .append("outputs:\n");
    for (Out o : outputs) {
      b.append("  - {name: ").append(o.name()).append(", expression: '").append(o.expression()).append("'}\n");
    }
    // under auto a budget of 64 LSBs of the type: more than the declared types fix, and small tables
    return b.append("precision: {default: '").append(t.cpp())
        .append(auto ? "', internal: auto, error: " + 64 * lsb + "}\n" : "'}\nfunctions: {default: {size: 4}}\n")
        .append("testbench: {vectors: 40}\n").toString();
  }
}
