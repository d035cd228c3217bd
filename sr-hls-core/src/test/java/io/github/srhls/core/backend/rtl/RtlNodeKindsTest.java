package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignBuilder;
import io.github.srhls.core.design.DesignRequest;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node kind the RTL lowers without a function unit (inputs and their clamps, constants, + - * by a variable
 * and by a constant, /, negation, abs, sign, max, min, the output assignment), each with a node type of every
 * quantization mode and every overflow mode (N saturation bits included), narrow (2 bits) and wide (44 bits), and
 * products by constants built each way the model file's arithmetic section can ask for, in one Verilator build, bit
 * for bit against the Java model. Division by zero comes from the edge inputs (0 is one).
 */
class RtlNodeKindsTest {
  private static final Quantization[] Q = Quantization.values();
  private static final Overflow[] O = Overflow.values();

  /** The node kinds: a name and how the node is built from inputs a and b. */
  private enum Kind {
    ADD, SUB, MUL, MUL_CONST, DIV, NEG, ABS, SIGN, MAX, MIN, INPUT;

    int build(GraphBuilder g) {
      int a = g.input(0);
      int b = g.input(1);
      return switch (this) {
        case ADD -> g.op(Builtin.ADD, a, b);
        case SUB -> g.op(Builtin.SUB, a, b);
        case MUL -> g.op(Builtin.MUL, a, b);
        case MUL_CONST -> g.op(Builtin.MUL, a, g.constant(-2.8125));
        case DIV -> g.op(Builtin.DIV, a, b);
        case NEG -> g.op(Builtin.NEG, a);
        case ABS -> g.op(Builtin.ABS, a);
        case SIGN -> g.op(Builtin.SIGN, a);
        case MAX -> g.op(Builtin.MAX, a, b);
        case MIN -> g.op(Builtin.MIN, a, b);
        case INPUT -> a;
      };
    }
  }

