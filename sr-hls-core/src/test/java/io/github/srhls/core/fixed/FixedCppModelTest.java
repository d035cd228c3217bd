package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random model the size the emitter produces (16 inputs, 100 nodes, each assigned to a declared type), compiled at
 * -O2 against our headers and compared node for node with the Java model over 2000 input vectors; then timed over
 * {@code srhls.fixed.modelRuns} vectors (default 10^6), whose checksum the Java side reproduces.
 */
class FixedCppModelTest {

  private static final int INPUTS = 16;
  private static final int NODES = 100;
  private static final int VECTORS = 2000;
  private static final long RUNS = Long.getLong("srhls.fixed.modelRuns", 1_000_000L);

  private static final FixedType IN = FixedType.fixed(16, 6);
  private static final List<FixedType> TYPES = List.of(
      FixedType.parse("ap_fixed<18,8,AP_RND,AP_SAT>"), FixedType.parse("ap_fixed<24,10,AP_RND_CONV,AP_SAT>"),
      FixedType.parse("ap_fixed<16,6>"), FixedType.parse("ap_fixed<20,4,AP_RND,AP_WRAP>"),
      FixedType.parse("ap_ufixed<16,8,AP_RND,AP_SAT>"), FixedType.parse("ap_fixed<32,12,AP_TRN_ZERO,AP_SAT_SYM>"));
  /** Denominators are d_t(b * b + d_t(0.5)): saturating and rounding, so never zero. */
  private static final int DENOMINATOR = 0;

  /** One node: its kind, operand indices (inputs first, then nodes) and the index of its declared type. */
  record Node(Kind kind, FixedOp op, int a, int b, int type) {
  }

  enum Kind { BINARY, NEGATION, QUOTIENT, COMPOUND }

  @TempDir
  Path work;

  private final Random random = new Random(42);

  @Test
  void generatedModelAgreesNodeForNodeAndRunsFast() throws IOException {
    Assumptions.assumeTrue(Gpp.available(), "no g++ on the PATH");
    List<Node> nodes = randomModel();
    Files.writeString(work.resolve("model.h"), cpp(nodes), StandardCharsets.US_ASCII);

    List<double[]> vectors = new ArrayList<>();
    StringBuilder input = new StringBuilder();
    for (int v = 0; v < VECTORS; v++) {
      double[] x = new double[INPUTS];
      for (int i = 0; i < INPUTS; i++) {
        x[i] = random.nextInt(8) == 0 ? random.nextGaussian() * 40 : random.nextGaussian() * 4;
        input.append(Long.toHexString(Double.doubleToRawLongBits(x[i]))).append(i + 1 < INPUTS ? ' ' : '\n');
      }
      vectors.add(x);
    }
    Path inputFile = work.resolve("vectors.txt");
    Files.writeString(inputFile, input, StandardCharsets.US_ASCII);

    long start = System.nanoTime();
    Path driver = FixedCppHeadersTest.resource(work, "model_driver.cpp");
    FixedCppHeadersTest.resource(work, "print_i128.h");
    Path exe = Gpp.compile(work, driver, List.of("-std=c++14", "-O2", "-I" + work));
    double compileSeconds = (System.nanoTime() - start) / 1e9;

    Gpp.Outcome run = Gpp.run(List.of(exe.toString()), inputFile, 120);
    assertEquals(0, run.exitCode(), run.output());
    String[] lines = run.output().split("\n");
    assertEquals(VECTORS, lines.length);
    List<BigInteger[]> expected = new ArrayList<>();
    for (int v = 0; v < VECTORS; v++) {
      BigInteger[] raws = evaluate(nodes, vectors.get(v));
      expected.add(raws);
      String[] got = lines[v].split(" ");
      for (int k = 0; k < NODES; k++) {
        assertEquals(raws[k].toString(), got[k], "vector " + v + ", node v" + k + " = " + nodes.get(k));
      }
    }

    start = System.nanoTime();
    Gpp.Outcome timed = Gpp.run(List.of(exe.toString(), Long.toString(RUNS)), inputFile, 300);
    double runSeconds = (System.nanoTime() - start) / 1e9;
    assertEquals(0, timed.exitCode(), timed.output());
    long checksum = 0;
    for (long r = 0; r < RUNS; r++) {
      for (BigInteger raw : expected.get((int) (r % VECTORS))) {
        checksum = checksum * 31 + raw.longValue();
      }
    }
    assertEquals(Long.toUnsignedString(checksum), timed.output().strip());
    System.out.printf("fixed-point model test: %d inputs, %d nodes agree on %d vectors; g++ -O2 %.1f s;"
        + " %d vectors in %.2f s (input reading included)%n", INPUTS, NODES, VECTORS, compileSeconds, RUNS, runSeconds);
    // generous bound: a template explosion would show up as minutes, not as the usual second
    assertTrue(compileSeconds < 60, "compiling a 100-node model took " + compileSeconds + " s");
  }

