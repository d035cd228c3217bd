package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A custom operator the search used, declared as an expansion: {@code sc(a): sin(a)*cos(a)}.
 *
 * @param name a C identifier, not a C++ keyword and not a built-in function name
 * @param params at least one, each a C identifier, distinct
 * @param body the expansion, an expression over the parameters
 * @param bodyStart where the first character of {@code body} is in the file, as {@link ExpressionSource#textStart}
 */
public record OperatorSpec(String name, List<String> params, String body, SourcePosition bodyStart) {
  public OperatorSpec {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(bodyStart, "bodyStart");
  }
}
