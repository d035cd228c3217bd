package io.github.srhls.core.expr;

import io.github.srhls.core.diag.Echo;
import io.github.srhls.core.diag.Suggestions;
import io.github.srhls.core.expr.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads an expression in sympy {@code str()} syntax or PySR / SymbolicRegression.jl syntax (both at once: they
 * differ only in spellings the grammar accepts side by side).
 *
 * <pre>
 * sum     := product (('+' | '-') product)*          left-associative (balanced past MAX_DEPTH terms)
 * product := unary (('*' | '/') unary)*              left-associative (balanced past MAX_DEPTH factors)
 * unary   := ('-' | '+') unary | power
 * power   := primary (('^' | '**') unary)?           right-associative, binds tighter than a leading minus
 * primary := number | name | name '(' args ')' | '(' sum ')'
 * </pre>
 *
 * So {@code -x**2} is {@code -(x**2)}, {@code 2**-1} works, and Julia's unbracketed negative constants
 * ({@code x15 * -0.34}, {@code a - -0.04}) read as written. A minus directly before a number literal (and not
 * before a power of it) folds into a negative {@link Expr.Num}: Julia prints negative constants that way, and the
 * negation of a literal is exact. SymbolicRegression.jl writes a negative constant raised to a power as
 * {@code (-0.5 ^ x1)}; like PySR's own sympy import of that text, this reads it as {@code -(0.5 ^ x1)}.
 */
public final class ExprParser {
  /** Deepest nesting accepted, in parentheses, calls, signs and operator-tree levels. */
  static final int MAX_DEPTH = 500;
  /**
   * Bound on the parser's own recursion (brackets, calls, signs, powers): each level costs several stack frames,
   * and a compiled frame can be large, so this stays well inside a default 1 MB thread stack.
   */
  static final int MAX_NESTING = 200;

  /** Names PySR gives comparison and logic operators in function-call form. */
  private static final Set<String> NOT_ARITHMETIC = Set.of(
      "greater", "greater_equal", "less", "less_equal", "cond", "logical_or", "logical_and");

  private final Scope scope;
  private final List<Token> tokens;
  private int next;
  private int depth;

  private ExprParser(String src, Scope scope) {
    this.scope = scope;
    this.tokens = Lexer.tokenize(src);
  }

  /**
   * Parses {@code source}, resolving names through {@code scope}.
   *
   * @throws ExprException with the offending range of {@code source} if the text is not a valid expression
   */
  public static Expr parse(String source, Scope scope) {
    ExprParser parser = new ExprParser(source, scope);
    parser.checkParentheses();
    Expr expr = parser.whole();
    checkHeight(expr);
    return expr;
  }

  private Expr whole() {
    if (peek().kind() == Kind.END) {
      throw new ExprException("empty expression", 0, 0);
    }
    Expr expr = sum();
    Token after = peek();
    if (after.kind() != Kind.END) {
      throw new ExprException("unexpected " + after.describe() + " after the end of the expression",
          after.start(), after.end());
    }
    return expr;
  }

