package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.backend.rtl.ConstantProduct.Implementation;
import io.github.srhls.core.backend.rtl.ConstantProduct.Strategy;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Products of one signal by several constants on a shared adder graph: the plan computes every constant and never
 * takes more adders than CSD; the choice of DSPs sees the shared cost; and the cells are bit-exact with
 * {@link Fixed} in the real Verilator over many constant sets (zero, one, -1, powers of two, the most negative code,
 * constants related by shifts and small factors, wide ones) times signal types (1 to 48 bits, signed and unsigned).
 */
class MultipleConstantProductTest {

  @Test
  void theGraphComputesEveryConstantWithNoMoreAddersThanCsd() {
    Random random = new Random(41);
    int separate = 0;
    int shared = 0;
    for (int k = 0; k < 1000; k++) {
      FixedType a = Values.operand(random, 1 + random.nextInt(40), 8, 8);
      List<Fixed> constants = constants(random, 2 + random.nextInt(7));
      for (Strategy s : Strategy.values()) {
        MultipleConstantProduct plan = MultipleConstantProduct.plan(a, constants, s);
        for (int i = 0; i < constants.size(); i++) {
          ConstantProduct p = plan.products().get(i);
          ConstantProduct alone = ConstantProduct.plan(a, constants.get(i), s);
          assertEquals(constants.get(i), p.constant());
          if (alone.implementation() == Implementation.ZERO || alone.implementation() == Implementation.SHIFT) {
            assertEquals(alone, p, "zero and powers of two stay wiring");
          }
          if (s != Strategy.AUTO || plan.partials().isEmpty()) {
            // a forced choice is kept, and with nothing shared the cost choice is the one alone
            assertEquals(alone.implementation(), p.implementation(), () -> constants + " " + plan);
          }
          if (!plan.terms().get(i).isEmpty()) {
            assertEquals(Implementation.SHIFT_ADD, p.implementation());
            assertEquals(constants.get(i).raw(), value(plan, plan.terms().get(i)), () -> constants + " " + plan);
          }
        }
        for (MultipleConstantProduct.Partial q : plan.partials()) {
          assertEquals(q.width(), MultipleConstantProduct.width(a, q.value()));
        }
        assertTrue(plan.adders() <= plan.separateAdders(), plan::toString);
        if (s == Strategy.SHIFT_ADD) {
          separate += plan.separateAdders();
          shared += plan.adders();
        }
      }
    }
    System.out.printf("MultipleConstantProductTest: 1000 random constant sets, %d adders as separate CSD, %d shared"
        + "%n", separate, shared);
    assertTrue(shared < separate, "some sets share partial sums");
  }

  @Test
  void relatedConstantsShareTheirPartialSums() {
    FixedType a = FixedType.fixed(16, 4);
    FixedType ct = FixedType.fixed(18, 12);
    // 5, 21 and 85 (1 + 4, + 16, + 64): 1 + 2 + 3 adders alone; 5x once, then 21x = 5x + 16x, 85x = 5x + 80x
    List<Fixed> constants = List.of(raw(5, ct), raw(21, ct), raw(85, ct));
    MultipleConstantProduct plan = MultipleConstantProduct.plan(a, constants, Strategy.SHIFT_ADD);
    assertEquals(6, plan.separateAdders());
    assertEquals(3, plan.adders(), plan::toString);
    assertEquals(1, plan.partials().size());
    assertEquals(BigInteger.valueOf(5), plan.partials().get(0).value());
  }

