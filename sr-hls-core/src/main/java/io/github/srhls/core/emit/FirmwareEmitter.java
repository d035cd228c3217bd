package io.github.srhls.core.emit;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.funcs.ExpTable;
import io.github.srhls.core.funcs.FunctionUnit;
import io.github.srhls.core.funcs.LogTable;
import io.github.srhls.core.funcs.PeriodicTable;
import io.github.srhls.core.funcs.RootTable;
import io.github.srhls.core.funcs.TanhTable;
import io.github.srhls.core.funcs.VendorFunction;
import io.github.srhls.core.hls.Design;
import io.github.srhls.core.hls.TypeBounds;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
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
 * arithmetic. Only API that both our host header and the vendor's headers provide is used.
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
    String guard = design.name().toUpperCase(Locale.ROOT) + "_DEFINES_H_";
    return provenance.header(design.name(), "Types and sizes")
        + "#ifndef " + guard + "\n#define " + guard + "\n\n"
        + "#include \"ap_fixed.h\"\n#include \"ap_int.h\"\n\n"
        + "#define N_INPUTS " + design.graph().inputNames().size() + "\n"
        + "#define N_OUTPUTS " + design.graph().outputNames().size() + "\n\n"
        + "typedef " + design.inputType().cpp() + " input_t;\n"
        + "typedef " + design.resultType().cpp() + " result_t;\n"
        + "typedef " + design.internalType().cpp() + " internal_t;\n\n"
        + "#endif\n";
  }

  private String header() {
    String guard = design.name().toUpperCase(Locale.ROOT) + "_H_";
    StringBuilder b = new StringBuilder(provenance.header(design.name(), "Top function"));
    b.append("#ifndef ").append(guard).append("\n#define ").append(guard).append("\n\n");
    b.append("#include \"defines.h\"\n\n");
    Graph g = design.graph();
    b.append("// x[]: ");
    for (int i = 0; i < g.inputNames().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(i).append(' ').append(g.inputNames().get(i));
    }
    b.append("\n// y[]: ");
    for (int k = 0; k < g.outputNames().size(); k++) {
      b.append(k == 0 ? "" : ", ").append(k).append(' ').append(g.outputNames().get(k));
    }
    b.append("\nvoid ").append(design.name()).append("(const input_t x[N_INPUTS], result_t y[N_OUTPUTS]);\n\n");
    return b.append("#endif\n").toString();
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
    String decl = "const " + typeName(design.type(id)) + " " + var(id) + " = ";
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
      String t = typeName(design.type(id));
      Design.InputClamp c = design.clamps().get(in.index());
      String lo = t + "(" + CppLiterals.exact(c.lo()) + ")";
      String hi = t + "(" + CppLiterals.exact(c.hi()) + ")";
      return decl + "(" + t + "(" + x + ") < " + lo + ") ? " + lo + " : ((" + t + "(" + x + ") > " + hi + ") ? "
          + hi + " : " + t + "(" + x + "));  // " + name;
    }
    Node.Op op = (Node.Op) n;
    String t = typeName(design.type(id));
    String a = var(op.arg(0));
    String b = op.args().size() > 1 ? var(op.arg(1)) : null;
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
      case ABS -> "(" + a + " < 0) ? " + t + "(-" + a + ") : " + t + "(" + a + ")";
      case SIGN -> "(" + a + " > 0) ? " + t + "(1) : ((" + a + " < 0) ? " + t + "(-1) : " + t + "(0))";
      case MAX -> "(" + a + " >= " + b + ") ? " + t + "(" + a + ") : " + t + "(" + b + ")";
      case MIN -> "(" + a + " <= " + b + ") ? " + t + "(" + a + ") : " + t + "(" + b + ")";
      // division by zero saturates toward the numerator's sign instead of trapping
      case DIV -> "(" + b + " == 0) ? ((" + a + " < 0) ? " + t + "(" + CppLiterals.exact(TypeBounds.min(design.type(id)))
          + ") : " + t + "(" + CppLiterals.exact(TypeBounds.max(design.type(id)))
          + ")) : " + t + "(" + numerator(id, a) + " / " + b + ")";
      default -> throw new IllegalStateException(op.op() + " has no function unit");
    } + ";";
  }

  /**
   * Writes each distinct function unit once, and each distinct table once: units that differ only in their
   * argument type (sin of an input and sin of an intermediate) share one ROM's contents.
   */
  private void emitUnits(StringBuilder b) {
    Map<List<Object>, String> tables = new HashMap<>();
    int k = 0;
    for (int id = 0; id < design.graph().size(); id++) {
      FunctionUnit unit = design.units().get(id);
      if (unit == null || unit instanceof VendorFunction || unitNames.containsKey(unit)) {
        continue;
      }
      String fn = design.name() + "_" + unit.function().canonicalName() + "_" + k++;
      unitNames.put(unit, fn);
      String rt = typeName(unit.resultType());
      int n = unit.table().size();
      List<Object> content = List.of(unit.resultType(), unit.table());
      String table = tables.get(content);
      if (table == null) {
        table = fn + "_table";
        tables.put(content, table);
        b.append("\n// ").append(unit.function().canonicalName()).append(": ").append(n).append("-entry table, ")
            .append(describe(unit)).append('\n');
        String entryType = typeName(unit.table().get(0).type());
        b.append("static const ").append(entryType).append(' ').append(table).append('[').append(n)
            .append("] = {");
        for (int i = 0; i < n; i++) {
          b.append(i % TABLE_VALUES_PER_LINE == 0 ? "\n    " : " ")
              .append(CppLiterals.exact(unit.table().get(i))).append(i + 1 < n ? "," : "");
        }
        b.append("\n};\n");
      }
      b.append("\nstatic ").append(rt).append(' ').append(fn).append("(const ").append(typeName(unit.argType()))
          .append(" &x) {\n#pragma HLS INLINE\n");
      if (unit instanceof PeriodicTable p) {
        b.append("  const ").append(p.scale().type().cpp()).append(" scale = ")
            .append(CppLiterals.exact(p.scale())).append(";  // entries per unit of argument\n");
        b.append("  const ").append(p.positionType().cpp())
            .append(" pos = x * scale;  // wraps: reduces by the period\n");
        b.append("  const int idx = pos.to_int();\n");
        if (p.fractionBits() == 0) {
          b.append("  return ").append(table).append("[idx];\n");
        } else {
          b.append("  const ").append(p.fractionType().cpp()).append(" frac = pos;  // linear interpolation\n");
          b.append("  return ").append(table).append("[idx] + (").append(table).append("[(idx + 1) & ")
              .append(n - 1).append("] - ").append(table).append("[idx]) * frac;\n");
        }
      } else if (unit instanceof RootTable q) {
        int min = q.minExponent();
        int root = q.root();
        String magnitude = q.magnitudeType().cpp();
        b.append("  static const ").append(q.powerType().cpp()).append(" powers[").append(q.powers().size())
            .append("] = {").append(literals(q.powers())).append("};  // 2^e from e = ").append(min).append('\n');
        b.append("  static const ").append(q.scaleType().cpp()).append(" scales[").append(q.scales().size())
            .append("] = {").append(literals(q.scales())).append("};  // 2^-").append(root).append("q from q = ")
            .append(q.minQuotient()).append('\n');
        b.append("  static const ").append(q.rootType().cpp()).append(" roots[").append(q.roots().size())
            .append("] = {").append(literals(q.roots())).append("};  // 2^q\n");
        b.append("  const ").append(q.entries().type().cpp()).append(" entries = ")
            .append(CppLiterals.exact(q.entries())).append(";\n");
        b.append(root == 2 ? "  if (x <= 0) return " + rt + "(0);\n" : "  if (x == 0) return " + rt + "(0);\n");
        b.append("  const ").append(magnitude).append(" a = (x < 0) ? ").append(magnitude).append("(-x) : ")
            .append(magnitude).append("(x);\n");
        b.append("  int e = ").append(min).append(";  // a = m 2^e, m in [1, 2)\n");
        b.append("  for (int j = ").append(min + 1).append("; j <= ").append(q.maxExponent()).append("; j++) {\n");
        b.append("    if (a >= powers[j - (").append(min).append(")]) e = j;\n");
        b.append("  }\n");
        b.append("  const int r = ((e % ").append(root).append(") + ").append(root).append(") % ").append(root)
            .append(";\n");
        b.append("  const int q = (e - r) / ").append(root).append(";  // a = m' 2^(").append(root)
            .append("q), m' in [1, ").append(1 << root).append(")\n");
        b.append("  const ").append(q.indexType().cpp()).append(" i = a * scales[q - (").append(q.minQuotient())
            .append(")] * entries;\n");
        String product = table + "[i.to_int()] * roots[q - (" + q.minQuotient() + ")]";
        b.append("  return (x < 0) ? ").append(rt).append("(-(").append(product).append(")) : ").append(rt)
            .append('(').append(product).append(");\n");
      } else if (unit instanceof TanhTable h) {
        String magnitude = h.magnitudeType().cpp();
        b.append("  const ").append(magnitude).append(" a = (x < 0) ? ").append(magnitude).append("(-x) : ")
            .append(magnitude).append("(x);  // tanh(-x) = -tanh(x)\n");
        b.append("  const ").append(h.scale().type().cpp()).append(" scale = ").append(CppLiterals.exact(h.scale()))
            .append(";  // entries per unit of |x|\n");
        b.append("  const ").append(h.positionType().cpp()).append(" pos = a * scale;\n");
        b.append("  const int idx = pos.to_int();\n");
        b.append("  const ").append(rt).append(" v = (idx >= ").append(n).append(") ? ").append(rt).append('(')
            .append(CppLiterals.exact(h.one())).append(") : ").append(table).append("[idx];  // 1 from there on\n");
        b.append("  return (x < 0) ? ").append(rt).append("(-v) : v;\n");
      } else if (unit instanceof LogTable l) {
        int min = l.minExponent();
        b.append("  static const ").append(l.powerType().cpp()).append(" powers[").append(l.powers().size())
            .append("] = {").append(literals(l.powers())).append("};  // 2^e from e = ").append(min).append('\n');
        b.append("  static const ").append(l.inverseType().cpp()).append(" inverses[").append(l.powers().size())
            .append("] = {").append(literals(l.inversePowers())).append("};  // 2^-e\n");
        b.append("  const ").append(l.constantType().cpp()).append(" log_of_two = ")
            .append(CppLiterals.exact(l.logOfTwo())).append(";\n");
        b.append("  const ").append(l.entries().type().cpp()).append(" entries = ")
            .append(CppLiterals.exact(l.entries())).append(";\n");
        b.append("  int e = ").append(min).append(";\n");
        b.append("  int idx = 0;\n");
        b.append("  if (x > 0) {  // x = m 2^e, m in [1, 2); a non-positive x counts as the smallest positive\n");
        b.append("    for (int j = ").append(min + 1).append("; j <= ").append(l.maxExponent())
            .append("; j++) {\n");
        b.append("      if (x >= powers[j - (").append(min).append(")]) e = j;\n");
        b.append("    }\n");
        b.append("    const ").append(l.indexType().cpp()).append(" i = x * inverses[e - (").append(min)
            .append(")] * entries;  // floor((m - 1) N)\n");
        b.append("    idx = i.to_int();\n");
        b.append("  }\n");
        b.append("  return ").append(table).append("[idx] + e * log_of_two;\n");
      } else if (unit instanceof ExpTable e) {
        String powers = fn + "_powers";
        b.append("  static const ").append(e.powerType().cpp()).append(' ').append(powers).append('[')
            .append(e.powers().size()).append("] = {").append(literals(e.powers())).append("};  // 2^k from k = ")
            .append(e.minExponent()).append('\n');
        b.append("  const ").append(e.scale().type().cpp()).append(" scale = ").append(CppLiterals.exact(e.scale()))
            .append(";  // entries per octave times log2(e)\n");
        b.append("  const ").append(e.positionType().cpp()).append(" t = x * scale;\n");
        b.append("  const ").append(e.indexType().cpp()).append(" idx = t;  // the fraction of the octave\n");
        b.append("  const ").append(e.octave().type().cpp()).append(" octave = ")
            .append(CppLiterals.exact(e.octave())).append(";\n");
        b.append("  const ").append(e.exponentType().cpp()).append(" k = t * octave;  // the octave\n");
        b.append("  int kept = k.to_int();\n");
        b.append("  if (kept < ").append(e.minExponent()).append(") kept = ").append(e.minExponent()).append(";\n");
        b.append("  if (kept > ").append(e.maxExponent()).append(") kept = ").append(e.maxExponent()).append(";\n");
        b.append("  return ").append(table).append("[idx.to_int()] * ").append(powers).append("[kept - (")
            .append(e.minExponent()).append(")];\n");
      } else {
        throw new IllegalStateException("no emitter for " + unit);
      }
      b.append("}\n");
    }
  }

  private static String literals(List<Fixed> values) {
    StringBuilder b = new StringBuilder();
    for (Fixed v : values) {
      b.append(b.length() == 0 ? "" : ", ").append(CppLiterals.exact(v));
    }
    return b.toString();
  }

  private String numerator(int id, String a) {
    FixedType widened = design.numeratorType(id);
    return widened == null ? a : widened.cpp() + "(" + a + ")";
  }

  private static String describe(FunctionUnit unit) {
    if (unit instanceof PeriodicTable p) {
      return "one period (" + p.period() + ")" + (p.fractionBits() > 0
          ? ", bin edges, interpolated with " + p.fractionBits() + " fraction bits"
          : ", bin centres");
    }
    if (unit instanceof RootTable q) {
      return "root(m') over [0, " + (1 << q.root()) + "), bin centres; x = m' 2^(" + q.root() + "q)";
    }
    if (unit instanceof TanhTable h) {
      return "tanh over [0, " + TanhTable.end(h.resultType()) + "), bin centres; odd symmetry, and 1 beyond";
    }
    if (unit instanceof LogTable) {
      return "log(m) over one octave of the mantissa, bin centres; log(x) = log(m) + e log(2) with x = m 2^e";
    }
    if (unit instanceof ExpTable) {
      return "2^f over one octave, bin centres; exp(x) = 2^f * 2^k with x log2(e) = k + f";
    }
    throw new IllegalStateException("no description for " + unit);
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
