package io.github.srhls.core.model;

import io.github.srhls.core.fixed.FixedType;
import java.util.Objects;

/**
 * One output of the model.
 *
 * @param name a C identifier, unique among inputs and outputs
 * @param type the declared type, or null for the model's default type
 * @param source where the expression comes from
 */
public record OutputSpec(String name, FixedType type, OutputSource source) {
  public OutputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