  @Test
  void theChoiceOfDspsSeesTheSharedCost() {
    // a 27-bit signal by 341 (5 digits) and 1365 (6 digits), 18-bit constants: alone each takes 4 or 5 adders of
    // 45 bits, more than the 173 LUTs a DSP counts for; shared, 4 adders in all
    FixedType a = FixedType.fixed(27, 4);
    FixedType ct = FixedType.fixed(18, 2);
    List<Fixed> constants = List.of(raw(341, ct), raw(1365, ct));
    for (Fixed c : constants) {
      assertEquals(Implementation.DSP, ConstantProduct.plan(a, c, Strategy.AUTO).implementation());
    }
    MultipleConstantProduct auto = MultipleConstantProduct.plan(a, constants, Strategy.AUTO);
    assertEquals(List.of(Implementation.SHIFT_ADD, Implementation.SHIFT_ADD),
        auto.products().stream().map(ConstantProduct::implementation).toList(), auto::toString);
    assertTrue(auto.adders() <= 4, auto::toString);
    for (ConstantProduct p : auto.products()) {
      assertTrue(p.adderBits() <= ConstantProduct.LUTS_PER_DSP, p::toString);
    }
    // forced, or with nothing to share, each goes to its DSP as alone
    MultipleConstantProduct dsp = MultipleConstantProduct.plan(a, constants, Strategy.DSP);
    assertTrue(dsp.products().stream().allMatch(p -> p.implementation() == Implementation.DSP));
    assertEquals(0, dsp.adders());
    // 2/3 and 1/3 in 20 bits (0x2AAAB, 0x15555): ten digits each, one partial sum chain for both
    List<Fixed> thirds = List.of(raw(0x2AAAB, FixedType.fixed(20, 2)), raw(0x15555, FixedType.fixed(20, 2)));
    MultipleConstantProduct both = MultipleConstantProduct.plan(FixedType.fixed(27, 4), thirds, Strategy.AUTO);
    assertTrue(both.products().stream().allMatch(p -> p.implementation() == Implementation.SHIFT_ADD), both::toString);
    assertTrue(both.adders() <= 6 && both.separateAdders() == 17, both::toString);
  }

