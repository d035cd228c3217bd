package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.fixed.FixedType;
import java.util.Objects;

/**
 * One input of the model.
 *
 * @param name a C identifier, unique among inputs and outputs; a name of the form {@code x<i>} is only allowed at
 *     index {@code i}, because {@code x<i>} in an expression means input {@code i}
 * @param min lower end of the range random test vectors are drawn from (finite, at most {@code max})
 * @param max upper end of that range (finite)
 * @param type the declared type, or null for the model's default type
 * @param at where the input is declared (its name, or the {@code count} of the shorthand form)
 */
public record InputSpec(String name, double min, double max, FixedType type, SourcePosition at) {
  public InputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
  }
}