  /** Finds unbalanced parentheses first, so the error points at the unmatched one rather than where parsing stalls. */
  private void checkParentheses() {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.kind() == Kind.OPEN) {
        open.push(t);
      } else if (t.kind() == Kind.CLOSE) {
        if (open.isEmpty()) {
          throw new ExprException("unbalanced parenthesis: this ')' has no matching '('", t.start(), t.end());
        }
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      Token unclosed = open.peek();
      throw new ExprException("unbalanced parenthesis: this '(' is never closed", unclosed.start(), unclosed.end());
    }
  }

  private Expr sum() {
    return chain(this::product, Kind.PLUS, Kind.MINUS, Builtin.ADD, Builtin.SUB);
  }

  private Expr product() {
    return chain(this::unary, Kind.STAR, Kind.SLASH, Builtin.MUL, Builtin.DIV);
  }

  /**
   * A left-associative chain such as {@code a - b + c}, read without recursion. A chain of more than
   * {@link #MAX_DEPTH} operands (a flat sum of 10^5 terms) would be as deep as it is long, so it becomes a balanced
   * tree of the same terms instead: {@code (a - b) + (c + d)}; shorter chains keep the order they are written in.
   */
  private Expr chain(Supplier<Expr> operand, Kind same, Kind inverse, Builtin sameOp, Builtin inverseOp) {
    List<Expr> terms = new ArrayList<>();
    List<Boolean> inverted = new ArrayList<>();
    terms.add(operand.get());
    inverted.add(false);
    while (peek().kind() == same || peek().kind() == inverse) {
      inverted.add(take().kind() == inverse);
      terms.add(operand.get());
    }
    if (terms.size() <= MAX_DEPTH) {
      Expr left = terms.get(0);
      for (int i = 1; i < terms.size(); i++) {
        Expr right = terms.get(i);
        left = Expr.Call.of(inverted.get(i) ? inverseOp : sameOp, List.of(left, right), left.start(), right.end());
      }
      return left;
    }
    // each group stands for +g or -g (*g or /g); the group holding the first term is always first and positive
    while (terms.size() > 1) {
      List<Expr> groups = new ArrayList<>();
      List<Boolean> signs = new ArrayList<>();
      for (int i = 0; i < terms.size(); i += 2) {
        if (i + 1 == terms.size()) {
          groups.add(terms.get(i));
          signs.add(inverted.get(i));
          break;
        }
        Expr a = terms.get(i);
        Expr b = terms.get(i + 1);
        // +a + +b = +(a + b), +a + -b = +(a - b), -a + +b = -(a - b), -a + -b = -(a + b)
        Builtin op = inverted.get(i).equals(inverted.get(i + 1)) ? sameOp : inverseOp;
        groups.add(Expr.Call.of(op, List.of(a, b), a.start(), b.end()));
        signs.add(inverted.get(i));
      }
      terms = groups;
      inverted = signs;
    }
    return terms.get(0);
  }

  /** Every recursion of the grammar passes through here, so this is where nesting depth is bounded. */
  private Expr unary() {
    Token first = peek();
    if (++depth > MAX_NESTING) {
      throw tooDeep(MAX_NESTING, first.start(), first.end());
    }
    try {
      if (first.kind() == Kind.PLUS) {
        take();
        return unary();
      }
      if (first.kind() == Kind.MINUS) {
        take();
        if (peek().kind() == Kind.NUMBER && peek(1).kind() != Kind.POWER) {
          Token number = take();
          return new Expr.Num(-number.value(), first.start(), number.end());
        }
        Expr operand = unary();
        return Expr.Call.of(Builtin.NEG, List.of(operand), first.start(), operand.end());
      }
      return power();
    } finally {
      depth--;
    }
  }

  private Expr power() {
    Expr base = primary();
    if (peek().kind() != Kind.POWER) {
      return base;
    }
    take();
    Expr exponent = unary();
    return Expr.Call.of(Builtin.POW, List.of(base, exponent), base.start(), exponent.end());
  }

  private Expr primary() {
    Token t = take();
    return switch (t.kind()) {
      case NUMBER -> new Expr.Num(t.value(), t.start(), t.end());
      case NAME -> peek().kind() == Kind.OPEN ? call(t) : name(t);
      case OPEN -> {
        Expr inner = sum();
        Token close = expect(Kind.CLOSE, "')'");
        yield withRange(inner, t.start(), close.end());
      }
      case END -> {
        Token last = tokens.get(Math.max(0, tokens.size() - 2));
        throw new ExprException("the expression ends where an operand is expected", last.end(), last.end());
      }
      default -> throw new ExprException("expected an operand but found " + t.describe(), t.start(), t.end());
    };
  }

  private Expr call(Token name) {
    take();
    List<Expr> args = new ArrayList<>();
    if (peek().kind() == Kind.CLOSE) {
      take();
    } else {
      while (true) {
        args.add(sum());
        Token t = take();
        if (t.kind() == Kind.CLOSE) {
          break;
        }
        if (t.kind() != Kind.COMMA) {
          throw new ExprException("expected ',' or ')' but found " + t.describe(), t.start(), t.end());
        }
      }
    }
    int end = tokens.get(next - 1).end();
    String spelled = name.text();
    OptionalInt customArity = scope.customArity(spelled);
    if (customArity.isPresent()) {
      checkArity(spelled, customArity.getAsInt(), args.size(), name.start(), end);
      return new Expr.Call(null, spelled, args, name.start(), end);
    }
    Optional<Builtin> builtin = Builtin.byFunctionName(spelled);
    if (builtin.isPresent()) {
      checkArity(spelled, builtin.get().arity(), args.size(), name.start(), end);
      return Expr.Call.of(builtin.get(), args, name.start(), end);
    }
    if (scope.variable(spelled).isPresent()) {
      throw new ExprException("'" + Echo.of(spelled) + "' is a variable, not a function", name.start(), name.end());
    }
    if (NOT_ARITHMETIC.contains(spelled)) {
      throw new ExprException("'" + Echo.of(spelled) + "' is a comparison or logic operator, which is not supported:"
          + " sr-hls compiles arithmetic expressions only", name.start(), name.end());
    }
    Set<String> known = new TreeSet<>(Builtin.functionNames());
    known.addAll(scope.customNames());
    String suggestion = Suggestions.nearest(spelled, known, this::isCanonicalFunction)
        .map(s -> "; did you mean '" + s + "'?")
        .orElse(" (neither a builtin nor a custom operator in scope)");
    throw new ExprException("unknown function '" + Echo.of(spelled) + "'" + suggestion, name.start(), name.end());
  }

  private boolean isCanonicalFunction(String name) {
    return scope.customArity(name).isPresent()
        || Builtin.byFunctionName(name).map(b -> b.canonicalName().equals(name)).orElse(false);
  }

  private static void checkArity(String name, int arity, int got, int start, int end) {
    if (arity != got) {
      throw new ExprException("'" + name + "' takes " + arity + (arity == 1 ? " argument" : " arguments")
          + ", got " + got, start, end);
    }
  }

  private Expr name(Token t) {
    String spelled = t.text();
    OptionalInt index = scope.variable(spelled);
    if (index.isPresent()) {
      return new Expr.Input(index.getAsInt(), spelled, t.start(), t.end());
    }
    if (spelled.equals("pi")) {
      return new Expr.Num(Math.PI, t.start(), t.end());
    }
    if (spelled.equals("E")) {
      return new Expr.Num(Math.E, t.start(), t.end());
    }
    if (scope.customArity(spelled).isPresent() || Builtin.byFunctionName(spelled).isPresent()) {
      throw new ExprException("'" + Echo.of(spelled) + "' is a function; call it as " + Echo.of(spelled) + "(...)",
          t.start(), t.end());
    }
    String hint = Suggestions.nearest(spelled, scope.variableNames(), v -> true)
        .map(s -> "; did you mean '" + s + "'?")
        .orElseGet(() -> knownVariables());
    throw new ExprException("unknown variable '" + Echo.of(spelled) + "'" + hint, t.start(), t.end());
  }

  private String knownVariables() {
    List<String> names = List.copyOf(scope.variableNames());
    if (names.isEmpty()) {
      return " (no variables are defined here)";
    }
    if (names.size() <= 8) {
      return "; the variables are " + String.join(", ", names);
    }
    return "; the variables are " + String.join(", ", names.subList(0, 6)) + ", ..., " + names.get(names.size() - 1)
        + " (" + names.size() + " in all)";
  }

  private Token expect(Kind kind, String what) {
    Token t = take();
    if (t.kind() != kind) {
      throw new ExprException("expected " + what + " but found " + t.describe(), t.start(), t.end());
    }
    return t;
  }

  /** A bracketed expression spans its brackets, so later diagnostics underline what the user sees as one unit. */
  private static Expr withRange(Expr e, int start, int end) {
    if (e instanceof Expr.Num n) {
      return new Expr.Num(n.value(), start, end);
    }
    if (e instanceof Expr.Input i) {
      return new Expr.Input(i.index(), i.name(), start, end);
    }
    Expr.Call c = (Expr.Call) e;
    return new Expr.Call(c.builtin(), c.name(), c.args(), start, end);
  }

  private Token peek() {
    return peek(0);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private Token take() {
    Token t = peek();
    if (next < tokens.size() - 1) {
      next++;
    }
    return t;
  }

  /**
   * Bounds the tree's height as well as the parser's recursion: a flat chain like {@code x+x+...+x} parses
   * without recursion but yields a tree as deep as it is long, which every later recursive pass would walk.
   */
  private static void checkHeight(Expr root) {
    List<Expr> level = List.of(root);
    for (int height = 1; !level.isEmpty(); height++) {
      if (height > MAX_DEPTH) {
        Expr deep = level.get(0);
        throw tooDeep(MAX_DEPTH, deep.start(), deep.end());
      }
      List<Expr> below = new ArrayList<>();
      for (Expr e : level) {
        if (e instanceof Expr.Call c) {
          below.addAll(c.args());
        }
      }
      level = below;
    }
  }

  private static ExprException tooDeep(int limit, int start, int end) {
    return new ExprException("expression nested too deeply (more than " + limit
        + " levels); split it or simplify it", start, end);
  }
}
