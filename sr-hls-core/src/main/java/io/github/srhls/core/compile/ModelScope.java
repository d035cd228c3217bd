package io.github.srhls.core.compile;

import io.github.srhls.core.expr.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an output expression may use: the declared input names, and positional {@code x<i>} (zero-based, or
 * one-based for files written by SymbolicRegression.jl directly).
 *
 * <p>Zero-based, a declared name wins over a positional one. One-based, every {@code x<i>} is renumbered before any
 * name is looked up: SymbolicRegression.jl names the columns {@code x1..xn} by position whatever the model calls
 * its inputs, so {@code x1} is input 0 even when an input is declared {@code x1} (as {@code inputs: {count: n}}
 * names them {@code x0..x<n-1>}). Declared names are looked up only for names that are not of that form, so no
 * name can mean two inputs.
 */
final class ModelScope implements Scope {
  private static final Pattern POSITIONAL = Pattern.compile("x(0|[1-9][0-9]{0,8})");

  private final Scope declared;
  private final int inputs;
  private final int firstIndex;
  private final List<String> names;

  ModelScope(List<String> inputs, Map<String, Integer> customs, boolean oneBased) {
    this.declared = Scope.of(inputs, customs);
    this.inputs = inputs.size();
    this.firstIndex = oneBased ? 1 : 0;
    List<String> shown = new ArrayList<>();
    if (oneBased) {
      for (int i = 1; i <= inputs.size(); i++) {
        shown.add("x" + i);
      }
      inputs.stream().filter(n -> !POSITIONAL.matcher(n).matches()).forEach(shown::add);
    } else {
      shown.addAll(inputs);
    }
    this.names = List.copyOf(shown);
  }

  @Override
  public OptionalInt variable(String name) {
    Matcher m = POSITIONAL.matcher(name);
    if (firstIndex == 0 || !m.matches()) {
      OptionalInt byName = declared.variable(name);
      if (byName.isPresent() || !m.matches()) {
        return byName;
      }
    }
    long i = Long.parseLong(m.group(1)) - firstIndex;
    return i >= 0 && i < inputs ? OptionalInt.of((int) i) : OptionalInt.empty();
  }

  @Override
  public OptionalInt customArity(String name) {
    return declared.customArity(name);
  }

  @Override
  public Collection<String> variableNames() {
    return names;
  }

  @Override
  public Collection<String> customNames() {
    return declared.customNames();
  }
}
