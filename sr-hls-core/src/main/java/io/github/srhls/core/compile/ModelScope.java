package io.github.srhls.core.compile;

import io.github.srhls.core.expr.Scope;
import java.util.Collection;
import java.util.HashMap;
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

  private final List<String> inputs;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<String, Integer> customs;
  private final int firstIndex;

  ModelScope(List<String> inputs, Map<String, Integer> customs, boolean oneBased) {
    this.inputs = List.copyOf(inputs);
    for (int i = 0; i < inputs.size(); i++) {
      byName.put(inputs.get(i), i);
    }
    this.customs = Map.copyOf(customs);
    this.firstIndex = oneBased ? 1 : 0;
  }

  @Override
  public OptionalInt variable(String name) {
    Integer declared = byName.get(name);
    if (declared != null) {
      return OptionalInt.of(declared);
    }
    Matcher m = POSITIONAL.matcher(name);
    if (m.matches()) {
      long i = Long.parseLong(m.group(1)) - firstIndex;
      if (i >= 0 && i < inputs.size()) {
        return OptionalInt.of((int) i);
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public OptionalInt customArity(String name) {
    Integer arity = customs.get(name);
    return arity == null ? OptionalInt.empty() : OptionalInt.of(arity);
  }

  @Override
  public Collection<String> variableNames() {
    return inputs;
  }

  @Override
  public Collection<String> customNames() {
    return customs.keySet();
  }
}
