package io.github.srhls.core.expr;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The names an expression may use. The caller decides what they mean: a model maps its declared inputs (and
 * positional {@code x<i>}), a custom operator body maps its parameters. The parser only asks.
 */
public interface Scope {

  /** The input index {@code name} denotes, if it is a variable. */
  OptionalInt variable(String name);

  /** The arity of the custom operator called {@code name}, if one is declared. */
  OptionalInt customArity(String name);

  /** Every variable name, for "did you mean" suggestions. */
  Collection<String> variableNames();

  /** Every custom operator name, for "did you mean" suggestions. */
  Collection<String> customNames();

  /**
   * A scope whose variables are {@code variables} (index = list position) and whose custom operators are
   * {@code customs} (name to arity).
   */
  static Scope of(List<String> variables, Map<String, Integer> customs) {
    return new Names(variables, customs);
  }

  /**
   * The plain scope: a list of variable names and a map of custom operator arities.
   *
   * @param variables variable names; a variable's index is its position
   * @param customs custom operator names to arities (kept sorted, so suggestions are deterministic)
   */
  record Names(List<String> variables, Map<String, Integer> customs) implements Scope {
    public Names {
      variables = List.copyOf(variables);
      customs = Collections.unmodifiableSortedMap(new TreeMap<>(customs));
      HashSet<String> seen = new HashSet<>();
      for (String v : variables) {
        if (!seen.add(v)) {
          throw new IllegalArgumentException("variable '" + v + "' is listed twice");
        }
      }
    }

    @Override
    public OptionalInt variable(String name) {
      int i = variables.indexOf(name);
      return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    @Override
    public OptionalInt customArity(String name) {
      Integer arity = customs.get(name);
      return arity == null ? OptionalInt.empty() : OptionalInt.of(arity);
    }

    @Override
    public Collection<String> variableNames() {
      return variables;
    }

    @Override
    public Collection<String> customNames() {
      return customs.keySet();
    }
  }
}
