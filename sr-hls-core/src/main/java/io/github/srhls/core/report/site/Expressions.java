package io.github.srhls.core.report.site;

import io.github.srhls.core.expr.ExprException;
import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.ExprPrinter;
import io.github.srhls.core.expr.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/** An output's expression as the page shows it: printed canonically, with the fewest parentheses. */
final class Expressions {
  private Expressions() {}

  /**
   * The canonical text of {@code text}, or {@code text} itself, trimmed, when it does not parse on its own (it calls
   * a custom operator of the model file, whose arity only the model knows).
   */
  static String pretty(String text) {
    try {
      return ExprPrinter.print(ExprParser.parse(text, new AnyVariable()));
    } catch (ExprException e) {
      return text.strip();
    }
  }

  /** Every name that is not a constant is a variable: the page prints names, it does not evaluate them. */
  private static final class AnyVariable implements Scope {
    private final List<String> names = new ArrayList<>();

    @Override
    public OptionalInt variable(String name) {
      if (name.equals("pi") || name.equals("E")) {
        return OptionalInt.empty();
      }
      int i = names.indexOf(name);
      if (i < 0) {
        names.add(name);
        i = names.size() - 1;
      }
      return OptionalInt.of(i);
    }

    @Override
    public OptionalInt customArity(String name) {
      return OptionalInt.empty();
    }

    @Override
    public Collection<String> variableNames() {
      return names;
    }

    @Override
    public Collection<String> customNames() {
      return List.of();
    }
  }
}