  @Test
  void everyNodeKindInEveryModeMatchesTheJavaModel(@TempDir Path dir) throws Exception {
    List<DesignBatch.Case> cases = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (int q = 0; q < Q.length; q++) {
        // every kind meets every Q and, as q runs over 7 values, every O
        Overflow o = O[(q + kind.ordinal()) % O.length];
        int n = (o == Overflow.AP_WRAP || o == Overflow.AP_WRAP_SM) && q % 2 == 1 ? 2 : 0;
        boolean signed = o == Overflow.AP_WRAP_SM || q != 3;
        FixedType node = new FixedType(signed, 7, 2 + q % 3 - 1, Q[q], o, n, false);
        FixedType a = FixedType.fixed(9, 3 + q % 2, Q[(q + 3) % Q.length], Overflow.AP_SAT);
        FixedType b = q == 4 ? FixedType.ufixed(8, 2) : FixedType.fixed(8, 2 - q % 3);
        cases.add(new DesignBatch.Case(kind + " into " + node.cpp(), design(kind, a, b, node,
            FixedType.fixed(10, 4, Q[(q + 1) % Q.length], O[(q + 2) % O.length]), q % 2 == 0)));
      }
      // narrow: 2 bits everywhere; wide: 44-bit operands and nodes
      cases.add(new DesignBatch.Case(kind + " narrow", design(kind, FixedType.fixed(2, 1), FixedType.ufixed(2, 0),
          FixedType.fixed(2, 1, Quantization.AP_RND, Overflow.AP_SAT), FixedType.fixed(2, 2), false)));
      cases.add(new DesignBatch.Case(kind + " wide", design(kind, FixedType.fixed(44, 20), FixedType.fixed(44, 12),
          FixedType.fixed(44, 22, Quantization.AP_RND_CONV, Overflow.AP_SAT_SYM),
          FixedType.fixed(48, 24, Quantization.AP_RND, Overflow.AP_WRAP), true)));
    }
    // products by constants built each way the model file can ask for
    for (ConstantProduct.Strategy strategy : ConstantProduct.Strategy.values()) {
      for (double c : new double[] {-2.8125, 0.31, 7, 0.5, -1}) {
        cases.add(new DesignBatch.Case("a * " + c + " by " + strategy, constantProduct(c), strategy));
      }
    }
    // several constants times one node: one adder graph shares their partial sums
    for (ConstantProduct.Strategy strategy : ConstantProduct.Strategy.values()) {
      cases.add(new DesignBatch.Case("shared constants by " + strategy, sharedConstants(), strategy));
    }
    DesignBatch.Outcome outcome = DesignBatch.verify(dir, cases, 10, 600, 17, 3);
    long partials = outcome.net().cells().stream().filter(c -> c.out().name().contains("mcm")).count();
    assertTrue(partials >= 4, "the shared constants' partial sums: " + partials);
    System.out.printf("%d node-kind designs, %d cells, %d values compared, latency %d%n", cases.size(),
        outcome.net().cells().size(), outcome.values(), outcome.schedule().latency());
    assertEquals(outcome.schedule().latency(), outcome.observedLatency());
  }

  /** y = a * c in ap_fixed<24,8>, a of ap_fixed<14,5>. */
  private static Design constantProduct(double c) {
    GraphBuilder g = new GraphBuilder();
    Graph graph = g.build(List.of("a"), List.of("y"), List.of(g.op(Builtin.MUL, g.input(0), g.constant(c))));
    return DesignBuilder.uniform(DesignRequest.builder("c", graph)
        .inputRanges(List.of(new Interval(-8, 8)))
        .inputTypes(List.of(FixedType.fixed(14, 5)))
        .resultType(FixedType.fixed(24, 8))
        .defaultType(FixedType.fixed(24, 8))
        .internalType(FixedType.fixed(24, 8, Quantization.AP_RND, Overflow.AP_SAT))
        .constantType(FixedType.fixed(16, 4))
        .build());
  }

  /**
   * a times 5/16, 21/16, 85/16 and -1 (sharing 5a), a * b times -2.8125 and 0.6875, and a zero: outputs of
   * ap_fixed<24,8>, a and b of ap_fixed<14,5>, constants of ap_fixed<16,4>.
   */
  private static Design sharedConstants() {
    GraphBuilder g = new GraphBuilder();
    int a = g.input(0);
    int ab = g.op(Builtin.MUL, a, g.input(1));
    List<Integer> outs = new ArrayList<>();
    for (double c : new double[] {0.3125, 1.3125, 5.3125, -1}) {
      outs.add(g.op(Builtin.MUL, a, g.constant(c)));
    }
    outs.add(g.op(Builtin.MUL, ab, g.constant(-2.8125)));
    outs.add(g.op(Builtin.MUL, ab, g.constant(0.6875)));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < outs.size(); i++) {
      names.add("y" + i);
    }
    Graph graph = g.build(List.of("a", "b"), names, outs);
    return DesignBuilder.uniform(DesignRequest.builder("s", graph)
        .inputRanges(List.of(new Interval(-8, 8), new Interval(-3, 3)))
        .inputTypes(List.of(FixedType.fixed(14, 5), FixedType.fixed(14, 5)))
        .resultType(FixedType.fixed(24, 8))
        .defaultType(FixedType.fixed(24, 8))
        .internalType(FixedType.fixed(24, 8, Quantization.AP_RND, Overflow.AP_SAT))
        .constantType(FixedType.fixed(16, 4))
        .build());
  }

  /** out = kind(a, b), the node of type {@code node}, y[] of type {@code result}. */
  private static Design design(Kind kind, FixedType a, FixedType b, FixedType node, FixedType result,
      boolean clamp) {
    GraphBuilder g = new GraphBuilder();
    int out = kind.build(g);
    Graph graph = g.build(List.of("a", "b"), List.of("y"), List.of(out));
    return DesignBuilder.uniform(DesignRequest.builder("k", graph)
        .inputRanges(List.of(new Interval(-2.7, 1.3), new Interval(0.4, 1.9)))
        .inputTypes(List.of(a, b))
        .resultType(result)
        .defaultType(FixedType.fixed(16, 6))
        .internalType(node)
        .constantType(FixedType.fixed(10, 3))
        .nodeTypes(kind == Kind.INPUT ? Map.of() : Map.of(out, node))
        .clampInputs(clamp)
        .build());
  }
}
