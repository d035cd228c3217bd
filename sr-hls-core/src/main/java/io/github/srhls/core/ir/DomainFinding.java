package io.github.srhls.core.ir;

import io.github.srhls.core.diag.Decimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An operand that interval arithmetic could not keep off the edge of its user's domain: either it really reaches
 * it (the samples are points of the declared input ranges that show it), or the analysis gave up within its bound
 * (the sample is the point where it came closest).
 *
 * @param node the operand's node id
 * @param need what its users need of it
 * @param real whether the samples prove that it reaches the edge (for the float model: a value at or beyond it, or
 *     values of both signs where it must not be 0)
 * @param samples one or two input vectors of the declared ranges with the operand's value there
 * @param inputs the inputs the operand depends on, by index: the coordinates worth naming
 * @param boxes how many sub-boxes of the input ranges were tried
 */
public record DomainFinding(int node, Need need, boolean real, List<Sample> samples, List<Integer> inputs,
    int boxes) {
  public DomainFinding {
    samples = List.copyOf(samples);
    inputs = List.copyOf(inputs);
  }

  /** What a user needs of its operand. */
  public enum Need {
    /** a divisor, a cube root's argument: never 0 */
    NONZERO,
    /** a logarithm's or square root's argument: above 0 */
    POSITIVE;

    boolean holds(Interval i) {
      return this == NONZERO ? i.lo() > 0 || i.hi() < 0 : i.lo() > 0;
    }

    boolean violatedBy(double v) {
      return this == NONZERO ? v == 0.0 : v <= 0.0;
    }
  }

  /** The operand's value (in double precision) at an input vector. */
  public record Sample(double[] point, double value) {
    public Sample {
      point = point.clone();
    }

    @Override
    public double[] point() {
      return point.clone();
    }
  }

  /** The finding in words, to follow the operand's name: "takes both signs over the declared input ranges (...)". */
  public String describe(Graph g) {
    if (!real && samples.isEmpty()) {
      return String.format(Locale.ROOT, "could not be kept %s 0 by interval arithmetic in %d subdivisions of the"
          + " ranges of %s (and is undefined at every point tried)", need == Need.NONZERO ? "away from" : "above",
          boxes, names(g));
    }
    if (!real) {
      Sample s = samples.get(0);
      return String.format(Locale.ROOT, "could not be kept %s 0 by interval arithmetic in %d subdivisions of the"
          + " ranges of %s (it comes as close as %s, at %s)", need == Need.NONZERO ? "away from" : "above", boxes,
          names(g), number(s.value()), at(g, s));
    }
    if (samples.size() == 2) {
      return "takes both signs over the declared input ranges (" + number(samples.get(0).value()) + " at "
          + at(g, samples.get(0)) + "; " + number(samples.get(1).value()) + " at " + at(g, samples.get(1)) + ")";
    }
    Sample s = samples.get(0);
    return (s.value() == 0.0 ? "is 0 at " : "reaches " + number(s.value()) + " at ") + at(g, s)
        + ", inside the declared input ranges";
  }

  private String names(Graph g) {
    List<String> names = new ArrayList<>();
    for (int i : inputs) {
      names.add(g.inputNames().get(i));
    }
    return String.join(", ", names);
  }

  private String at(Graph g, Sample s) {
    if (inputs.isEmpty()) {
      return "every input vector";
    }
    List<String> coordinates = new ArrayList<>();
    for (int i : inputs) {
      coordinates.add(g.inputNames().get(i) + " = " + number(s.point[i]));
    }
    return String.join(", ", coordinates);
  }

  /** Four significant digits, without trailing zeros: 0.5, 1.163, -0.3619, 1.2e-05. */
  static String number(double v) {
    return Decimal.significant(v, 4);
  }
}
