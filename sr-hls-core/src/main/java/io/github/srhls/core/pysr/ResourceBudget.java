package io.github.srhls.core.pysr;

import io.github.srhls.core.diag.SourcePosition;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A hardware budget a chosen equation (or combination of equations) must fit: {@code budget: {lut: 8000, dsp: 20,
 * latency-ns: 40}}. Only the keys written limit anything.
 *
 * @param limits the limits written, by resource; at least one
 * @param at where the {@code budget} mapping is written
 */
public record ResourceBudget(Map<Resource, Double> limits, SourcePosition at) {

  /** What a budget can limit, with its key in the model file. */
  public enum Resource {
    /** LUTs: logic plus LUTs used as memory (shift registers), as Vivado counts them. */
    LUT("lut", true),
    FF("ff", true),
    /** DSP slices. */
    DSP("dsp", true),
    /** Block RAM in 18 Kb halves. */
    BRAM("bram", true),
    /** Pipeline latency in clock cycles. */
    LATENCY_CYCLES("latency-cycles", true),
    /** Pipeline latency in nanoseconds: cycles times target.clock-ns. */
    LATENCY_NS("latency-ns", false);

    private final String key;
    private final boolean whole;

    Resource(String key, boolean whole) {
      this.key = key;
      this.whole = whole;
    }

    /** The key in the model file and in pareto.json's budgets. */
    public String key() {
      return key;
    }

    /** Counted in whole units (everything but nanoseconds). */
    public boolean whole() {
      return whole;
    }

    /**
     * Whether a limit of 0 means something: a design can do without DSP slices and block RAM altogether, but not
     * without LUTs, registers or time.
     */
    public boolean zeroAllowed() {
      return this == DSP || this == BRAM;
    }

    public static List<String> keys() {
      return Arrays.stream(values()).map(Resource::key).toList();
    }

    public static Optional<Resource> byKey(String key) {
      return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
  }

  public ResourceBudget {
    if (limits.isEmpty()) {
      throw new IllegalArgumentException("a budget limits at least one resource");
    }
    limits = Collections.unmodifiableMap(new EnumMap<>(limits));
    Objects.requireNonNull(at, "at");
  }

  /** The limit on one resource, if the budget sets one. */
  public Optional<Double> limit(Resource r) {
    return Optional.ofNullable(limits.get(r));
  }

  /** {@code lut 8000, dsp 20, latency-ns 40} for messages. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    limits.forEach((r, v) -> b.append(b.length() == 0 ? "" : ", ").append(r.key()).append(' ')
        .append(r.whole() || v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v)));
    return b.toString();
  }
}
