package io.github.srhls.core.compile;

import io.github.srhls.core.expr.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an output expression may use: the declared input names, and positional {@code x<i>} (zero-based, or
 * one-based for files written by SymbolicRegression.jl directly). A declared name wins over a positional one.
 */
final class ModelScope implements Scope {
  private static final Pattern POSITIONAL = Pattern.compile("x(0|[1-9][0-9]{0,8})");

  private final Scope declared;
  private final int inputs;
  private final int firstIndex;

  ModelScope(List<String> inputs, Map<String, Integer> customs, boolean oneBased) {
    this.declared = Scope.of(inputs, customs);
    this.inputs = inputs.size();
    this.firstIndex = oneBased ? 1 : 0;
  }

  @Override
  public OptionalInt variable(String name) {
    OptionalInt byName = declared.variable(name);
    if (byName.isPresent()) {
      return byName;
    }
    Matcher m = POSITIONAL.matcher(name);
    if (m.matches()) {
      long i = Long.parseLong(m.group(1)) - firstIndex;
      if (i >= 0 && i < inputs) {
        return OptionalInt.of((int) i);
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public OptionalInt customArity(String name) {
    return declared.customArity(name);
  }

  @Override
  public Collection<String> variableNames() {
    return declared.variableNames();
  }

  @Override
  public Collection<String> customNames() {
    return declared.customNames();
  }
}
