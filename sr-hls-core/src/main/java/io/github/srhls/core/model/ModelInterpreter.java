package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.pysr.ResourceBudget;
import io.github.srhls.core.pysr.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Turns the positioned tree of a model file into a validated {@link ModelSpec}. */
final class ModelInterpreter {
  static final List<String> SUPPORTED_FORMATS = List.of("sr-hls/v1");
  /** Declared types wider than this are not simulated on the host yet. */
  static final int MAX_DECLARED_WIDTH = 64;
  /**
   * Integer bits of a declared type. The vendor allows any I; sr-hls builds and tests every operation and function
   * unit for types whose bits sit within 64 bits of the binary point on either side (TypeMatrixTest).
   */
  static final int MIN_INT_BITS = -64;
  static final int MAX_INT_BITS = 64;
  static final int MAX_SHORTHAND_INPUTS = 4096;

  private static final List<String> TOP_KEYS = List.of("format", "name", "version", "description", "inputs",
      "outputs", "operators", "precision", "functions", "target", "arithmetic", "testbench", "selection");
  private static final List<String> INPUT_KEYS = List.of("name", "range", "type");
  private static final List<String> SHORTHAND_KEYS = List.of("count", "range", "type");
  private static final List<String> OUTPUT_KEYS = List.of("name", "expression", "pysr", "type");
  private static final List<String> PYSR_KEYS = List.of("file", "select", "output", "variables");
  private static final List<String> SELECT_WORDS = List.of("accuracy", "score", "best", "budget");
  private static final List<String> SELECT_KEYS = List.of("complexity", "row", "budget");
  private static final List<String> SELECTION_KEYS = List.of("budget", "objective");
  private static final List<String> VARIABLE_WORDS = List.of("zero-based", "one-based");
  private static final List<String> PRECISION_KEYS = List.of("default", "internal", "constants", "error", "nodes");
  private static final List<String> INTERNAL_WORDS = List.of("uniform", "auto");
  private static final List<String> FUNCTION_SETTING_KEYS = List.of("implementation", "size", "degree",
      "interpolate");
  private static final List<String> IMPLEMENTATION_WORDS =
      Arrays.stream(FunctionSpec.Implementation.values()).map(FunctionSpec.Implementation::word).toList();
  /** The keys of {@code functions}: the functions with a unit, then the entry for all of them. */
  private static final List<String> FUNCTION_NAMES = Stream.concat(
      Builtin.withUnits().stream().map(Builtin::canonicalName), Stream.of(FunctionSpec.DEFAULT_KEY)).toList();
  private static final List<String> TARGET_KEYS = List.of("part", "clock-ns");
  private static final List<String> ARITHMETIC_KEYS = List.of("constant-multiplication");
  private static final List<String> TESTBENCH_KEYS =
      List.of("vectors", "seed", "inputs", "tolerance", "distribution", "classify", "labels");
  /** The testbench keys that only random vectors use. */
  private static final List<String> RANDOM_VECTOR_KEYS = List.of("vectors", "seed", "distribution");
  private static final List<String> DISTRIBUTION_WORDS =
      Arrays.stream(TestbenchSpec.Distribution.values()).map(TestbenchSpec.Distribution::word).toList();
  private static final List<String> VECTOR_FILE_SUFFIXES = List.of(".dat", ".csv");
  /** Names the expression language gives a meaning of its own. */
  private static final Set<String> EXPRESSION_CONSTANTS = Set.of("pi", "E");

