package io.github.srhls.core.backend.hls;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.HostWidths;
import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.design.units.VendorFunction;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.template.Template;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Emits the HLS C++ firmware: {@code firmware/defines.h}, {@code firmware/<name>.h} and {@code firmware/<name>.cpp}.
 * One named, typed temporary per DAG node; every constant is a typed value (the vendor's headers have no
 * operators between fixed-point values and doubles); function units are emitted as ROM tables with their index
 * arithmetic. Only API that both our host header and the vendor's headers provide is used. The two headers are
 * mostly fixed text, from the templates {@code defines.h.tmpl} and {@code top.h.tmpl} beside this class.
 */
public final class FirmwareEmitter {
  private static final int TABLE_VALUES_PER_LINE = 8;

  private final Design design;
  private final Provenance provenance;
  private final Map<FunctionUnit, String> unitNames = new IdentityHashMap<>();

  public FirmwareEmitter(Design design, Provenance provenance) {
    this.design = design;
    this.provenance = provenance;
  }

  /** The files, by path relative to the generated project, in a fixed order. */
  public Map<String, String> emit() {
    Map<String, String> files = new LinkedHashMap<>();
    String name = design.name();
    files.put("firmware/defines.h", defines());
    files.put("firmware/" + name + ".h", header());
    files.put("firmware/" + name + ".cpp", source());
    return files;
  }

  private String defines() {
    Graph g = design.graph();
    return provenance.header(design.name(), "Types and sizes")
        + Template.load(FirmwareEmitter.class, "defines.h.tmpl").render(Map.of(
            "guard", design.name().toUpperCase(Locale.ROOT) + "_DEFINES_H_",
            "n_inputs", String.valueOf(g.inputNames().size()),
            "n_outputs", String.valueOf(g.outputNames().size()),
            "input_type", design.inputType().cpp(),
            "result_type", design.resultType().cpp(),
            "internal_type", design.internalType().cpp()));
  }

  private String header() {
    Graph g = design.graph();
    return provenance.header(design.name(), "Top function")
        + Template.load(FirmwareEmitter.class, "top.h.tmpl").render(Map.of(
            "guard", design.name().toUpperCase(Locale.ROOT) + "_H_",
            "inputs", numbered(g.inputNames()),
            "outputs", numbered(g.outputNames()),
            "name", design.name()));
  }