  @Test
  void sharedProductsMatchTheJavaModelBitForBit(@TempDir Path dir) throws Exception {
    Random random = new Random(43);
    Netlist net = new Netlist();
    Arith arith = new Arith(net, DelayModel.ULTRASCALE_PLUS_2);
    List<Signal> in = new ArrayList<>();
    List<List<Fixed>> sets = new ArrayList<>();
    List<Integer> of = new ArrayList<>();
    int partials = 0;
    int products = 0;
    for (int k = 0; k < 16; k++) {
      int w = k < 3 ? 1 + k : k < 12 ? 2 + random.nextInt(24) : 25 + random.nextInt(24);
      in.add(net.input("x" + k, Values.operand(random, w, w / 2 + 2, 4)));
    }
    Strategy[] strategies = {Strategy.AUTO, Strategy.SHIFT_ADD, Strategy.AUTO, Strategy.DSP};
    for (int k = 0; k < 32; k++) {
      int x = k % in.size();
      List<Fixed> constants = constants(random, 2 + random.nextInt(6));
      Products.Shared shared = arith.mulConsts("_m" + k + "s", in.get(x), constants, strategies[k % 4]);
      partials += shared.plan().partials().size();
      for (int i = 0; i < constants.size(); i++) {
        net.output("o" + k + "_" + i, shared.product(i, "_m" + k + "p" + i));
        sets.add(constants);
        of.add(x);
        products++;
      }
    }
    List<List<BigInteger>> vectors = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      List<BigInteger> vector = new ArrayList<>();
      for (Signal s : in) {
        vector.add(Values.raw(random, s.type()));
      }
      vectors.add(vector);
    }
    List<List<BigInteger>> outputs = CombinationalModule.run(dir, net, vectors);
    String yosys = CombinationalModule.yosysProblems(dir);
    assertTrue(yosys.isEmpty(), () -> "Yosys does not read the cells' Verilog: " + yosys);
    List<String> ports = new ArrayList<>(net.outputs().keySet());
    List<String> mismatches = new ArrayList<>();
    for (int n = 0; n < vectors.size(); n++) {
      for (int o = 0; o < ports.size(); o++) {
        String port = ports.get(o);
        int i = Integer.parseInt(port.substring(port.indexOf('_') + 1));
        int x = of.get(o);
        Fixed value = Fixed.ofRaw(vectors.get(n).get(x), in.get(x).type());
        Fixed expected = value.mul(sets.get(o).get(i));
        Signal out = net.outputs().get(port);
        if (n == 0) {
          assertEquals(expected.type().width(), out.width(), port);
          assertEquals(expected.type().fracBits(), out.type().fracBits(), port);
        }
        BigInteger want = CombinationalModule.bits(expected.raw(), out.width());
        if (!want.equals(outputs.get(n).get(o)) && mismatches.size() < 10) {
          mismatches.add(port + ": " + value + " * " + sets.get(o).get(i) + " = " + expected + ", RTL bits "
              + outputs.get(n).get(o).toString(16));
        }
      }
    }
    System.out.printf("MultipleConstantProductTest: %d products of 32 constant sets, %d shared partial sums, %d "
        + "results checked%n", products, partials, products * vectors.size());
    assertTrue(mismatches.isEmpty(), () -> String.join("\n", mismatches));
    assertTrue(partials >= 10, "the sets share partial sums: " + partials);
  }

  /**
   * Constants for one signal: zero, one, -1, powers of two and their negations, the most negative code, random ones
   * of 1 to 64 bits, and constants related to an earlier one (shifted, times a small odd factor, plus a digit).
   */
  static List<Fixed> constants(Random random, int count) {
    List<Fixed> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int w = random.nextInt(8) == 0 ? 33 + random.nextInt(32) : 1 + random.nextInt(20);
      FixedType t = Values.operand(random, w, w / 2 + 2, 4);
      BigInteger v = switch (random.nextInt(12)) {
        case 0 -> BigInteger.ZERO;
        case 1 -> BigInteger.ONE;
        case 2 -> BigInteger.ONE.negate();
        case 3 -> BigInteger.ONE.shiftLeft(random.nextInt(w)).multiply(BigInteger.valueOf(random.nextBoolean() ? 1
            : -1));
        case 4 -> Values.min(t);
        case 5, 6, 7, 8 -> {
          if (list.isEmpty()) {
            yield Values.raw(random, t);
          }
          BigInteger base = list.get(random.nextInt(list.size())).raw();
          yield switch (random.nextInt(3)) {
            case 0 -> base.shiftLeft(random.nextInt(4));
            case 1 -> base.multiply(BigInteger.valueOf(1 + 2 * random.nextInt(4)));
            default -> base.add(BigInteger.ONE.shiftLeft(random.nextInt(w)));
          };
        }
        default -> new BigInteger(w, random).subtract(BigInteger.ONE.shiftLeft(w - 1));
      };
      if (v.signum() < 0 && !t.signed() || v.bitLength() >= t.width()) {
        // a type that holds it: the type of the constant matters only for the product's width
        int bits = Math.max(1, v.bitLength() + 1);
        t = FixedType.fixed(bits, t.intBits() - t.width() + bits);
      }
      list.add(Fixed.ofRaw(Values.clamp(v, Values.min(t), Values.max(t)), t));
    }
    return list;
  }

  private static Fixed raw(long v, FixedType t) {
    return Fixed.ofRaw(BigInteger.valueOf(v), t);
  }

  /** The integer the terms of a constant stand for, with the partial sums' values. */
  private static BigInteger value(MultipleConstantProduct plan, List<MultipleConstantProduct.Term> terms) {
    BigInteger sum = BigInteger.ZERO;
    for (MultipleConstantProduct.Term t : terms) {
      BigInteger v = symbol(plan, t.symbol()).shiftLeft(t.shift());
      sum = t.negative() ? sum.subtract(v) : sum.add(v);
    }
    return sum;
  }

  private static BigInteger symbol(MultipleConstantProduct plan, int s) {
    if (s == MultipleConstantProduct.X) {
      return BigInteger.ONE;
    }
    MultipleConstantProduct.Partial p = plan.partials().get(s - 1);
    BigInteger second = symbol(plan, p.second()).shiftLeft(p.shift());
    BigInteger v = p.subtract() ? symbol(plan, p.first()).subtract(second) : symbol(plan, p.first()).add(second);
    assertEquals(p.value(), v, "the partial sum's value");
    return v;
  }
}
