package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} node by node. Every node passes through the simplifying constructor {@link #op}, which
 * applies the compiler's local passes as the node is made:
 *
 * <ul>
 *   <li>constant folding, functions of constants included (evaluated once in double precision, not at run time);
 *   <li>common-subexpression sharing: equal nodes are hash-consed to one id, across all outputs; commutative
 *       operands are put in a canonical order first so {@code a*b} and {@code b*a} meet;
 *   <li>product chains are canonical: a chain of multiplications (through negations and constant factors) is
 *       its {@link Factors} times one folded coefficient, applied last ({@code c * (x*y)}), so the product of the
 *       non-constant factors is one shared node however the chains were written or grouped; a new chain is built
 *       on the largest product built before that it contains ({@code x*sin(a)*cos(b)} on {@code sin(a)*cos(b)});
 *   <li>integer powers become multiplication chains (square and multiply), {@code square}/{@code cube} likewise;
 *   <li>sinh and cosh become their definitions in exp, which every argument can be reduced for;
 *   <li>division by a constant becomes multiplication by its reciprocal;
 *   <li>identities that are exact in fixed point: {@code x+0}, {@code x-0}, {@code x*1}, {@code x*0},
 *       {@code x/1}, {@code -(-x)};
 *   <li>two multiples of one product (a value, its negation, {@code c*x}) cancel or divide out: {@code x - x} and
 *       {@code x + (-x)} are 0, {@code x / x} is 1, {@code (2*x*y) / (-x*y)} is -2, as they are in exact
 *       arithmetic. Range analysis would otherwise treat the two operands as independent ({@code cos(a - a)} in
 *       [-1, 1]); folding here, in the one graph the Java model and the C++ are both made from, keeps them equal
 *       (a quotient x/x is 1 even at x = 0, where the unfolded firmware would saturate and the float model give
 *       NaN).
 * </ul>
 *
 * Doing this during construction keeps every intermediate graph already simplified, so a pass never has to
 * re-run to a fixed point.
 */
public final class GraphBuilder {
  /** Integer exponents up to this size become multiplication chains; larger ones go through exp/log. */
  static final int MAX_CHAIN_EXPONENT = 64;

  /**
   * A product chain of more factors than this stays a plain multiplication of its two operands. Only nested powers
   * come near it; it keeps the factor counts far from overflow.
   */
  static final int MAX_CHAIN_DEGREE = 1 << 20;

  private final List<Node> nodes = new ArrayList<>();
  private final Map<Node, Integer> ids = new HashMap<>();
  /** What each product node multiplies: its coefficient and factors. */
  private final Map<Integer, Term> terms = new HashMap<>();
  private final ProductIndex products = new ProductIndex();

  public int constant(double value) {
    // one zero: -0.0 and 0.0 are the same fixed-point value
    return intern(new Node.Const(value == 0.0 ? 0.0 : value));
  }

  public int input(int index) {
    return intern(new Node.Input(index));
  }

  /** Adds {@code op(args)}, simplified. Returns the id of the node that computes it. */
  public int op(Builtin op, int... args) {
    if (args.length != op.arity()) {
      throw new IllegalArgumentException(op + " takes " + op.arity() + " operands");
    }
    Double folded = fold(op, args);
    if (folded != null) {
      return constant(folded);
    }
    switch (op) {
      case SINH:
      case COSH: {
        // (e^x -+ e^-x) / 2: exp reduces any argument by exponent split, so these need no table of their own
        int up = op(Builtin.EXP, args[0]);
        int down = op(Builtin.EXP, op(Builtin.NEG, args[0]));
        return op(Builtin.MUL, op(op == Builtin.SINH ? Builtin.SUB : Builtin.ADD, up, down), constant(0.5));
      }
      case SQUARE:
        return op(Builtin.MUL, args[0], args[0]);
      case CUBE:
        return op(Builtin.MUL, op(Builtin.MUL, args[0], args[0]), args[0]);
      case INV:
        return op(Builtin.DIV, constant(1.0), args[0]);
      case POW:
        return pow(args[0], args[1]);
      case NEG:
        if (nodes.get(args[0]) instanceof Node.Op inner && inner.op() == Builtin.NEG) {
          return inner.arg(0);
        }
        if (terms.containsKey(args[0]) && terms.get(args[0]).coefficient() != 1.0) {
          // -(c*x) is (-c)*x: one multiplication, no negation
          return scaled(terms.get(args[0]).negated());
        }
        break;
      case ADD:
        if (isConst(args[0], 0)) {
          return args[1];
        }
        if (isConst(args[1], 0)) {
          return args[0];
        }
        if (Double.valueOf(-1.0).equals(ratio(args[0], args[1]))) {
          return constant(0.0);
        }
        return intern(commutative(op, args));
      case SUB:
        if (isConst(args[1], 0)) {
          return args[0];
        }
        if (Double.valueOf(1.0).equals(ratio(args[0], args[1]))) {
          return constant(0.0);
        }
        if (isConst(args[0], 0)) {
          return op(Builtin.NEG, args[1]);
        }
        break;
      case MUL:
        return multiply(args);
      case DIV:
        Double quotient = ratio(args[0], args[1]);
        if (quotient != null) {
          return constant(quotient);
        }
        if (nodes.get(args[1]) instanceof Node.Const c && c.value() != 0.0) {
          double reciprocal = 1.0 / c.value();
          if (Double.isFinite(reciprocal)) {
            return op(Builtin.MUL, args[0], constant(reciprocal));
          }
        }
        break;
      case MAX:
      case MIN:
        if (args[0] == args[1]) {
          return args[0];
        }
        return intern(commutative(op, args));
      default:
        break;
    }
    return intern(new Node.Op(op, toList(args)));
  }

  /**
   * The product of the operands as one chain: every constant among them (and inside the products and negations
   * they are) folded into a coefficient, which is applied last; {@code x*0} is 0, {@code x*1} is {@code x},
   * {@code x*-1} is {@code -x}. {@link Lowering} passes a whole chain as written, so the builder sees all its
   * factors at once.
   */
  int multiply(int... operands) {
    for (int a : operands) {
      if (isConst(a, 0)) {
        return constant(0.0);
      }
    }
    Term t = Term.ONE;
    for (int a : operands) {
      t = t == null ? null : t.times(term(a));
    }
    if (t == null) {
      // not one chain (the coefficient leaves double range, or the degree is absurd): multiply pairwise
      if (operands.length == 2) {
        return intern(commutative(Builtin.MUL, operands));
      }
      int acc = operands[0];
      for (int k = 1; k < operands.length; k++) {
        acc = multiply(acc, operands[k]);
      }
      return acc;
    }
    return scaled(t);
  }

  /**
   * a / b where both are multiples of one product of factors (c1 F and c2 F): c1 / c2; null where they are not, or
   * the quotient is no finite non-zero double.
   */
  private Double ratio(int a, int b) {
    Term ta = term(a);
    Term tb = term(b);
    if (ta.factors().isEmpty() || !ta.factors().equals(tb.factors())) {
      return null;
    }
    double q = ta.coefficient() / tb.coefficient();
    return Double.isFinite(q) && q != 0.0 ? q : null;
  }

  /** The node computing a term: the product of its factors, times its coefficient unless that is 1 or -1. */
  private int scaled(Term t) {
    if (t.factors().isEmpty()) {
      return constant(t.coefficient());
    }
    int p = product(t.factors());
    if (t.coefficient() == 1.0) {
      return p;
    }
    if (t.coefficient() == -1.0) {
      return op(Builtin.NEG, p);
    }
    int id = intern(commutative(Builtin.MUL, new int[] {constant(t.coefficient()), p}));
    terms.putIfAbsent(id, t);
    return id;
  }

  /** The node computing these factors (at least one): an existing product, or one built on the best such. */
  private int product(Factors factors) {
    if (factors.degree() == 1) {
      return factors.single();
    }
    Integer known = products.find(factors);
    if (known != null) {
      return known;
    }
    Factors part = products.reusable(factors);
    if (part == null) {
      part = factors.fresh();
    }
    int id = intern(commutative(Builtin.MUL, new int[] {product(part), product(factors.without(part))}));
    terms.putIfAbsent(id, new Term(1.0, factors));
    products.add(factors, id);
    return id;
  }

  /** A node as a product chain: a constant, a negated chain, a product node's term, or else one factor. */
  private Term term(int id) {
    Node n = nodes.get(id);
    if (n instanceof Node.Const c) {
      return new Term(c.value(), Factors.NONE);
    }
    if (n instanceof Node.Op op && op.op() == Builtin.NEG) {
      return term(op.arg(0)).negated();
    }
    Term t = terms.get(id);
    return t != null ? t : new Term(1.0, Factors.of(id));
  }

  /** A coefficient times factors. */
  private record Term(double coefficient, Factors factors) {
    static final Term ONE = new Term(1.0, Factors.NONE);

    /** The product, or null if it is not one chain: its coefficient not a finite non-zero double, or too long. */
    Term times(Term other) {
      double c = coefficient * other.coefficient;
      if (!Double.isFinite(c) || c == 0.0 || factors.degree() + other.factors.degree() > MAX_CHAIN_DEGREE) {
        return null;
      }
      return new Term(c, factors.times(other.factors));
    }

    Term negated() {
      return new Term(-coefficient, factors);
    }
  }

  /** The graph of everything built so far, with the given outputs. */
  public Graph build(List<String> inputNames, List<String> outputNames, List<Integer> outputs) {
    return new Graph(nodes, inputNames, outputNames, outputs);
  }

  private int pow(int base, int exponent) {
    if (nodes.get(exponent) instanceof Node.Const c) {
      double e = c.value();
      if (e == Math.rint(e) && Math.abs(e) <= MAX_CHAIN_EXPONENT) {
        int n = (int) Math.abs(e);
        int chain = n == 0 ? constant(1.0) : chain(base, n);
        return e < 0 ? op(Builtin.DIV, constant(1.0), chain) : chain;
      }
      if (e == 0.5) {
        return op(Builtin.SQRT, base);
      }
    }
    // x^y = exp(y * log(x)): defined for x > 0, as PySR's safe_pow is for non-integer exponents
    return op(Builtin.EXP, op(Builtin.MUL, exponent, op(Builtin.LOG, base)));
  }

  /** x^n for n >= 1 by square and multiply; the squares are shared nodes. */
  private int chain(int base, int n) {
    int result = -1;
    int square = base;
    for (int k = n; k > 0; k >>= 1) {
      if ((k & 1) != 0) {
        result = result < 0 ? square : op(Builtin.MUL, result, square);
      }
      if (k > 1) {
        square = op(Builtin.MUL, square, square);
      }
    }
    return result;
  }

  private Double fold(Builtin op, int[] args) {
    double[] values = new double[args.length];
    for (int i = 0; i < args.length; i++) {
      if (!(nodes.get(args[i]) instanceof Node.Const c)) {
        return null;
      }
      values[i] = c.value();
    }
    double v = FloatSemantics.apply(op, values);
    // a non-finite constant (log(-1), 1/0) is left as an operation so the error surfaces where it is used
    return Double.isFinite(v) ? v : null;
  }

  private boolean isConst(int id, double value) {
    return nodes.get(id) instanceof Node.Const c && c.value() == value;
  }

  private static Node.Op commutative(Builtin op, int[] args) {
    int a = Math.min(args[0], args[1]);
    int b = Math.max(args[0], args[1]);
    return new Node.Op(op, List.of(a, b));
  }

  private static List<Integer> toList(int[] args) {
    List<Integer> list = new ArrayList<>(args.length);
    for (int a : args) {
      list.add(a);
    }
    return list;
  }

  private int intern(Node node) {
    Integer id = ids.get(node);
    if (id == null) {
      id = nodes.size();
      nodes.add(node);
      ids.put(node, id);
    }
    return id;
  }
}