  /** {@code 0 a, 1 b}: the names with their array indices. */
  private static String numbered(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(i).append(' ').append(names.get(i));
    }
    return b.toString();
  }

  private String source() {
    StringBuilder b = new StringBuilder(provenance.header(design.name(), "Firmware"));
    b.append("#include \"").append(design.name()).append(".h\"\n");
    if (design.usesVendorMath()) {
      b.append("#include \"hls_math.h\"  // the vendor's math library: only the vendor's C simulation runs this\n");
    }
    emitUnits(b);
    Graph g = design.graph();
    b.append("\nvoid ").append(design.name()).append("(const input_t x[N_INPUTS], result_t y[N_OUTPUTS]) {\n");
    b.append("#pragma HLS PIPELINE II=1\n");
    b.append("#pragma HLS ARRAY_PARTITION variable=x complete\n");
    b.append("#pragma HLS ARRAY_PARTITION variable=y complete\n");
    for (int id = 0; id < g.size(); id++) {
      if (design.isLive(id)) {
        b.append("  ").append(statement(id)).append('\n');
      }
    }
    for (int k = 0; k < g.outputs().size(); k++) {
      b.append("  y[").append(k).append("] = ").append(var(g.outputs().get(k))).append(";  // ")
          .append(g.outputNames().get(k)).append(" = ")
          .append(CppLiterals.comment(provenance.outputTexts().get(k))).append('\n');
    }
    return b.append("}\n").toString();
  }

  private String statement(int id) {
    Node n = design.graph().node(id);
    String t = typeName(design.type(id));
    String decl = "const " + t + " " + var(id) + " = ";
    if (n instanceof Node.Const c) {
      return decl + CppLiterals.exact(design.constants().get(id)) + ";  // " + c.value();
    }
    if (n instanceof Node.Input in) {
      String x = "x[" + in.index() + "]";
      String name = design.graph().inputNames().get(in.index());
      if (design.clamps().isEmpty()) {
        return decl + x + ";  // " + name;
      }
      // into the declared range: the types below were derived from it
      Design.InputClamp c = design.clamps().get(in.index());
      String lo = t + "(" + CppLiterals.exact(c.lo()) + ")";
      String hi = t + "(" + CppLiterals.exact(c.hi()) + ")";
      return decl + "(" + t + "(" + x + ") < " + lo + ") ? " + lo + " : ((" + t + "(" + x + ") > " + hi + ") ? "
          + hi + " : " + t + "(" + x + "));  // " + name;
    }
    Node.Op op = (Node.Op) n;
    String a = var(op.arg(0));
    String b = op.args().size() > 1 ? var(op.arg(1)) : null;
    String za = zero(design.type(op.arg(0)));
    FunctionUnit unit = design.units().get(id);
    if (unit instanceof VendorFunction v) {
      return decl + t + "(hls::" + v.function().canonicalName() + "(" + v.callType().cpp() + "(" + a + ")));";
    }
    if (unit != null) {
      return decl + unitNames.get(unit) + "(" + a + ");";
    }
    return decl + switch (op.op()) {
      case ADD -> a + " + " + b;
      case SUB -> a + " - " + b;
      case MUL -> a + " * " + b;
      case NEG -> "-" + a;
      case ABS -> "(" + a + " < " + za + ") ? " + t + "(-" + a + ") : " + t + "(" + a + ")";
      case SIGN -> "(" + a + " > " + za + ") ? " + t + "(1) : ((" + a + " < " + za + ") ? " + t + "(-1) : " + t + "(0))";
      case MAX -> "(" + a + " >= " + b + ") ? " + t + "(" + a + ") : " + t + "(" + b + ")";
      case MIN -> "(" + a + " <= " + b + ") ? " + t + "(" + a + ") : " + t + "(" + b + ")";
      // division by zero saturates toward the numerator's sign instead of trapping
      case DIV -> "(" + b + " == " + zero(design.type(op.arg(1))) + ") ? ((" + a + " < " + za + ") ? " + t + "(" + CppLiterals.exact(Fixed.min(design.type(id)))
          + ") : " + t + "(" + CppLiterals.exact(Fixed.max(design.type(id))) + ")) : " + t + "("
          + numerator(id, a) + " / " + b + ")";
      default -> throw new IllegalStateException(op.op() + " has no function unit");
    } + ";";
  }

  /**
   * Writes each distinct function unit once, and each distinct set of coefficient tables once: units that differ
   * only in their argument type (sin of an input and sin of an intermediate) share one ROM's contents.
   */
  private void emitUnits(StringBuilder b) {
    Map<Segments, String> tables = new HashMap<>();
    int k = 0;
    for (int id = 0; id < design.graph().size(); id++) {
      if (!(design.units().get(id) instanceof TableUnit unit) || unitNames.containsKey(unit)) {
        continue;
      }
      String fn = design.name() + "_" + unit.function().canonicalName() + "_" + k++;
      unitNames.put(unit, fn);
      Segments segments = unit.segments();
      String table = tables.get(segments);
      if (table == null) {
        table = fn + "_table";
        tables.put(segments, table);
        emitTables(b, unit, table);
      }
      String rt = typeName(unit.resultType());
      b.append("\nstatic ").append(rt).append(' ').append(fn).append("(const ").append(typeName(unit.argType()))
          .append(" &x) {\n#pragma HLS INLINE\n");
      if (unit instanceof PeriodicTable p) {
        periodic(b, p, table);
      } else if (unit instanceof RootTable q) {
        root(b, q, table, rt);
      } else if (unit instanceof TanhTable h) {
        tanh(b, h, table, rt);
      } else if (unit instanceof LogTable l) {
        log(b, l, table);
      } else if (unit instanceof ExpTable e) {
        exp(b, e, table, fn + "_powers");
      }
      b.append("}\n");
    }
  }

  /** sin, cos, tan: the position wraps by the period. */
  private void periodic(StringBuilder b, PeriodicTable p, String table) {
    constant(b, "scale", p.scale(), "segments per unit of argument");
    b.append("  const ").append(p.positionType().cpp()).append(" pos = x * scale;  // wraps: reduces by the period\n");
    value(b, p.segments(), table, "pos.to_int()", "pos");
    b.append("  return v;\n");
  }

  /** sqrt, cbrt: |x| = m' 2^(kq) by the priority encoder, root(m') from the table, times 2^q. */
  private void root(StringBuilder b, RootTable q, String table, String rt) {
    int min = q.minExponent();
    int root = q.root();
    rom(b, "powers", q.powers(), "2^e from e = " + min);
    rom(b, "scales", q.scales(), "2^-" + root + "q from q = " + q.minQuotient());
    rom(b, "roots", q.roots(), "2^q");
    constant(b, "entries", q.entries(), null);
    String zx = zero(q.argType());
    b.append(root == 2 ? "  if (x <= " + zx + ") return " + rt + "(0);\n" : "  if (x == " + zx + ") return " + rt
        + "(0);\n");
    b.append("  ").append(magnitude(q.magnitudeType(), zx)).append('\n');
    b.append("  int e = ").append(min).append(";  // a = m 2^e, m in [1, 2)\n");
    priorityEncoder(b, "  ", "a", min, q.maxExponent());
    b.append("  const int r = ((e % ").append(root).append(") + ").append(root).append(") % ").append(root)
        .append(";\n");
    b.append("  const int q = (e - r) / ").append(root).append(";  // a = m' 2^(").append(root)
        .append("q), m' in [1, ").append(1 << root).append(")\n");
    b.append("  const ").append(q.indexType().cpp()).append(" pos = a * scales[q - (").append(q.minQuotient())
        .append(")] * entries;\n");
    value(b, q.segments(), table, "pos.to_int()", "pos");
    String product = "v * roots[q - (" + q.minQuotient() + ")]";
    b.append("  return (x < ").append(zx).append(") ? ").append(rt).append("(-(").append(product).append(")) : ").append(rt)
        .append('(').append(product).append(");\n");
  }

  /** tanh: odd, tabulated over [0, end), 1 beyond. */
  private void tanh(StringBuilder b, TanhTable h, String table, String rt) {
    String one = rt + "(" + CppLiterals.exact(h.one()) + ")";
    String zx = zero(h.argType());
    b.append("  ").append(magnitude(h.magnitudeType(), zx)).append("  // tanh(-x) = -tanh(x)\n");
    constant(b, "scale", h.scale(), "segments per unit of |x|");
    b.append("  const ").append(h.positionType().cpp()).append(" pos = a * scale;\n");
    b.append("  const int idx = pos.to_int();\n");
    b.append("  if (idx >= ").append(h.segments().size()).append(") {  // 1 from there on\n");
    b.append("    return (x < ").append(zx).append(") ? ").append(rt).append("(-").append(one).append(") : ").append(one).append(";\n");
    b.append("  }\n");
    value(b, h.segments(), table, "idx", "pos");
    b.append("  return (x < ").append(zx).append(") ? ").append(rt).append("(-v) : v;\n");
  }

  /** log, log2, log10: x = m 2^e by the priority encoder, log(m) from the table, plus e log(2). */
  private void log(StringBuilder b, LogTable l, String table) {
    int min = l.minExponent();
    rom(b, "powers", l.powers(), "2^e from e = " + min);
    rom(b, "inverses", l.inversePowers(), "2^-e");
    constant(b, "log_of_two", l.logOfTwo(), null);
    constant(b, "entries", l.entries(), null);
    b.append("  int e = ").append(min).append(";\n");
    b.append("  ").append(l.indexType().cpp()).append(" pos = 0;\n");
    b.append("  if (x > ").append(zero(l.argType())).append(") {  // x = m 2^e, m in [1, 2); a non-positive x counts as the smallest positive\n");
    priorityEncoder(b, "    ", "x", min, l.maxExponent());
    b.append("    pos = x * inverses[e - (").append(min).append(")] * entries;  // (m - 1) N\n");
    b.append("  }\n");
    value(b, l.segments(), table, "pos.to_int()", "pos");
    b.append("  return v + e * log_of_two;\n");
  }

  /** exp: x log2(e) = k + f, 2^f from the table, times 2^k from a small ROM. */
  private void exp(StringBuilder b, ExpTable e, String table, String powers) {
    rom(b, powers, e.powers(), "2^k from k = " + e.minExponent());
    constant(b, "scale", e.scale(), "segments per octave times log2(e)");
    b.append("  const ").append(e.positionType().cpp()).append(" u = x * scale;\n");
    b.append("  const ").append(e.indexType().cpp()).append(" pos = u;  // within the octave\n");
    constant(b, "octave", e.octave(), null);
    b.append("  const ").append(e.exponentType().cpp()).append(" k = u * octave;  // the octave\n");
    b.append("  int kept = k.to_int();\n");
    b.append("  if (kept < ").append(e.minExponent()).append(") kept = ").append(e.minExponent()).append(";\n");
    b.append("  if (kept > ").append(e.maxExponent()).append(") kept = ").append(e.maxExponent()).append(";\n");
    value(b, e.segments(), table, "pos.to_int()", "pos");
    b.append("  return v * ").append(powers).append("[kept - (").append(e.minExponent()).append(")];\n");
  }

  /** The coefficient tables: one ROM per coefficient, c0 named {@code <table>} at degree 0. */
  private void emitTables(StringBuilder b, TableUnit unit, String table) {
    Segments segments = unit.segments();
    int n = segments.size();
    b.append("\n// ").append(unit.function().canonicalName()).append(": ").append(n).append(" segments, ")
        .append(describe(unit)).append('\n');
    for (int k = 0; k <= segments.degree(); k++) {
      List<Fixed> column = segments.coefficients().get(k);
      b.append("static const ").append(typeName(segments.coefficientType(k))).append(' ')
          .append(coefficientTable(segments, table, k)).append('[').append(n).append("] = {");
      for (int i = 0; i < n; i++) {
        b.append(i % TABLE_VALUES_PER_LINE == 0 ? "\n    " : " ")
            .append(CppLiterals.exact(column.get(i))).append(i + 1 < n ? "," : "");
      }
      b.append("\n};\n");
    }
  }

  private static String coefficientTable(Segments segments, String table, int k) {
    return segments.degree() == 0 ? table : table + "_c" + k;
  }

  /**
   * {@code v}, the segments' value at a position: the segment's entry, or its polynomial in t (the position's
   * fraction) by Horner's rule, each sum in its own type as {@link Segments#evaluate} computes it.
   */
  private void value(StringBuilder b, Segments segments, String table, String index, String position) {
    String value = typeName(segments.valueType());
    int d = segments.degree();
    if (d == 0) {
      b.append("  const ").append(value).append(" v = ").append(table).append('[').append(index).append("];\n");
      return;
    }
    b.append("  const int i = ").append(index).append(";\n");
    b.append("  const ").append(segments.fractionType().cpp()).append(" t = ").append(position)
        .append(";  // within the segment\n");
    String sum = coefficientTable(segments, table, d) + "[i]";
    for (int k = d - 1; k >= 0; k--) {
      String name = k == 0 ? "v" : "s" + k;
      String type = k == 0 ? value : segments.stepTypes().get(k).cpp();
      b.append("  const ").append(type).append(' ').append(name).append(" = ").append(sum).append(" * t + ")
          .append(coefficientTable(segments, table, k)).append("[i];\n");
      sum = name;
    }
  }

  /** A unit's small ROM of exact values (its powers of two), all of one type. */
  private static void rom(StringBuilder b, String name, List<Fixed> values, String comment) {
    b.append("  static const ").append(values.get(0).type().cpp()).append(' ').append(name).append('[')
        .append(values.size()).append("] = {");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(CppLiterals.exact(values.get(i)));
    }
    b.append("};  // ").append(comment).append('\n');
  }

  /** A unit's constant in its own type, with a comment where it says something. */
  private static void constant(StringBuilder b, String name, Fixed value, String comment) {
    b.append("  const ").append(value.type().cpp()).append(' ').append(name).append(" = ")
        .append(CppLiterals.exact(value)).append(';').append(comment == null ? "" : "  // " + comment).append('\n');
  }

  /** {@code a = |x|} in the magnitude type, where negation cannot overflow. */
  private static String magnitude(FixedType type, String zero) {
    String m = type.cpp();
    return "const " + m + " a = (x < " + zero + ") ? " + m + "(-x) : " + m + "(x);";
  }

  /**
   * 0 to compare a value of this type with: the C integer, unless lining the value up with an int's 32 integer bits
   * would take the comparison past the host header's 128 bits (bits far below the binary point), then a 0 of the
   * value's own type.
   */
  private String zero(FixedType t) {
    return HostWidths.comparesWithInt(t) ? "0" : typeName(t) + "(0)";
  }

  /** The priority encoder over {@code powers}: e becomes the largest j with value >= 2^j. */
  private static void priorityEncoder(StringBuilder b, String indent, String value, int min, int max) {
    b.append(indent).append("for (int j = ").append(min + 1).append("; j <= ").append(max).append("; j++) {\n");
    b.append(indent).append("  if (").append(value).append(" >= powers[j - (").append(min).append(")]) e = j;\n");
    b.append(indent).append("}\n");
  }

  private String numerator(int id, String a) {
    FixedType widened = design.numeratorType(id);
    return widened == null ? a : widened.cpp() + "(" + a + ")";
  }

  private static String describe(TableUnit unit) {
    Segments segments = unit.segments();
    String shape = segments.degree() == 0 ? "values at segment centres"
        : segments.degree() == 1 ? "linear in t (" + segments.fractionType().width() + " bits)"
        : "polynomials of degree " + segments.degree() + " in t (" + segments.fractionType().width() + " bits)";
    String reduction;
    if (unit instanceof PeriodicTable p) {
      reduction = "one period (" + p.period() + ")";
    } else if (unit instanceof RootTable q) {
      reduction = "root(m') over [0, " + (1 << q.root()) + "); x = m' 2^(" + q.root() + "q)";
    } else if (unit instanceof TanhTable h) {
      reduction = "tanh over [0, " + TanhTable.end(h.resultType()) + "); odd symmetry, and 1 beyond";
    } else if (unit instanceof LogTable) {
      reduction = "log(m) over one octave of the mantissa; log(x) = log(m) + e log(2) with x = m 2^e";
    } else {
      reduction = "2^f over one octave; exp(x) = 2^f * 2^k with x log2(e) = k + f";
    }
    return shape + "; " + reduction;
  }

  private String typeName(FixedType t) {
    if (t.equals(design.internalType())) {
      return "internal_t";
    }
    if (t.equals(design.inputType())) {
      return "input_t";
    }
    if (t.equals(design.resultType())) {
      return "result_t";
    }
    return t.cpp();
  }

  private static String var(int id) {
    return "t" + id;
  }

}