  private static final Pattern INDEXED_NAME = Pattern.compile("x([0-9]+)");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,63}");
  private static final Pattern PART = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
  private static final Pattern OPERATOR_KEY = Pattern.compile("\\s*([^\\s(]*)\\s*\\((.*)\\)\\s*");

  private final Path file;
  private final ProjectPaths paths;
  private final String defaultVersion;
  /** Input and output names seen so far, with where they were first written. */
  private final Map<String, SourcePosition> portNames = new HashMap<>();
  /** Where each declared type is written, by its key as {@link DeclaredTypes} names it. */

  ModelInterpreter(Path file, ProjectPaths paths, String defaultVersion) {
    this.file = file;
    this.paths = paths;
    this.defaultVersion = defaultVersion;
  }

  ModelSpec interpret(DocumentValue.Mapping root) {
    checkFormat(root);
    Fields top = new Fields(root, "", TOP_KEYS);
    DocumentValue.Scalar name = Values.text(top.require("name", "name: jet_tagger").value(), "name");
    Names.checkModelName(name.text(), name.textStart());
    String version = top.get("version").map(e -> version(e.value())).orElse(defaultVersion);
    String description = top.get("description").map(e -> Values.text(e.value(), "description").text()).orElse("");
    PrecisionSpec precision = top.get("precision").map(e -> precision(e.value())).orElse(PrecisionSpec.defaults());
    List<InputSpec> inputs = inputs(top.require("inputs", "inputs: [{name: x0, range: [-4, 4]}]").value());
    List<OutputSpec> outputs =
        outputs(top.require("outputs", "outputs: [{name: y, expression: \"x0 * x0\"}]").value());
    List<OperatorSpec> operators = top.get("operators").map(e -> operators(e.value())).orElse(List.of());
    Map<String, FunctionSpec> functions = top.get("functions").map(e -> functions(e.value(), operators))
        .orElse(Map.of());
    TargetSpec target = top.get("target").map(e -> target(e.value()))
        .orElse(new TargetSpec(TargetSpec.DEFAULT_PART, TargetSpec.DEFAULT_CLOCK_NS));
    ArithmeticSpec arithmetic = top.get("arithmetic").map(e -> arithmetic(e.value()))
        .orElse(ArithmeticSpec.defaults());
    TestbenchSpec testbench = top.get("testbench").map(e -> testbench(e.value()))
        .orElse(TestbenchSpec.defaults());
    SelectionSpec selection = top.get("selection").map(e -> selection(e.value())).orElse(null);
    checkJointSelection(outputs, selection);
    return new ModelSpec(file, name.text(), version, description, inputs, outputs, operators, precision, functions,
        target, arithmetic, testbench, name.textStart(), selection);
  }

  private static SelectionSpec selection(DocumentValue value) {
    Fields f = new Fields(value, "selection", SELECTION_KEYS);
    ResourceBudget budget = budget(f.require("budget", "budget: {lut: 8000, dsp: 20, latency-ns: 40}").value(),
        "selection.budget");
    SelectionSpec.Objective objective = f.get("objective").map(e -> {
      DocumentValue.Scalar s = Values.text(e.value(), "selection.objective");
      return Arrays.stream(SelectionSpec.Objective.values()).filter(o -> o.word().equals(s.text())).findFirst()
          .orElseThrow(() -> SrHlsException.at(s.textStart(), "selection.objective '" + s.text() + "' is not an"
              + " objective; write " + String.join(" or ", SelectionSpec.Objective.words()) + " (the sum of the"
              + " chosen rows' PySR losses)." + Nearest.hint(s.text(), SelectionSpec.Objective.words())));
    }).orElse(SelectionSpec.Objective.LOSS);
    return new SelectionSpec(budget, objective, value.at());
  }

  /**
   * {@code budget: {lut: 8000, dsp: 20, latency-ns: 40}}: known keys, each a positive limit (whole numbers but for
   * nanoseconds; dsp and bram may be 0).
   */
  private static ResourceBudget budget(DocumentValue value, String path) {
    List<String> keys = ResourceBudget.Resource.keys();
    Fields f = new Fields(value, path, keys);
    if (f.mapping().entries().isEmpty()) {
      throw SrHlsException.at(value.at(), path + " limits nothing; give at least one of " + String.join(", ", keys)
          + ", e.g. {lut: 8000, latency-ns: 40}");
    }
    Map<ResourceBudget.Resource, Double> limits = new java.util.EnumMap<>(ResourceBudget.Resource.class);
    for (DocumentValue.Entry e : f.mapping().entries().values()) {
      ResourceBudget.Resource r = ResourceBudget.Resource.byKey(e.key()).orElseThrow();
      String p = path + "." + e.key();
      long min = r.zeroAllowed() ? 0 : 1;
      double limit;
      if (r.whole()) {
        limit = Values.integer(e.value(), p, min, Long.MAX_VALUE >> 11);
      } else {
        limit = Values.number(e.value(), p);
        if (limit <= 0) {
          throw SrHlsException.at(e.value().at(), p + " must be a positive number of nanoseconds, found "
              + ((DocumentValue.Scalar) e.value()).text());
        }
      }
      limits.put(r, limit);
    }
    return new ResourceBudget(limits, value.at());
  }

  /** {@code select: budget} and a model-level {@code selection} come together. */
  private static void checkJointSelection(List<OutputSpec> outputs, SelectionSpec selection) {
    List<OutputSpec> joint = outputs.stream().filter(o -> o.source() instanceof PysrSource p
        && p.select() instanceof Selection.ModelBudget).toList();
    if (selection == null && !joint.isEmpty()) {
      throw SrHlsException.at(((PysrSource) joint.get(0).source()).at(), "output '" + joint.get(0).name()
          + "' has select: budget, which chooses its row jointly under the model's budget, but the model has no"
          + " selection; add selection: {budget: {lut: 8000}, objective: loss}, or give the output a budget of its"
          + " own: select: {budget: {lut: 8000}}");
    }
    if (selection != null && joint.isEmpty()) {
      throw SrHlsException.at(selection.at(), "selection: no output takes part in the budgeted selection; write"
          + " select: budget in the pysr mapping of each output (from a hall of fame) whose row it should choose");
    }
  }

  /** Before anything else, so that a file of another format version gets this message and not unknown keys. */
  private static void checkFormat(DocumentValue.Mapping root) {
    DocumentValue.Entry format = root.entries().get("format");
    String supported = String.join(", ", SUPPORTED_FORMATS);
    if (format == null) {
      throw SrHlsException.at(root.at(), "the model is missing the required key 'format'; start the file with"
          + " format: " + SUPPORTED_FORMATS.get(0));
    }
    DocumentValue.Scalar f = Values.text(format.value(), "format");
    if (!SUPPORTED_FORMATS.contains(f.text())) {
      throw SrHlsException.at(f.textStart(), "unsupported format '" + f.text() + "'; this version of sr-hls reads "
          + supported + ". Write format: " + SUPPORTED_FORMATS.get(0)
          + " and adapt the file, or use the sr-hls version the file was written for");
    }
  }

  private static String version(DocumentValue value) {
    DocumentValue.Scalar v = Values.text(value, "version");
    if (!VERSION.matcher(v.text()).matches()) {
      throw SrHlsException.at(v.textStart(), "version '" + v.text() + "' may hold only letters, digits and"
          + " . _ + - (at most 64, starting with a letter or digit), e.g. version: 1.2.0");
    }
    return v.text();
  }

  private PrecisionSpec precision(DocumentValue value) {
    Fields f = new Fields(value, "precision", PRECISION_KEYS);
    FixedType defaultType =
        f.get("default").map(e -> type(e.value(), "precision.default")).orElse(PrecisionSpec.DEFAULT_TYPE);
    InternalPrecision internal =
        f.get("internal").map(e -> internal(e.value())).orElse(new InternalPrecision.Uniform(null));
    FixedType constants = f.get("constants").map(e -> type(e.value(), "precision.constants")).orElse(null);
    Double error = f.get("error").map(e -> {
      if (!(internal instanceof InternalPrecision.Auto)) {
        throw SrHlsException.at(e.keyAt(), "precision.error is only used with internal: auto, which chooses each"
            + " node's fractional bits to meet it, but precision.internal is "
            + (f.has("internal") ? text(f.get("internal").orElseThrow().value()) : "uniform (the default)")
            + "; remove precision.error or set internal: auto");
      }
      double budget = Values.number(e.value(), "precision.error");
      if (budget <= 0) {
        throw SrHlsException.at(e.value().at(), "precision.error must be greater than 0 (the largest absolute error"
            + " allowed in an output, e.g. error: 0.01), found " + text(e.value()));
      }
      return budget;
    }).orElse(null);
    List<PrecisionSpec.NodeType> nodes = f.get("nodes").map(e -> nodeTypes(e.value())).orElse(List.of());
    return new PrecisionSpec(defaultType, internal, constants, error, nodes);
  }

  /** {@code precision.nodes}: a map from subexpression to type; the compiler finds the nodes. */
  private List<PrecisionSpec.NodeType> nodeTypes(DocumentValue value) {
    if (!(value instanceof DocumentValue.Mapping m)) {
      throw SrHlsException.at(value.at(), "precision.nodes must be a mapping from a subexpression to its type, e.g."
          + " nodes: {\"sin(x14 + 1.76)\": \"ap_fixed<12,2>\"}; found " + value.describe());
    }
    List<PrecisionSpec.NodeType> nodes = new ArrayList<>();
    for (DocumentValue.Entry e : m.entries().values()) {
      nodes.add(new PrecisionSpec.NodeType(e.key(), e.keyAt(),
          type(e.value(), "precision.nodes." + e.key())));
    }
    return nodes;
  }

  /** A word, or a type meaning uniform with that type: text that looks like a type gets the type's message. */
  private InternalPrecision internal(DocumentValue value) {
    DocumentValue.Scalar s = Values.nonBlankText(value, "precision.internal");
    String t = s.text().strip();
    if (t.equals("uniform")) {
      return new InternalPrecision.Uniform(null);
    }
    if (t.equals("auto")) {
      return new InternalPrecision.Auto();
    }
    if (t.startsWith("ap_") || t.contains("<")) {
      return new InternalPrecision.Uniform(type(value, "precision.internal"));
    }
    throw SrHlsException.at(s.textStart(), "precision.internal '" + s.text() + "' must be uniform (one type for"
        + " every internal node), auto (a type per node, from the input ranges and precision.error) or a type such"
        + " as ap_fixed<20,8> (uniform with that type)." + Nearest.hint(t, INTERNAL_WORDS));
  }

  private FixedType type(DocumentValue value, String path) {
    DocumentValue.Scalar s = Values.nonBlankText(value, path);
    FixedType t;
    try {
      t = FixedType.parse(s.text());
    } catch (IllegalArgumentException e) {
      throw SrHlsException.at(s.textStart(), path + ": " + e.getMessage());
    }
    if (t.width() > MAX_DECLARED_WIDTH) {
      throw SrHlsException.at(s.textStart(), path + ": " + t.cpp() + " is " + t.width() + " bits wide, but the host"
          + " simulation does not support declared widths above " + MAX_DECLARED_WIDTH + " bits yet; use W <= "
          + MAX_DECLARED_WIDTH);
    }
    if (t.intBits() < MIN_INT_BITS || t.intBits() > MAX_INT_BITS) {
      throw SrHlsException.at(s.textStart(), path + ": " + t.cpp() + " has " + t.intBits() + " integer bits, but I"
          + " must be between " + MIN_INT_BITS + " and " + MAX_INT_BITS + " (the range in which every operation"
          + " and function unit is built and tested); choose I in"
          + " that range, e.g. " + (t.signed() ? "ap_fixed<" : "ap_ufixed<") + t.width() + ","
          + Math.max(MIN_INT_BITS, Math.min(MAX_INT_BITS, t.intBits())) + ">");
    }
    return t;
  }

  private List<InputSpec> inputs(DocumentValue value) {
    if (value instanceof DocumentValue.Mapping m && m.entries().containsKey("count")) {
      return shorthandInputs(value);
    }
    if (!(value instanceof DocumentValue.Sequence list) || list.items().isEmpty()) {
      throw SrHlsException.at(value.at(), "inputs must be a non-empty list of {name, range} mappings, or"
          + " {count: n, range: [min, max]} for inputs x0 .. x<n-1>; found " + value.describe());
    }
    List<InputSpec> inputs = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "inputs[" + i + "]";
      Fields f = new Fields(list.items().get(i), path, INPUT_KEYS);
      DocumentValue.Scalar name = Values.text(f.require("name", "name: x" + i).value(), path + ".name");
      checkInputName(name.text(), i, name.textStart());
      double[] range = range(f.require("range", "range: [-4, 4]").value(), path + ".range");
      FixedType type = f.get("type").map(e -> type(e.value(), path + ".type")).orElse(null);
      inputs.add(new InputSpec(name.text(), range[0], range[1], type, name.textStart()));
    }
    return inputs;
  }

  private List<InputSpec> shorthandInputs(DocumentValue value) {
    Fields f = new Fields(value, "inputs", SHORTHAND_KEYS);
    DocumentValue count = f.require("count", "count: 16").value();
    int n = (int) Values.integer(count, "inputs.count", 1, MAX_SHORTHAND_INPUTS);
    double[] range = range(f.require("range", "range: [-4, 4]").value(), "inputs.range");
    FixedType type = f.get("type").map(e -> type(e.value(), "inputs.type")).orElse(null);
    List<InputSpec> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      portNames.put("x" + i, count.at());
      inputs.add(new InputSpec("x" + i, range[0], range[1], type, count.at()));
    }
    return inputs;
  }

  private void checkInputName(String name, int index, SourcePosition at) {
    Names.checkPortName(name, "input name", at);
    if (EXPRESSION_CONSTANTS.contains(name)) {
      throw SrHlsException.at(at, "input name '" + name + "' is a constant in expressions; choose another name");
    }
    Matcher indexed = INDEXED_NAME.matcher(name);
    if (indexed.matches() && !name.equals("x" + index)) {
      throw SrHlsException.at(at, "input name '" + name + "' is input " + index + ", but x<i> in an expression"
          + " means input i; name it x" + index + " or give it a name not of the form x<number>");
    }
    claimPortName(name, "input", at);
  }

  private void claimPortName(String name, String what, SourcePosition at) {
    SourcePosition first = portNames.putIfAbsent(name, at);
    if (first != null) {
      throw SrHlsException.at(at, what + " name '" + name + "' is already used (at " + first.line() + ":"
          + first.column() + "); input and output names must all differ");
    }
  }

  private static double[] range(DocumentValue value, String path) {
    if (!(value instanceof DocumentValue.Sequence s) || s.items().size() != 2) {
      throw SrHlsException.at(value.at(), path + " must be [min, max], two numbers; found "
          + (value instanceof DocumentValue.Sequence s ? "a list of " + s.items().size() : value.describe()));
    }
    double min = Values.number(s.items().get(0), path + "[0]");
    double max = Values.number(s.items().get(1), path + "[1]");
    if (min > max) {
      throw SrHlsException.at(value.at(), path + " [" + text(s.items().get(0)) + ", " + text(s.items().get(1))
          + "] has min greater than max; write [min, max] with min <= max");
    }
    return new double[] {min, max};
  }

  private static String text(DocumentValue scalar) {
    return ((DocumentValue.Scalar) scalar).text();
  }

  private List<OutputSpec> outputs(DocumentValue value) {
    if (!(value instanceof DocumentValue.Sequence list) || list.items().isEmpty()) {
      throw SrHlsException.at(value.at(), "outputs must be a non-empty list of {name, expression} or"
          + " {name, pysr} mappings; found " + value.describe());
    }
    List<OutputSpec> outputs = new ArrayList<>();
    List<SourcePosition> typeKeys = new ArrayList<>();
    for (int j = 0; j < list.items().size(); j++) {
      String path = "outputs[" + j + "]";
      Fields f = new Fields(list.items().get(j), path, OUTPUT_KEYS);
      DocumentValue.Scalar name = Values.text(f.require("name", "name: y" + j).value(), path + ".name");
      Names.checkPortName(name.text(), "output name", name.textStart());
      claimPortName(name.text(), "output", name.textStart());
      FixedType type = f.get("type").map(e -> type(e.value(), path + ".type")).orElse(null);
      typeKeys.add(f.get("type").map(DocumentValue.Entry::keyAt).orElse(null));
      outputs.add(new OutputSpec(name.text(), type, source(f, path, name.text())));
    }
    ResultType.check(outputs, typeKeys);
    return outputs;
  }


  private OutputSource source(Fields f, String path, String name) {
    boolean expression = f.has("expression");
    boolean pysr = f.has("pysr");
    if (expression == pysr) {
      throw SrHlsException.at(f.mapping().at(), path + " (output '" + name + "') "
          + (expression ? "has both expression and pysr; keep one"
              : "needs exactly one of expression: \"<formula>\" or pysr: {file: <hall_of_fame.csv>, select: best}"));
    }
    if (expression) {
      DocumentValue.Scalar text =
          Values.nonBlankText(f.get("expression").orElseThrow().value(), path + ".expression");
      return new ExpressionSource(text.text(), text.textStart());
    }
    return pysr(f.get("pysr").orElseThrow().value(), path + ".pysr");
  }

  private PysrSource pysr(DocumentValue value, String path) {
    Fields f = new Fields(value, path, PYSR_KEYS);
    DocumentValue.Scalar file =
        Values.nonBlankText(f.require("file", "file: outputs/<run>/hall_of_fame.csv").value(), path + ".file");
    Selection select = f.get("select").map(e -> selection(e.value(), path + ".select"))
        .orElse(new Selection.Best());
    OptionalInt output = f.get("output")
        .map(e -> OptionalInt.of((int) Values.integer(e.value(), path + ".output", 1, Integer.MAX_VALUE)))
        .orElse(OptionalInt.empty());
    boolean oneBased = f.get("variables").map(e -> oneBased(e.value(), path + ".variables")).orElse(false);
    Path resolved = paths.resolve(file.text(), file.textStart(), path + ".file", output.isEmpty());
    return new PysrSource(resolved, select, output, oneBased, value.at());
  }

  private static Selection selection(DocumentValue value, String path) {
    String expected = "accuracy, score, best, budget, {complexity: n}, {row: i} or {budget: {lut: 8000, ...}}";
    if (value instanceof DocumentValue.Scalar s && s.kind() == DocumentValue.ScalarKind.STRING) {
      return switch (s.text()) {
        case "accuracy" -> new Selection.Accuracy();
        case "score" -> new Selection.Score();
        case "best" -> new Selection.Best();
        case "budget" -> new Selection.ModelBudget();
        default -> throw SrHlsException.at(s.textStart(), path + " '" + s.text() + "' is not a selection; write "
            + expected + "." + Nearest.hint(s.text(), SELECT_WORDS));
      };
    }
    if (value instanceof DocumentValue.Mapping) {
      Fields f = new Fields(value, path, SELECT_KEYS);
      if (f.mapping().entries().size() != 1) {
        throw SrHlsException.at(value.at(), path + " must have exactly one key, complexity, row or budget");
      }
      DocumentValue.Entry e = f.mapping().entries().values().iterator().next();
      String p = path + "." + e.key();
      return switch (e.key()) {
        case "complexity" -> new Selection.Complexity((int) Values.integer(e.value(), p, 1, Integer.MAX_VALUE));
        case "row" -> new Selection.Row((int) Values.integer(e.value(), p, 0, Integer.MAX_VALUE));
        default -> new Selection.Budget(budget(e.value(), p));
      };
    }
    throw SrHlsException.at(value.at(), path + " must be " + expected + "; found " + value.describe());
  }

  private static boolean oneBased(DocumentValue value, String path) {
    DocumentValue.Scalar s = Values.text(value, path);
    if (!VARIABLE_WORDS.contains(s.text())) {
      throw SrHlsException.at(s.textStart(), path + " must be zero-based (x0 is the first input, as PySR writes)"
          + " or one-based (x1 is, as SymbolicRegression.jl writes); found '" + s.text() + "'."
          + Nearest.hint(s.text(), VARIABLE_WORDS));
    }
    return s.text().equals("one-based");
  }

  private static List<OperatorSpec> operators(DocumentValue value) {
    if (!(value instanceof DocumentValue.Mapping m)) {
      throw SrHlsException.at(value.at(), "operators must be a mapping of name(params): body, e.g."
          + " sc(a): sin(a)*cos(a); found " + value.describe());
    }
    List<OperatorSpec> operators = new ArrayList<>();
    Map<String, SourcePosition> seen = new HashMap<>();
    for (DocumentValue.Entry e : m.entries().values()) {
      Matcher k = OPERATOR_KEY.matcher(e.key());
      if (!k.matches()) {
        throw SrHlsException.at(e.keyAt(), "operator '" + e.key() + "' must be written name(p1, p2, ...),"
            + " e.g. sc(a): sin(a)*cos(a)");
      }
      String name = k.group(1);
      SourcePosition nameAt = e.keyAt().plusColumns(k.start(1));
      Names.checkIdentifier(name, "operator name", nameAt);
      if (Builtin.byFunctionName(name).isPresent()) {
        throw SrHlsException.at(nameAt, "operator name '" + name + "' is a built-in function; a custom operator"
            + " needs a name of its own");
      }
      SourcePosition first = seen.putIfAbsent(name, nameAt);
      if (first != null) {
        throw SrHlsException.at(nameAt, "operator '" + name + "' is declared twice (first at " + first.line() + ":"
            + first.column() + ")");
      }
      List<String> params = params(k.group(2), e.keyAt().plusColumns(k.start(2)), name);
      DocumentValue.Scalar body = Values.nonBlankText(e.value(), "operators." + e.key().strip());
      operators.add(new OperatorSpec(name, params, body.text(), body.textStart()));
    }
    return operators;
  }

  /** The comma-separated parameter list {@code text}, which starts at {@code at}. */
  private static List<String> params(String text, SourcePosition at, String operator) {
    if (text.isBlank()) {
      throw SrHlsException.at(at, "operator '" + operator + "' needs at least one parameter, e.g. "
          + operator + "(a)");
    }
    List<String> params = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String raw = text.substring(start, end);
      String param = raw.strip();
      SourcePosition paramAt = at.plusColumns(start + raw.length() - raw.stripLeading().length());
      Names.checkIdentifier(param, "parameter of operator '" + operator + "'", paramAt);
      if (EXPRESSION_CONSTANTS.contains(param)) {
        throw SrHlsException.at(paramAt, "parameter '" + param + "' of operator '" + operator + "' is a constant in"
            + " expressions; choose another name");
      }
      if (params.contains(param)) {
        throw SrHlsException.at(paramAt, "operator '" + operator + "' has the parameter '" + param + "' twice");
      }
      params.add(param);
      start = end + 1;
    }
    return params;
  }

  /**
   * The degree of a table's segments: {@code degree: 0..3}, or {@code interpolate: true} for 1 and {@code false}
   * for 0; both may be written only where they agree.
   */
  private static Integer degree(Fields f, String path, FunctionSpec.Implementation implementation) {
    Integer degree = null;
    Optional<DocumentValue.Entry> degreeEntry = f.get("degree");
    if (degreeEntry.isPresent()) {
      // 0: a plain table; 1: linear; 2, 3: quadratic and cubic segments
      degree = (int) Values.integer(degreeEntry.get().value(), path + ".degree", 0, FunctionSpec.MAX_DEGREE);
    }
    Optional<DocumentValue.Entry> interpolateEntry = f.get("interpolate");
    if (interpolateEntry.isPresent()) {
      boolean interpolate = Values.bool(interpolateEntry.get().value(), path + ".interpolate");
      if (degree != null && (degree > 0) != interpolate) {
        throw SrHlsException.at(interpolateEntry.get().keyAt(), path + ".interpolate: " + interpolate
            + " contradicts " + path + ".degree: " + degree + "; remove interpolate (degree says it all)");
      }
      degree = degree != null ? degree : interpolate ? 1 : 0;
    }
    if (degree != null && implementation == FunctionSpec.Implementation.VENDOR) {
      DocumentValue.Entry given = degreeEntry.orElseGet(interpolateEntry::orElseThrow);
      throw SrHlsException.at(given.keyAt(), path + "." + given.key() + " is for tables, but " + path
          + ".implementation is vendor; remove " + given.key() + " or write implementation: table");
    }
    return degree;
  }

  private static Map<String, FunctionSpec> functions(DocumentValue value, List<OperatorSpec> operators) {
    if (!(value instanceof DocumentValue.Mapping m)) {
      throw SrHlsException.at(value.at(), "functions must be a mapping from function name to settings, e.g."
          + " functions: {sin: {implementation: table, size: 256}}; found " + value.describe());
    }
    Map<String, FunctionSpec> functions = new TreeMap<>();
    Map<String, DocumentValue.Entry> sizes = new HashMap<>();
    for (DocumentValue.Entry e : m.entries().values()) {
      checkFunctionName(e.key(), e.keyAt(), operators);
      String path = "functions." + e.key();
      Fields f = new Fields(e.value(), path, FUNCTION_SETTING_KEYS);
      FunctionSpec.Implementation implementation =
          f.get("implementation").map(i -> implementation(i.value(), path + ".implementation")).orElse(null);
      Integer size = f.get("size").map(i -> tableSize(i.value(), path + ".size")).orElse(null);
      if (size != null && implementation == FunctionSpec.Implementation.VENDOR) {
        throw SrHlsException.at(f.get("size").orElseThrow().keyAt(), path + ".size is the size of a table, but "
            + path + ".implementation is vendor, which has none; remove size or write implementation: table");
      }
      Integer degree = degree(f, path, implementation);
      f.get("size").ifPresent(i -> sizes.put(e.key(), i));
      functions.put(e.key(), new FunctionSpec(implementation, size, degree));
    }
    // a size under a function that takes vendor from the default entry would be silently ignored
    FunctionSpec all = functions.get(FunctionSpec.DEFAULT_KEY);
    if (all != null && all.implementation() == FunctionSpec.Implementation.VENDOR) {
      for (DocumentValue.Entry e : m.entries().values()) {
        if (sizes.containsKey(e.key()) && functions.get(e.key()).implementation() == null) {
          throw SrHlsException.at(sizes.get(e.key()).keyAt(), "functions." + e.key() + ".size is the size of a"
              + " table, but " + e.key() + " is vendor by functions.default.implementation; write implementation:"
              + " table next to the size, or remove the size");
        }
      }
    }
    return functions;
  }

  private static void checkFunctionName(String key, SourcePosition at, List<OperatorSpec> operators) {
    if (FUNCTION_NAMES.contains(key)) {
      return;
    }
    String units = String.join(", ", FUNCTION_NAMES.subList(0, FUNCTION_NAMES.size() - 1));
    Builtin builtin = Builtin.byFunctionName(key).orElse(null);
    if (builtin != null && builtin.hasUnit()) {
      throw SrHlsException.at(at, "functions: '" + key + "' is another spelling of '" + builtin.canonicalName()
          + "'; write its settings under " + builtin.canonicalName());
    }
    if (builtin != null) {
      throw SrHlsException.at(at, "functions: '" + key + "' is computed by arithmetic, not by a function unit, so"
          + " it has no settings; settings are for " + units + ", and default for all of them");
    }
    if (operators.stream().anyMatch(o -> o.name().equals(key))) {
      throw SrHlsException.at(at, "functions: '" + key + "' is a custom operator, expanded in place; give the"
          + " settings to the functions its body calls");
    }
    throw SrHlsException.at(at, "functions: unknown function '" + key + "'." + Nearest.hint(key, FUNCTION_NAMES)
        + " Settings are for " + units + ", and default for all of them.");
  }

  private static FunctionSpec.Implementation implementation(DocumentValue value, String path) {
    DocumentValue.Scalar s = Values.text(value, path);
    for (FunctionSpec.Implementation i : FunctionSpec.Implementation.values()) {
      if (i.word().equals(s.text())) {
        return i;
      }
    }
    throw SrHlsException.at(s.textStart(), path + " must be table (our own table unit, the default) or vendor"
        + " (the vendor's hls:: math function; then only the vendor's C simulation can run the model), found '"
        + s.text() + "'." + Nearest.hint(s.text(), IMPLEMENTATION_WORDS));
  }

  private static int tableSize(DocumentValue value, String path) {
    int size = (int) Values.integer(value, path, FunctionSpec.MIN_SIZE, FunctionSpec.MAX_SIZE);
    if (Integer.bitCount(size) != 1) {
      int below = Integer.highestOneBit(size);
      throw SrHlsException.at(value.at(), path + " must be a power of two (the number of table entries), found "
          + size + "; the nearest are " + below + " and " + 2 * below);
    }
    return size;
  }

  private static TargetSpec target(DocumentValue value) {
    Fields f = new Fields(value, "target", TARGET_KEYS);
    String part = f.get("part").map(e -> {
      DocumentValue.Scalar s = Values.text(e.value(), "target.part");
      if (!PART.matcher(s.text()).matches()) {
        throw SrHlsException.at(s.textStart(), "target.part '" + s.text() + "' is not a part name; write the"
            + " vendor's part name, letters, digits and . _ - only, e.g. " + TargetSpec.DEFAULT_PART);
      }
      return s.text();
    }).orElse(TargetSpec.DEFAULT_PART);
    SourcePosition partAt = f.get("part").map(e -> e.value().at()).orElse(null);
    SourcePosition clockAt = f.get("clock-ns").map(e -> e.value().at()).orElse(null);
    double clock = f.get("clock-ns").map(e -> {
      double ns = Values.number(e.value(), "target.clock-ns");
      if (ns <= 0) {
        throw SrHlsException.at(e.value().at(), "target.clock-ns must be a positive clock period in nanoseconds,"
            + " found " + text(e.value()));
      }
      return ns;
    }).orElse(TargetSpec.DEFAULT_CLOCK_NS);
    return new TargetSpec(part, clock, partAt, clockAt);
  }

  private static ArithmeticSpec arithmetic(DocumentValue value) {
    Fields f = new Fields(value, "arithmetic", ARITHMETIC_KEYS);
    ArithmeticSpec.ConstantMultiplication constants = f.get("constant-multiplication").map(e -> {
      DocumentValue.Scalar s = Values.text(e.value(), "arithmetic.constant-multiplication");
      for (ArithmeticSpec.ConstantMultiplication c : ArithmeticSpec.ConstantMultiplication.values()) {
        if (c.word().equals(s.text())) {
          return c;
        }
      }
      throw SrHlsException.at(s.textStart(), "arithmetic.constant-multiplication must be auto (the cheaper of the"
          + " two, the default), shift-add (adders, no DSP) or dsp (DSP48E2 slices), found '" + s.text() + "'."
          + Nearest.hint(s.text(), ArithmeticSpec.ConstantMultiplication.words()));
    }).orElse(ArithmeticSpec.ConstantMultiplication.AUTO);
    return new ArithmeticSpec(constants);
  }

  private TestbenchSpec testbench(DocumentValue value) {
    Fields f = new Fields(value, "testbench", TESTBENCH_KEYS);
    if (f.has("inputs")) {
      for (String random : RANDOM_VECTOR_KEYS) {
        if (f.has(random)) {
          throw SrHlsException.at(f.get(random).orElseThrow().keyAt(), "testbench." + random + " is for random"
              + " vectors, but testbench.inputs names a vector file; remove one of them");
        }
      }
    }
    int vectors = f.get("vectors")
        .map(e -> (int) Values.integer(e.value(), "testbench.vectors", 1, TestbenchSpec.MAX_VECTORS))
        .orElse(TestbenchSpec.DEFAULT_VECTORS);
    long seed = f.get("seed").map(e -> Values.integer(e.value(), "testbench.seed", Long.MIN_VALUE, Long.MAX_VALUE))
        .orElse(TestbenchSpec.DEFAULT_SEED);
    Path inputs = f.get("inputs").map(e -> vectorFile(e.value())).orElse(null);
    Double tolerance = f.get("tolerance").map(e -> {
      double t = Values.number(e.value(), "testbench.tolerance");
      if (t < 0) {
        throw SrHlsException.at(e.value().at(), "testbench.tolerance must be at least 0, found " + text(e.value()));
      }
      return t;
    }).orElse(null);
    TestbenchSpec.Distribution distribution = f.get("distribution").map(e -> distribution(e.value()))
        .orElse(TestbenchSpec.Distribution.UNIFORM);
    boolean classify = f.get("classify").map(e -> Values.bool(e.value(), "testbench.classify")).orElse(false);
    Path labels = f.get("labels").map(e -> {
      if (inputs == null) {
        throw SrHlsException.at(e.keyAt(), "testbench.labels gives the class of each vector of a vector file, but"
            + " there is none; name the vectors with testbench.inputs, or remove testbench.labels");
      }
      return labelFile(e.value());
    }).orElse(null);
    return new TestbenchSpec(vectors, seed, distribution, inputs, tolerance, classify, labels);
  }

  private static TestbenchSpec.Distribution distribution(DocumentValue value) {
    DocumentValue.Scalar s = Values.text(value, "testbench.distribution");
    for (TestbenchSpec.Distribution d : TestbenchSpec.Distribution.values()) {
      if (d.word().equals(s.text())) {
        return d;
      }
    }
    throw SrHlsException.at(s.textStart(), "testbench.distribution must be uniform (over each input's range, the"
        + " default) or normal (standard normal N(0, 1) for every input), found '" + s.text() + "'."
        + Nearest.hint(s.text(), DISTRIBUTION_WORDS));
  }

  private Path labelFile(DocumentValue value) {
    DocumentValue.Scalar s = Values.nonBlankText(value, "testbench.labels");
    if (!s.text().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw SrHlsException.at(s.textStart(), "testbench.labels '" + s.text() + "' must be a .csv file: one class a"
          + " row, or one target per output");
    }
    return paths.resolve(s.text(), s.textStart(), "testbench.labels", true);
  }

  private Path vectorFile(DocumentValue value) {
    DocumentValue.Scalar s = Values.nonBlankText(value, "testbench.inputs");
    String lower = s.text().toLowerCase(Locale.ROOT);
    if (VECTOR_FILE_SUFFIXES.stream().noneMatch(lower::endsWith)) {
      throw SrHlsException.at(s.textStart(), "testbench.inputs '" + s.text() + "' must be an hls4ml .dat file (one"
          + " vector a line) or a .csv file with the input names as header");
    }
    return paths.resolve(s.text(), s.textStart(), "testbench.inputs", true);
  }
}
