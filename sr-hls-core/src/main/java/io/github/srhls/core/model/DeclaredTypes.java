package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed-point types a model file declares, by the key that declares them, for messages about a failure that
 * follows from a type but shows up later (a node or constant too wide for the host header).
 */
public final class DeclaredTypes {
  private DeclaredTypes() {}

  /** Every declared type by its key, in file order of the sections. */
  public static Map<String, FixedType> of(ModelSpec spec) {
    Map<String, FixedType> types = new LinkedHashMap<>();
    for (int i = 0; i < spec.inputs().size(); i++) {
      if (spec.inputs().get(i).type() != null) {
        types.put("inputs[" + i + "].type", spec.inputs().get(i).type());
      }
    }
    for (int j = 0; j < spec.outputs().size(); j++) {
      if (spec.outputs().get(j).type() != null) {
        types.put("outputs[" + j + "].type", spec.outputs().get(j).type());
      }
    }
    PrecisionSpec p = spec.precision();
    types.put("precision.default", p.defaultType());
    if (p.internal() instanceof InternalPrecision.Uniform u && u.type() != null) {
      types.put("precision.internal", u.type());
    }
    if (p.constants() != null) {
      types.put("precision.constants", p.constants());
    }
    for (PrecisionSpec.NodeType n : p.nodes()) {
      types.put("precision.nodes.\"" + n.expression() + "\"", n.type());
    }
    return types;
  }

  /**
   * A sentence naming the declared types to look at: those whose integer bits lie outside 0..W (their bits reach
   * far from the binary point, so they widen everything they meet), or every declared type when none does.
   */
  public static String hint(ModelSpec spec) {
    Map<String, FixedType> all = of(spec);
    List<String> unusual = new ArrayList<>();
    List<String> every = new ArrayList<>();
    all.forEach((key, t) -> {
      String named = key + " " + t.cpp();
      every.add(named);
      if (t.intBits() < 0 || t.intBits() > t.width()) {
        unusual.add(named);
      }
    });
    return unusual.isEmpty()
        ? " The declared types: " + String.join(", ", every) + "; use narrower types or fewer integer bits."
        : " It follows from the integer bits of " + String.join(", ", unusual) + ": bring I within 0..W there.";
  }
}
