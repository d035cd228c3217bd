package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add, sub, neg, mul (one DSP and split), mulConst (adder graph and DSP), compare, select and divide of
 * {@link Arith}, simulated by the real Verilator against {@link Fixed} bit for bit, on random operand types of 1 to
 * 64 bits (signed and unsigned, I negative and beyond W) and values with edges (min, max, 0, +-1 LSB, most negative
 * with -1 LSB for the divider's wrap). One Verilator build holds all the cases.
 */
class ArithOpsTest {
  private static final int OPERANDS = 16;
  private static final int VECTORS = 1200;
  private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};

  /** One output: its port, what it computes in Java (null: no defined value, skipped), and its type. */
  record Case(String port, String what, Function<List<Fixed>, Fixed> expected) {}

  @Test
  void everyOperationMatchesTheJavaModelBitForBit(@TempDir Path dir) throws Exception {
    Random random = new Random(31);
    Netlist net = new Netlist();
    Arith arith = new Arith(net, DelayModel.ULTRASCALE_PLUS_2);
    List<Signal> in = new ArrayList<>();
    for (int i = 0; i < OPERANDS; i++) {
      int w = i < 2 ? 1 + i : i < 8 ? 1 + random.nextInt(20) : i < 13 ? 21 + random.nextInt(28)
          : 49 + random.nextInt(16);
      in.add(net.input("x" + i, Values.operand(random, w, w / 2 + 2, 4)));
    }
    List<Case> cases = new ArrayList<>();
    int[] wraps = {0};
    Map<String, Integer> kinds = new TreeMap<>();
    for (int k = 0; k < 40; k++) {
      int a = random.nextInt(OPERANDS);
      int b = random.nextInt(OPERANDS);
      Signal sum = arith.add("_add" + k, in.get(a), in.get(b));
      add(net, cases, kinds, net.isTaken("_add" + k + "_c0") ? "add chunked" : "add", sum,
          v -> v.get(a).add(v.get(b)));
      Signal difference = arith.sub("_sub" + k, in.get(a), in.get(b));
      add(net, cases, kinds, net.isTaken("_sub" + k + "_c0") ? "sub chunked" : "sub", difference,
          v -> v.get(a).sub(v.get(b)));
    }
    for (int a = 0; a < OPERANDS; a++) {
      int i = a;
      add(net, cases, kinds, "neg", arith.neg("_neg" + a, in.get(a)), v -> v.get(i).neg());
    }
    for (int k = 0; k < 40; k++) {
      int a = random.nextInt(OPERANDS);
      int b = random.nextInt(OPERANDS);
      Signal p = arith.mul("_mul" + k, in.get(a), in.get(b));
      boolean split = net.isTaken("_mul" + k + "_p0_0");
      boolean luts = !split && net.cells().get(net.cells().size() - 1).what().startsWith("LUT");
      add(net, cases, kinds, split ? "mul split" : luts ? "mul luts" : "mul dsp", p, v -> v.get(a).mul(v.get(b)));
    }
    ConstantProduct.Strategy[] strategies = ConstantProduct.Strategy.values();
    for (int k = 0; k < 60; k++) {
      int a = random.nextInt(OPERANDS);
      int cw = 1 + random.nextInt(k % 4 == 0 ? 40 : 16);
      FixedType ct = Values.operand(random, cw, cw / 2 + 2, 4);
      Fixed c = Fixed.ofRaw(k < 6 ? special(k, ct) : Values.raw(random, ct), ct);
      ConstantProduct.Strategy strategy = strategies[k % strategies.length];
      ConstantProduct plan = ConstantProduct.plan(in.get(a).type(), c, strategy);
      add(net, cases, kinds, "mulConst " + plan.implementation(), arith.mulConst("_mc" + k, in.get(a), c, strategy),
          v -> v.get(a).mul(c));
    }
    for (int k = 0; k < 36; k++) {
      int a = random.nextInt(OPERANDS);
      int b = k % 9 == 0 ? a : random.nextInt(OPERANDS);
      String op = COMPARISONS[k % COMPARISONS.length];
      Signal cmp = arith.compare("_cmp" + k, in.get(a), op, in.get(b));
      add(net, cases, kinds, net.isTaken("_cmp" + k + "_d") ? "compare chunked" : "compare", cmp,
          v -> bool(holds(v.get(a).compareTo(v.get(b)), op)));
    }
    for (int k = 0; k < 12; k++) {
      int a = random.nextInt(OPERANDS);
      int b = random.nextInt(OPERANDS);
      FixedType t = Values.type(random, 1 + random.nextInt(24), 4, 4);
      Signal cond = arith.compare("_sc" + k, in.get(a), "<", in.get(b));
      Signal x = arith.cast("_sx" + k, in.get(a), t);
      Signal y = arith.cast("_sy" + k, in.get(b), t);
      add(net, cases, kinds, "select", arith.select("_sel" + k, cond, x, y, t),
          v -> v.get(a).compareTo(v.get(b)) < 0 ? v.get(a).cast(t) : v.get(b).cast(t));
    }
    for (int k = 0; k < 30; k++) {
      int a = random.nextInt(OPERANDS - 3); // dividends up to 48 bits: a divider cell per quotient bit
      int b = random.nextInt(OPERANDS);
      boolean canWrap = FixedOp.divisionCanWrap(in.get(a).type(), in.get(b).type());
      add(net, cases, kinds, "divide", arith.divide("_div" + k, in.get(a), in.get(b)), v -> {
        if (canWrap && v.get(b).raw().equals(BigInteger.ONE.negate())
            && v.get(a).raw().equals(Values.min(v.get(a).type()))) {
          wraps[0]++; // the vendor's most negative / -1 LSB
        }
        return v.get(b).signum() == 0 ? null : v.get(a).div(v.get(b));
      });
    }

    List<List<BigInteger>> vectors = new ArrayList<>();
    for (int n = 0; n < VECTORS; n++) {
      List<BigInteger> vector = new ArrayList<>();
      boolean corners = random.nextInt(20) == 0;
      for (Signal s : in) {
        FixedType t = s.type();
        vector.add(corners ? Values.clamp(random.nextBoolean() ? Values.min(t) : BigInteger.ONE.negate(),
            Values.min(t), Values.max(t)) : Values.raw(random, t));
      }
      vectors.add(vector);
    }

    // every cell fits a 3.3 ns clock by the delay model (0.25 ns of it for the register): the scheduler can always
    // place registers, whatever the operand widths
    Cell slowest = CombinationalModule.slowest(net);
    assertTrue(slowest.delayNs() <= 3.0, () -> slowest.what() + " takes " + slowest.delayNs() + " ns");
    List<List<BigInteger>> outputs = CombinationalModule.run(dir, net, vectors);
    String yosys = CombinationalModule.yosysProblems(dir);
    assertTrue(yosys.isEmpty(), () -> "Yosys does not read the cells' Verilog: " + yosys);
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (int n = 0; n < VECTORS; n++) {
      List<Fixed> values = new ArrayList<>();
      for (int i = 0; i < OPERANDS; i++) {
        values.add(Fixed.ofRaw(vectors.get(n).get(i), in.get(i).type()));
      }
      for (int c = 0; c < cases.size(); c++) {
        Case cs = cases.get(c);
        Fixed expected = cs.expected().apply(values);
        if (expected == null) {
          continue;
        }
        Signal out = net.outputs().get(cs.port());
        if (n == 0) {
          assertEquals(expected.type().width(), out.width(), cs.what());
          assertEquals(expected.type().fracBits(), out.type().fracBits(), cs.what());
          assertEquals(expected.type().signed(), out.signed(), cs.what());
        }
        BigInteger want = CombinationalModule.bits(expected.raw(), out.width());
        BigInteger got = outputs.get(n).get(c);
        checked++;
        if (!want.equals(got) && mismatches.size() < 15) {
          mismatches.add(cs.what() + " [" + cs.port() + "] of " + values + ": expected " + expected + " (bits "
              + want.toString(16) + "), RTL bits " + got.toString(16));
        }
      }
    }
    System.out.println("ArithOpsTest: " + checked + " results checked; cases " + kinds);
    assertTrue(mismatches.isEmpty(), () -> "results differing from fixed.Fixed:\n" + String.join("\n", mismatches));
    for (String kind : List.of("add", "add chunked", "sub", "sub chunked", "compare", "compare chunked", "mul dsp",
        "mul luts", "mul split", "mulConst SHIFT_ADD", "mulConst DSP", "mulConst SHIFT", "mulConst ZERO")) {
      assertTrue(kinds.containsKey(kind), () -> "no case of " + kind + ": " + kinds);
    }
    assertTrue(wraps[0] > 0, "no vector divides the most negative code by -1 LSB");
  }

  private static void add(Netlist net, List<Case> cases, Map<String, Integer> kinds, String what, Signal s,
      Function<List<Fixed>, Fixed> expected) {
    String port = "o_" + s.name();
    net.output(port, s);
    cases.add(new Case(port, what, expected));
    kinds.merge(what, 1, Integer::sum);
  }

  /** 0, 1, -1, a power of two, minus one, the most negative code: the constants that are wiring or one negation. */
  private static BigInteger special(int k, FixedType t) {
    BigInteger v = switch (k) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE;
      case 2 -> BigInteger.ONE.negate();
      case 3 -> BigInteger.ONE.shiftLeft(t.width() / 2);
      case 4 -> BigInteger.ONE.shiftLeft(t.width() / 2).negate();
      default -> Values.min(t);
    };
    return Values.clamp(v, Values.min(t), Values.max(t));
  }

  private static boolean holds(int c, String op) {
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "==" -> c == 0;
      default -> c != 0;
    };
  }

  private static Fixed bool(boolean b) {
    return Fixed.ofRaw(b ? BigInteger.ONE : BigInteger.ZERO, FixedType.apUint(1));
  }
}