  private List<Node> randomModel() {
    List<Node> nodes = new ArrayList<>();
    for (int k = 0; k < NODES; k++) {
      int available = INPUTS + k;
      int a = operand(available);
      int b = operand(available);
      int type = random.nextInt(TYPES.size());
      int r = random.nextInt(20);
      FixedOp op = List.of(FixedOp.ADD, FixedOp.SUB, FixedOp.MUL).get(random.nextInt(3));
      Kind kind = r < 13 ? Kind.BINARY : r < 15 ? Kind.NEGATION : r < 17 ? Kind.QUOTIENT : Kind.COMPOUND;
      nodes.add(new Node(kind, op, a, b, type));
    }
    return nodes;
  }

  /** Mostly recent values, so that chains get deep. */
  private int operand(int available) {
    return random.nextBoolean() ? random.nextInt(available) : Math.max(0, available - 1 - random.nextInt(6));
  }

  private static String name(int index) {
    return index < INPUTS ? "x[" + index + "]" : "v" + (index - INPUTS);
  }

  private static String cpp(List<Node> nodes) {
    StringBuilder s = new StringBuilder("// generated by FixedCppModelTest\ntypedef ").append(IN.cpp())
        .append(" in_t;\n#define SRHLS_INPUTS ").append(INPUTS).append('\n');
    for (int t = 0; t < TYPES.size(); t++) {
      s.append("typedef ").append(TYPES.get(t).cpp()).append(" t").append(t).append(";\n");
    }
    s.append("template <class Out> static void model(const in_t* x, Out& out) {\n");
    for (int k = 0; k < NODES; k++) {
      Node n = nodes.get(k);
      String t = "t" + n.type();
      String v = "v" + k;
      String a = name(n.a());
      String b = name(n.b());
      String d = "t" + DENOMINATOR;
      s.append("  ").append(switch (n.kind()) {
        case BINARY -> "const " + t + " " + v + " = " + a + " " + cpp(n.op()) + " " + b + ";";
        case NEGATION -> "const " + t + " " + v + " = -" + a + ";";
        case QUOTIENT -> "const " + t + " " + v + " = " + a + " / " + d + "(" + b + " * " + b + " + " + d + "(0.5));";
        case COMPOUND -> t + " " + v + " = " + a + ";\n  " + v + " " + cpp(n.op()) + "= " + b + ";";
      }).append("\n  out(").append(v).append(");\n");
    }
    return s.append("}\n").toString();
  }

  private static BigInteger[] evaluate(List<Node> nodes, double[] x) {
    Fixed[] values = new Fixed[INPUTS + NODES];
    for (int i = 0; i < INPUTS; i++) {
      values[i] = Fixed.fromDouble(x[i], IN);
    }
    FixedType d = TYPES.get(DENOMINATOR);
    BigInteger[] raws = new BigInteger[NODES];
    for (int k = 0; k < NODES; k++) {
      Node n = nodes.get(k);
      FixedType t = TYPES.get(n.type());
      Fixed a = values[n.a()];
      Fixed b = values[n.b()];
      Fixed v = switch (n.kind()) {
        case BINARY -> apply(n.op(), a, b).cast(t);
        case NEGATION -> a.neg().cast(t);
        case QUOTIENT -> a.div(b.mul(b).add(Fixed.fromDouble(0.5, d)).cast(d)).cast(t);
        case COMPOUND -> apply(n.op(), a.cast(t), b).cast(t);
      };
      values[INPUTS + k] = v;
      raws[k] = v.raw();
    }
    return raws;
  }

  /** {@code a op b} at full precision. */
  /** The C++ operator. */
  private static String cpp(FixedOp op) {
    return switch (op) {
      case ADD -> "+";
      case SUB -> "-";
      case MUL -> "*";
      case DIV -> "/";
    };
  }

  private static Fixed apply(FixedOp op, Fixed a, Fixed b) {
    return switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> a.div(b);
    };
  }
}
