package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignBuilder;
import io.github.srhls.core.design.DesignRequest;
import io.github.srhls.core.design.PrecisionPlanner;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random designs for the property tests: random expressions over up to three inputs of every node kind without a
 * function unit, random types (every quantization and overflow mode, N saturation bits, signed and unsigned, integer
 * bits below 0 and above the width, 1 to 48 bits), some nodes typed explicitly, and both plans: {@code uniform}, and
 * {@code auto} with its clamped inputs where it can plan the expression.
 */
final class RandomDesigns {
  private static final Builtin[] BINARY = {Builtin.ADD, Builtin.SUB, Builtin.MUL, Builtin.MAX, Builtin.MIN};
  private static final Builtin[] UNARY = {Builtin.NEG, Builtin.ABS, Builtin.SIGN};
  private static final String[] INPUTS = {"a", "b", "c"};

  private final Random random;

  RandomDesigns(long seed) {
    this.random = new Random(seed);
  }

  /** A random type of at most {@code maxWidth} bits (mostly narrow, now and then wide). */
  FixedType type(int maxWidth) {
    int w = random.nextInt(4) == 0 ? 1 + random.nextInt(maxWidth) : 1 + random.nextInt(Math.min(maxWidth, 14));
    boolean signed = random.nextInt(4) != 0;
    if (random.nextInt(10) == 0) {
      return signed ? FixedType.apInt(w) : FixedType.apUint(w);
    }
    int i = random.nextInt(w + 6) - 3;
    Quantization q = Quantization.values()[random.nextInt(Quantization.values().length)];
    Overflow o = Overflow.values()[random.nextInt(Overflow.values().length)];
    if (o == Overflow.AP_WRAP_SM) {
      signed = true;
    }
    int n = random.nextInt(4) == 0 ? random.nextInt(w + 1) : 0;
    return new FixedType(signed, w, i, q, o, n, false);
  }

  /** A plain (TRN, WRAP) or rounding-saturating type, as users mostly declare them. */
  FixedType commonType(int maxWidth) {
    int w = 4 + random.nextInt(maxWidth - 3);
    int i = 1 + random.nextInt(Math.max(1, Math.min(w, 10)));
    return random.nextBoolean() ? FixedType.fixed(w, i)
        : FixedType.fixed(w, i, Quantization.AP_RND, Overflow.AP_SAT);
  }

  /** A random design of one or two outputs; {@code auto} asks for the auto plan (uniform where it refuses). */
  Design design(String name, boolean auto) {
    int inputs = 1 + random.nextInt(3);
    GraphBuilder g = new GraphBuilder();
    int outputs = 1 + random.nextInt(2);
    List<Integer> outs = new ArrayList<>();
    for (int k = 0; k < outputs; k++) {
      outs.add(expression(g, inputs, 1 + random.nextInt(3)));
    }
    List<String> outNames = outputs == 1 ? List.of("y") : List.of("y", "z");
    Graph graph = g.build(List.of(INPUTS).subList(0, inputs), outNames, outs);

    List<FixedType> inputTypes = new ArrayList<>();
    List<Interval> ranges = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      FixedType t = auto ? commonType(20) : type(24);
      inputTypes.add(t);
      double lo = Fixed.min(t).toDouble();
      double hi = Fixed.max(t).toDouble();
      double a = lo + (hi - lo) * random.nextDouble();
      double b = lo + (hi - lo) * random.nextDouble();
      ranges.add(new Interval(Math.min(a, b), Math.max(a, b)));
    }
    Map<Integer, FixedType> nodeTypes = new HashMap<>();
    for (int id = 0; id < graph.size(); id++) {
      if (graph.node(id) instanceof Node.Op && random.nextInt(3) == 0) {
        nodeTypes.put(id, type(32));
      }
    }
    DesignRequest.Builder request = DesignRequest.builder(name, graph)
        .inputRanges(ranges)
        .inputTypes(inputTypes)
        .resultType(auto ? commonType(32) : type(40))
        .defaultType(FixedType.fixed(16, 6))
        .internalType(auto ? commonType(24) : type(32))
        .constantType(auto || random.nextBoolean() ? null : type(24))
        .nodeTypes(nodeTypes)
        .clampInputs(auto || random.nextInt(3) == 0);
    if (auto) {
      try {
        return PrecisionPlanner.plan(request.build(), new double[] {0.1, 0.01, 1e-3}[random.nextInt(3)]);
      } catch (SrHlsException | ArithmeticException e) {
        return null; // a divisor whose range holds 0, an unbounded range: auto refuses, the caller draws again
      }
    }
    return DesignBuilder.uniform(request.build());
  }

  private int expression(GraphBuilder g, int inputs, int depth) {
    if (depth == 0 || random.nextInt(5) == 0) {
      if (random.nextInt(4) == 0) {
        double c = (random.nextInt(64) - 32) / (double) (1 << random.nextInt(5));
        return g.constant(random.nextInt(8) == 0 ? c * 1000.37 : c);
      }
      return g.input(random.nextInt(inputs));
    }
    if (random.nextInt(4) == 0) {
      return g.op(UNARY[random.nextInt(UNARY.length)], expression(g, inputs, depth - 1));
    }
    // a divider is a dozen cells or more: one in about twelve operations
    Builtin op = random.nextInt(12) == 0 ? Builtin.DIV : BINARY[random.nextInt(BINARY.length)];
    return g.op(op, expression(g, inputs, depth - 1),
        expression(g, inputs, depth - 1));
  }
}
