package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.fixed.FixedType;
import java.util.List;
import java.util.Objects;

/**
 * The {@code precision} section of a model file.
 *
 * @param defaultType {@code precision.default}: inputs and outputs without a type of their own, and, under
 *     {@code uniform} without a type, constants and internal nodes; default {@code ap_fixed<16,6>}
 * @param internal {@code precision.internal}; default {@code uniform} with {@code defaultType}
 * @param constants {@code precision.constants}: one type for every constant; null means the internal type under
 *     {@code uniform} and an accurate type per constant under {@code auto}
 * @param error {@code precision.error}: the largest absolute output error {@code auto} may introduce, finite and
 *     positive; null means twice the error the declared input and output types cause. Only set under {@code auto}
 * @param nodes {@code precision.nodes}: explicit types for subexpressions, in file order
 */
public record PrecisionSpec(FixedType defaultType, InternalPrecision internal, FixedType constants, Double error,
    List<NodeType> nodes) {

  /**
   * An explicit type for the node that computes a subexpression.
   *
   * @param expression the subexpression as written (the key)
   * @param at where the key is written
   */
  public record NodeType(String expression, SourcePosition at, FixedType type) {}

  public static final FixedType DEFAULT_TYPE = FixedType.fixed(16, 6);

  public PrecisionSpec {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    Objects.requireNonNull(defaultType, "defaultType");
    Objects.requireNonNull(internal, "internal");
    if (error != null && !(error > 0 && Double.isFinite(error))) {
      throw new IllegalArgumentException("error must be finite and positive, got " + error);
    }
    if (error != null && !(internal instanceof InternalPrecision.Auto)) {
      throw new IllegalArgumentException("error is only used with internal precision auto");
    }
  }

  /** Without explicit node types. */
  public PrecisionSpec(FixedType defaultType, InternalPrecision internal, FixedType constants, Double error) {
    this(defaultType, internal, constants, error, List.of());
  }

  /** What a model file without a {@code precision} section means. */
  public static PrecisionSpec defaults() {
    return new PrecisionSpec(DEFAULT_TYPE, new InternalPrecision.Uniform(null), null, null);
  }

  /** The type of internal nodes under {@code uniform}; null under {@code auto}, where each node has its own. */
  public FixedType uniformType() {
    return internal instanceof InternalPrecision.Uniform u ? (u.type() == null ? defaultType : u.type()) : null;
  }

}
