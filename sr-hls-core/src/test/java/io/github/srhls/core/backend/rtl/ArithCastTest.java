package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fixed.CastResult;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Arith#cast} simulated by the real Verilator against {@link Fixed#cast}, bit for bit: random sources of 1 to
 * 200 bits (I negative, inside and beyond W), targets of 1 to 64 bits cycling through every quantization and overflow
 * mode with random N, integer targets, values at the edges (min, max, 0, -1 LSB), at rounding ties and around every
 * target's range ends. One Verilator build holds all the casts.
 */
class ArithCastTest {
  private static final int SOURCES = 24;
  private static final int TARGETS_PER_SOURCE = 12;
  private static final int VECTORS = 1500;

  record Case(int source, FixedType target, String port) {}

  @Test
  void everyCastMatchesTheJavaModelBitForBit(@TempDir Path dir) throws Exception {
    Random random = new Random(20261203);
    Netlist net = new Netlist();
    Arith arith = new Arith(net, DelayModel.ULTRASCALE_PLUS_2);
    List<Signal> sources = new ArrayList<>();
    List<Case> cases = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < SOURCES; i++) {
      int w = i < 8 ? 1 + random.nextInt(16) : i < 18 ? 17 + random.nextInt(48) : 65 + random.nextInt(136);
      FixedType st = i % 6 == 5 ? Values.operand(random, w, w + 4, 0) // I <= 0 sometimes: the integer -1 rule
          : Values.operand(random, w, w / 2 + 4, 8);
      Signal src = net.input("x" + i, st);
      sources.add(src);
      for (int j = 0; j < TARGETS_PER_SOURCE; j++, k++) {
        int tw = random.nextInt(3) == 0 ? 17 + random.nextInt(48) : 1 + random.nextInt(16);
        FixedType t;
        if (j == 0) {
          t = random.nextBoolean() ? FixedType.apInt(tw) : FixedType.apUint(tw);
        } else {
          // every Q with every O, N random; I around the source's binary point so that the cases bite
          Quantization q = Quantization.values()[k % 7];
          Overflow o = Overflow.values()[(k / 7) % 5];
          int fs = st.fracBits();
          int f = fs - 8 + random.nextInt(12); // mostly dropping bits: rounding acts
          int n = random.nextInt(3) == 0 ? random.nextInt(tw + 1) : 0;
          boolean signed = o == Overflow.AP_WRAP_SM || random.nextBoolean();
          t = new FixedType(signed, tw, tw - f, q, o, n, false);
        }
        String port = "y" + k;
        net.output(port, arith.cast("c" + k, src, t));
        cases.add(new Case(i, t, port));
      }
    }

    List<List<BigInteger>> vectors = new ArrayList<>();
    for (int v = 0; v < VECTORS; v++) {
      List<BigInteger> vector = new ArrayList<>();
      for (int i = 0; i < SOURCES; i++) {
        FixedType st = sources.get(i).type();
        FixedType t = cases.get(i * TARGETS_PER_SOURCE + random.nextInt(TARGETS_PER_SOURCE)).target();
        vector.add(value(random, st, t));
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
    Map<Overflow, Integer> overflowed = new EnumMap<>(Overflow.class);
    Map<Quantization, Integer> rounded = new EnumMap<>(Quantization.class);
    for (int v = 0; v < VECTORS; v++) {
      for (int c = 0; c < cases.size(); c++) {
        Case cs = cases.get(c);
        FixedType st = sources.get(cs.source()).type();
        Fixed x = Fixed.ofRaw(vectors.get(v).get(cs.source()), st);
        BigInteger expected = CombinationalModule.bits(x.cast(cs.target()).raw(), cs.target().width());
        BigInteger actual = outputs.get(v).get(c);
        checked++;
        CastResult r = x.castReporting(cs.target());
        if (r.overflowed()) {
          overflowed.merge(cs.target().overflow(), 1, Integer::sum);
        }
        FixedType trn = cs.target().withModes(Quantization.AP_TRN, Overflow.AP_WRAP, 0);
        if (!cs.target().integer() && !x.cast(trn).raw().equals(x.cast(cs.target().withModes(
            cs.target().quantization(), Overflow.AP_WRAP, 0)).raw())) {
          rounded.merge(cs.target().quantization(), 1, Integer::sum);
        }
        if (!expected.equals(actual) && mismatches.size() < 15) {
          mismatches.add(x + " -> " + cs.target() + ": expected " + x.cast(cs.target()) + " (bits "
              + expected.toString(16) + "), RTL bits " + actual.toString(16) + " [" + cs.port() + "]");
        }
      }
    }
    System.out.println("ArithCastTest: " + checked + " casts checked; overflowed " + overflowed + "; rounded "
        + rounded);
    assertTrue(mismatches.isEmpty(), () -> "casts differing from fixed.Fixed:\n" + String.join("\n", mismatches));
    assertTrue(checked == VECTORS * SOURCES * TARGETS_PER_SOURCE);
    // the vectors reach every mode where it acts
    for (Overflow o : Overflow.values()) {
      assertTrue(overflowed.getOrDefault(o, 0) >= 200, () -> "few overflows under " + o + ": " + overflowed);
    }
    for (Quantization q : Quantization.values()) {
      if (q != Quantization.AP_TRN) {
        assertTrue(rounded.getOrDefault(q, 0) >= 200, () -> "few roundings under " + q + ": " + rounded);
      }
    }
  }

  /**
   * A source code: random with edges, or placed on target t's grid: a rounding tie (half bit set, nothing below),
   * one LSB either side of it, or around t's max and min.
   */
  static BigInteger value(Random random, FixedType st, FixedType t) {
    BigInteger min = Values.min(st);
    BigInteger max = Values.max(st);
    long s = (long) st.fracBits() - t.fracBits();
    BigInteger v;
    switch (random.nextInt(4)) {
      case 0 -> {
        BigInteger end = random.nextBoolean() ? Values.max(t) : Values.min(t);
        end = end.add(BigInteger.valueOf(random.nextInt(3) - 1));
        v = s >= 0 ? end.shiftLeft((int) Math.min(s, 400)) : end.shiftRight((int) Math.min(-s, 400));
        if (s > 0) {
          v = v.add(BigInteger.ONE.shiftLeft((int) Math.min(s - 1, 400)).multiply(BigInteger.valueOf(
              random.nextInt(3) - 1)));
        }
        v = v.add(BigInteger.valueOf(random.nextInt(3) - 1));
      }
      case 1 -> {
        v = Values.raw(random, st);
        if (s > 0 && s < 400) {
          // the dropped bits become exactly one half, maybe +- 1 LSB
          BigInteger mask = BigInteger.ONE.shiftLeft((int) s).subtract(BigInteger.ONE);
          v = v.andNot(mask).or(BigInteger.ONE.shiftLeft((int) s - 1)).add(BigInteger.valueOf(random.nextInt(3) - 1));
        }
      }
      default -> v = Values.raw(random, st);
    }
    return Values.clamp(v, min, max);
  }
}
