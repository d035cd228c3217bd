package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.model.FunctionSpec.Implementation;
import io.github.srhls.core.model.TestbenchSpec.Distribution;
import io.github.srhls.core.pysr.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReaderTest {
  @TempDir Path project;
  ModelFiles files;

  static final String FULL_YAML = """
      format: sr-hls/v1
      name: jet_tagger
      version: 1.2.0
      description: "Jet tagger, two inputs"
      inputs:
        - {name: zlogz, range: [-4, 4]}
        - {name: mass, range: [-4, 4.5], type: "ap_fixed<18,8>"}
      outputs:
        - name: g
          expression: "-0.163*sc(2*x1 - 1.03) - sin(x0 + 1.76)"
          type: ap_fixed<20,10,AP_RND,AP_SAT>
        - name: q
          type: ap_fixed<20,10,AP_RND,AP_SAT>
          pysr: {file: pysr/hall_of_fame.csv, select: {complexity: 17}, variables: one-based}
        - name: r
          type: ap_fixed<20,10,AP_RND,AP_SAT>
          pysr: {file: pysr/multi, select: accuracy, output: 2}
      operators:
        sc(a): sin(a)*cos(a)
        hyp(a, b): sqrt(a*a + b*b)
      precision:
        default: "ap_fixed<24,8>"
        internal: auto
        constants: "ap_fixed<18,2>"
        error: 0.01
      functions:
        default: {size: 512}
        sin: {implementation: table, size: 256}
        tanh: {implementation: vendor}
      target: {part: xcu250-figd2104-2L-e, clock-ns: 3.125}
      testbench:
        inputs: data/jet.dat
        tolerance: 0.05
        classify: true
      """;

  static final String FULL_JSON = """
      {
        "format": "sr-hls/v1",
        "name": "jet_tagger",
        "version": "1.2.0",
        "description": "Jet tagger, two inputs",
        "inputs": [
          {"name": "zlogz", "range": [-4, 4]},
          {"name": "mass", "range": [-4, 4.5], "type": "ap_fixed<18,8>"}
        ],
        "outputs": [
          {"name": "g", "type": "ap_fixed<20,10,AP_RND,AP_SAT>",
           "expression": "-0.163*sc(2*x1 - 1.03) - sin(x0 + 1.76)"},
          {"name": "q", "type": "ap_fixed<20,10,AP_RND,AP_SAT>",
           "pysr": {"file": "pysr/hall_of_fame.csv", "select": {"complexity": 17}, "variables": "one-based"}},
          {"name": "r", "type": "ap_fixed<20,10,AP_RND,AP_SAT>",
           "pysr": {"file": "pysr/multi", "select": "accuracy", "output": 2}}
        ],
        "operators": {"sc(a)": "sin(a)*cos(a)", "hyp(a, b)": "sqrt(a*a + b*b)"},
        "precision": {"default": "ap_fixed<24,8>", "internal": "auto", "constants": "ap_fixed<18,2>", "error": 0.01},
        "functions": {"default": {"size": 512}, "sin": {"implementation": "table", "size": 256},
                      "tanh": {"implementation": "vendor"}},
        "target": {"part": "xcu250-figd2104-2L-e", "clock-ns": 3.125},
        "testbench": {"inputs": "data/jet.dat", "tolerance": 0.05, "classify": true}
      }
      """;

  @BeforeEach
  void setUp() {
    files = new ModelFiles(project);
    files.write("pysr/hall_of_fame.csv", "Complexity,Loss,Equation\n1,0.5,\"x1\"\n");
    files.write("data/jet.dat", "1 2\n");
  }

  @Test
  void readsAFullModel() {
    ModelSpec m = files.read("jet.sr.yaml", FULL_YAML);
    Path dir = files.modelDir.toAbsolutePath().normalize();
    assertEquals(dir.resolve("jet.sr.yaml"), m.file());
    assertEquals("jet_tagger", m.name());
    assertEquals("1.2.0", m.version());
    assertEquals("Jet tagger, two inputs", m.description());
    assertEquals(List.of("zlogz", "mass"), m.inputNames());
    InputSpec mass = m.inputs().get(1);
    assertEquals(-4, mass.min());
    assertEquals(4.5, mass.max());
    assertEquals(FixedType.fixed(18, 8), mass.type());
    assertNull(m.inputs().get(0).type());
    assertEquals(new SourcePosition(Path.of("src/main/sr/jet.sr.yaml"), 6, 12), m.inputs().get(0).at());

    OutputSpec g = m.outputs().get(0);
    assertEquals("g", g.name());
    // y[] has one element type: every output declares it, or none does
    assertEquals(FixedType.fixed(20, 10, Quantization.AP_RND, Overflow.AP_SAT), g.type());
    assertEquals("-0.163*sc(2*x1 - 1.03) - sin(x0 + 1.76)", ((ExpressionSource) g.source()).text());

    OutputSpec q = m.outputs().get(1);
    assertEquals(FixedType.fixed(20, 10, Quantization.AP_RND, Overflow.AP_SAT), q.type());
    PysrSource qs = assertInstanceOf(PysrSource.class, q.source());
    assertEquals(dir.resolve("pysr/hall_of_fame.csv"), qs.file());
    assertEquals(new Selection.Complexity(17), qs.select());
    assertEquals(OptionalInt.empty(), qs.output());
    assertTrue(qs.oneBasedVariables());

    // with output: n the file may be a base name the PySR reader expands; it need not exist
    PysrSource rs = assertInstanceOf(PysrSource.class, m.outputs().get(2).source());
    assertEquals(dir.resolve("pysr/multi"), rs.file());
    assertEquals(new Selection.Accuracy(), rs.select());
    assertEquals(OptionalInt.of(2), rs.output());
    assertFalse(rs.oneBasedVariables());

    assertEquals(2, m.operators().size());
    assertEquals("sc", m.operators().get(0).name());
    assertEquals(List.of("a"), m.operators().get(0).params());
    assertEquals("sin(a)*cos(a)", m.operators().get(0).body());
    assertEquals("hyp", m.operators().get(1).name());
    assertEquals(List.of("a", "b"), m.operators().get(1).params());

    assertEquals(FixedType.fixed(24, 8), m.defaultType());
    assertEquals(new PrecisionSpec(FixedType.fixed(24, 8), new InternalPrecision.Auto(), FixedType.fixed(18, 2),
        0.01), m.precision());
    assertEquals(Map.of("default", new FunctionSpec(null, 512, null),
        "sin", new FunctionSpec(Implementation.TABLE, 256, null),
        "tanh", new FunctionSpec(Implementation.VENDOR, null, null)), m.functions());
    assertEquals(List.of("default", "sin", "tanh"), List.copyOf(m.functions().keySet()));
    assertEquals("xcu250-figd2104-2L-e", m.target().part());
    assertEquals(3.125, m.target().clockNs());
    // where the two values are written, for the RTL back end's messages about them
    assertTrue(m.target().partAt().render().matches(".*:\\d+:\\d+"), m.target().partAt().render());
    assertTrue(m.target().clockAt().line() > 0, m.target().clockAt().render());
    assertEquals(new TestbenchSpec(1000, 1, TestbenchSpec.Distribution.UNIFORM, dir.resolve("data/jet.dat"), 0.05,
        true), m.testbench());
    assertEquals(new SourcePosition(Path.of("src/main/sr/jet.sr.yaml"), 2, 7), m.at());
  }

  @Test
  void yamlAndJsonGiveTheSameModel() {
    ModelSpec yaml = files.read("jet.sr.yaml", FULL_YAML);
    ModelSpec json = files.read("jet.sr.json", FULL_JSON);
    assertEquals(withoutPlaces(yaml), withoutPlaces(json));
    // and the places are the JSON file's own
    assertEquals(Path.of("src/main/sr/jet.sr.json"), json.at().file());
    assertEquals(3, json.at().line());
    assertEquals(12, json.at().column());
  }

  /** The spec with every position and the file name replaced, so YAML and JSON can be compared. */
  private static ModelSpec withoutPlaces(ModelSpec m) {
    SourcePosition none = SourcePosition.of(Path.of("-"));
    List<InputSpec> inputs = m.inputs().stream()
        .map(i -> new InputSpec(i.name(), i.min(), i.max(), i.type(), none)).collect(Collectors.toList());
    List<OutputSpec> outputs = m.outputs().stream().map(o -> new OutputSpec(o.name(), o.type(),
        o.source() instanceof PysrSource p
            ? new PysrSource(p.file(), p.select(), p.output(), p.oneBasedVariables(), none)
            : new ExpressionSource(((ExpressionSource) o.source()).text(), none)))
        .collect(Collectors.toList());
    List<OperatorSpec> operators = m.operators().stream()
        .map(o -> new OperatorSpec(o.name(), o.params(), o.body(), none)).collect(Collectors.toList());
    return new ModelSpec(Path.of("-"), m.name(), m.version(), m.description(), inputs, outputs, operators,
        m.precision(), m.functions(), new TargetSpec(m.target().part(), m.target().clockNs()), m.testbench(),
        none);
  }

  @Test
  void appliesDefaults() {
    ModelSpec m = files.read("min.sr.yml", """
        format: sr-hls/v1
        name: tiny
        inputs: [{name: a, range: [0, 1]}]
        outputs: [{name: y, expression: a}]
        """);
    assertEquals(ModelFiles.VERSION, m.version());
    assertEquals("", m.description());
    assertEquals(FixedType.fixed(16, 6), m.defaultType());
    assertEquals(new TargetSpec("xcvu9p-flga2577-2-e", 5), m.target());
    assertEquals(TestbenchSpec.defaults(), m.testbench());
    assertEquals(PrecisionSpec.defaults(), m.precision());
    assertEquals(Map.of(), m.functions());
    assertEquals(List.of(), m.operators());
    assertNull(m.outputs().get(0).type());
  }

  @Test
  void readsRandomVectorSettingsAndSelectionWords() {
    ModelSpec m = files.read("tb.sr.yaml", """
        format: sr-hls/v1
        name: tb
        inputs: [{name: a, range: [-1, 1]}]
        outputs:
          - {name: y0, pysr: {file: pysr/hall_of_fame.csv}}
          - {name: y1, pysr: {file: pysr/hall_of_fame.csv, select: score, variables: zero-based}}
          - {name: y2, pysr: {file: pysr/hall_of_fame.csv, select: {row: 0}}}
          - {name: y3, expression: 2}
        testbench: {vectors: 10000000, seed: -7, tolerance: 0}
        """);
    assertEquals(new Selection.Best(), ((PysrSource) m.outputs().get(0).source()).select());
    assertEquals(new Selection.Score(), ((PysrSource) m.outputs().get(1).source()).select());
    assertEquals(new Selection.Row(0), ((PysrSource) m.outputs().get(2).source()).select());
    // YAML reads 2 as a number; an expression is its text
    assertEquals("2", ((ExpressionSource) m.outputs().get(3).source()).text());
    assertEquals(new TestbenchSpec(10_000_000, -7, TestbenchSpec.Distribution.UNIFORM, null, 0.0, false),
        m.testbench());
  }

  private ModelSpec withKeys(String keys) {
    return files.read("keys.sr.yaml", "format: sr-hls/v1\nname: keys\ninputs: [{name: a, range: [0, 1]}]\n"
        + "outputs: [{name: y, expression: sin(a)}]\n" + keys);
  }

  @Test
  void readsInternalPrecisionWordsAndTypes() {
    PrecisionSpec uniform = withKeys("precision: {internal: uniform}\n").precision();
    assertEquals(new InternalPrecision.Uniform(null), uniform.internal());
    assertEquals(FixedType.fixed(16, 6), uniform.uniformType());
    assertNull(uniform.constants());

    PrecisionSpec typed = withKeys("precision: {default: 'ap_fixed<12,4>', internal: 'ap_fixed<20,8,AP_RND>'}\n")
        .precision();
    assertEquals(new InternalPrecision.Uniform(FixedType.fixed(20, 8, Quantization.AP_RND, Overflow.AP_WRAP)),
        typed.internal());
    assertEquals(typed.internal(), new InternalPrecision.Uniform(typed.uniformType()));
    assertEquals(FixedType.fixed(12, 4), typed.defaultType());

    PrecisionSpec auto = withKeys("precision: {internal: auto, constants: 'ap_fixed<18,2>'}\n").precision();
    assertEquals(new InternalPrecision.Auto(), auto.internal());
    assertNull(auto.uniformType());
    assertEquals(FixedType.fixed(18, 2), auto.constants());
    assertNull(auto.error());
  }

  @Test
  void theErrorBudgetIsReadWhenGiven() {
    assertNull(withKeys("precision: {internal: auto}\n").precision().error());
    assertEquals(2e-3, withKeys("precision: {internal: auto, error: 2e-3}\n").precision().error());
  }

  @Test
  void functionSettingsMergeTheOwnEntryOverDefaultOverBuiltIn() {
    ModelSpec none = withKeys("");
    for (Builtin f : Builtin.withUnits()) {
      assertEquals(new FunctionSpec(Implementation.TABLE, null, null), none.functionSettings(f.canonicalName()));
    }

    ModelSpec m = withKeys("""
        functions:
          default: {size: 512}
          sin: {size: 256}
          cos: {implementation: vendor}
          tanh: {}
          log10: {implementation: table}
        """);
    assertEquals(new FunctionSpec(Implementation.TABLE, 256, null), m.functionSettings("sin"));
    assertEquals(new FunctionSpec(Implementation.VENDOR, null, null), m.functionSettings("cos"));
    assertEquals(new FunctionSpec(Implementation.TABLE, 512, null), m.functionSettings("tanh"));
    assertEquals(new FunctionSpec(Implementation.TABLE, 512, null), m.functionSettings("log10"));
    assertEquals(new FunctionSpec(Implementation.TABLE, 512, null), m.functionSettings("exp"));

    ModelSpec vendor = withKeys("functions: {default: {implementation: vendor}, sqrt: {implementation: table,"
        + " size: 128}}\n");
    assertEquals(new FunctionSpec(Implementation.TABLE, 128, null), vendor.functionSettings("sqrt"));
    assertEquals(new FunctionSpec(Implementation.VENDOR, null, null), vendor.functionSettings("cbrt"));

    // the degree merges key by key too; interpolate: true is degree 1, and a vendor unit drops a default degree
    ModelSpec degrees = withKeys("functions: {default: {degree: 2}, sin: {size: 64}, cos: {interpolate: true},"
        + " exp: {implementation: vendor}}\n");
    assertEquals(new FunctionSpec(Implementation.TABLE, 64, 2), degrees.functionSettings("sin"));
    assertEquals(new FunctionSpec(Implementation.TABLE, null, 1), degrees.functionSettings("cos"));
    assertEquals(new FunctionSpec(Implementation.VENDOR, null, null), degrees.functionSettings("exp"));

    // only functions with a unit have settings: a wrong name from the caller is a bug, not a default
    assertThrows(IllegalArgumentException.class, () -> m.functionSettings("abs"));
    assertThrows(IllegalArgumentException.class, () -> m.functionSettings("default"));
    assertThrows(IllegalArgumentException.class, () -> m.functionSettings("safe_log"));
  }

  @Test
  void everyFunctionWithAUnitIsABuiltinOfOneArgument() {
    assertEquals(12, Builtin.withUnits().size());
    for (Builtin f : Builtin.withUnits()) {
      assertEquals(1, f.arity(), f::canonicalName);
      assertEquals(f, Builtin.byFunctionName(f.canonicalName()).orElseThrow());
    }
    for (int size = FunctionSpec.MIN_SIZE; size <= FunctionSpec.MAX_SIZE; size *= 2) {
      assertEquals(Implementation.TABLE, withKeys("functions: {exp: {size: " + size + "}}\n")
          .functionSettings("exp").implementation());
    }
  }

  @Test
  void readsDistributionAndClassify() {
    TestbenchSpec normal = withKeys("testbench: {distribution: normal, vectors: 10000, seed: 5, classify: true}\n")
        .testbench();
    assertEquals(new TestbenchSpec(10000, 5, Distribution.NORMAL, null, null, true), normal);
    assertEquals(Distribution.UNIFORM, withKeys("testbench: {distribution: uniform}\n").testbench().distribution());
    assertFalse(withKeys("testbench: {classify: false}\n").testbench().classify());
    // YAML 1.1's words, which the YAML parser reads as booleans
    assertTrue(withKeys("testbench: {classify: yes}\n").testbench().classify());
    assertFalse(withKeys("testbench: {classify: off}\n").testbench().classify());
    // a vector file may still be judged by class
    files.write("v.dat", "0.5\n");
    assertTrue(withKeys("testbench: {inputs: v.dat, classify: true}\n").testbench().classify());
  }

  @Test
  void valuesTheRecordsRejectOutsideTheReader() {
    assertThrows(IllegalArgumentException.class, () -> new FunctionSpec(Implementation.TABLE, 1000, null));
    assertThrows(IllegalArgumentException.class, () -> new FunctionSpec(Implementation.VENDOR, 256, null));
    assertThrows(IllegalArgumentException.class, () -> new PrecisionSpec(FixedType.fixed(16, 6),
        new InternalPrecision.Uniform(null), null, 0.01));
    assertThrows(IllegalArgumentException.class, () -> new PrecisionSpec(FixedType.fixed(16, 6),
        new InternalPrecision.Auto(), null, 0.0));
    ModelSpec m = withKeys("");
    assertThrows(IllegalArgumentException.class, () -> new ModelSpec(m.file(), m.name(), m.version(),
        m.description(), m.inputs(), m.outputs(), m.operators(), m.precision(),
        Map.of("abs", FunctionSpec.BUILT_IN), m.target(), m.testbench(), m.at()));
  }

  @Test
  void shorthandInputsAreNamedXi() {
    ModelSpec m = files.read("shorthand.sr.yaml", """
        format: sr-hls/v1
        name: shorthand
        inputs: {count: 16, range: [-4, 4], type: "ap_fixed<12,4>"}
        outputs: [{name: y, expression: "x15 - x0"}]
        """);
    assertEquals(16, m.inputs().size());
    for (int i = 0; i < 16; i++) {
      InputSpec in = m.inputs().get(i);
      assertEquals("x" + i, in.name());
      assertEquals(-4, in.min());
      assertEquals(4, in.max());
      assertEquals(FixedType.fixed(12, 4), in.type());
      assertEquals(3, in.at().line());
    }
  }

  @Test
  void expressionTextStartIsItsFirstCharacterForEveryScalarStyle() throws Exception {
    ModelSpec m = files.read("styles.sr.yaml", """
        format: sr-hls/v1
        name: styles
        inputs: [{name: a, range: [0, 1]}]
        outputs:
          - name: plain
            expression: a + sin(a)
          - name: single
            expression:   'a + cos(a)'
          - {name: dq, expression: "a + tan(a)"}
          - name: block
            expression: |
              a + exp(a)
        operators:
          "sq(p)": 'p * p'
        """);
    List<String> lines = Files.readAllLines(files.modelDir.resolve("styles.sr.yaml"));
    for (OutputSpec o : m.outputs()) {
      ExpressionSource e = (ExpressionSource) o.source();
      assertTextAt(lines, e.text().strip(), e.textStart());
    }
    assertEquals(new SourcePosition(Path.of("src/main/sr/styles.sr.yaml"), 6, 17),
        ((ExpressionSource) m.outputs().get(0).source()).textStart());
    assertEquals(new SourcePosition(Path.of("src/main/sr/styles.sr.yaml"), 8, 20),
        ((ExpressionSource) m.outputs().get(1).source()).textStart());
    assertEquals(new SourcePosition(Path.of("src/main/sr/styles.sr.yaml"), 9, 29),
        ((ExpressionSource) m.outputs().get(2).source()).textStart());
    assertEquals(new SourcePosition(Path.of("src/main/sr/styles.sr.yaml"), 12, 7),
        ((ExpressionSource) m.outputs().get(3).source()).textStart());
    OperatorSpec sq = m.operators().get(0);
    assertTextAt(lines, sq.body(), sq.bodyStart());
    assertEquals(13, sq.bodyStart().column());
  }

  @Test
  void expressionTextStartInJson() throws Exception {
    ModelSpec m = files.read("styles.sr.json", """
        {"format": "sr-hls/v1", "name": "styles",
         "inputs": [{"name": "a", "range": [0, 1]}],
         "outputs": [{"name": "y", "expression":   "a * log(a)"}],
         "operators": {"sq(p)": "p*p"}}
        """);
    List<String> lines = Files.readAllLines(files.modelDir.resolve("styles.sr.json"));
    ExpressionSource e = (ExpressionSource) m.outputs().get(0).source();
    assertTextAt(lines, e.text(), e.textStart());
    assertEquals(new SourcePosition(Path.of("src/main/sr/styles.sr.json"), 3, 45), e.textStart());
    assertTextAt(lines, "p*p", m.operators().get(0).bodyStart());
  }

  /** The way a parser error at offset k will be placed: textStart plus k columns lands on character k. */
  private static void assertTextAt(List<String> lines, String text, SourcePosition start) {
    String line = lines.get(start.line() - 1);
    assertTrue(line.startsWith(text, start.column() - 1), () -> "'" + text + "' not at " + start.render()
        + " in: " + line);
    int k = text.indexOf('(');
    if (k >= 0) {
      assertEquals('(', line.charAt(start.plusColumns(k).column() - 1));
    }
  }

  @Test
  void recognisesModelFileNames() {
    assertTrue(ModelReader.isModelFile(Path.of("a/b.sr.yaml")));
    assertTrue(ModelReader.isModelFile(Path.of("b.sr.yml")));
    assertTrue(ModelReader.isModelFile(Path.of("b.sr.json")));
    assertFalse(ModelReader.isModelFile(Path.of("b.yaml")));
    assertFalse(ModelReader.isModelFile(Path.of("sr.yaml")));
  }

  @Test
  void acceptsAByteOrderMarkAndCrLfLines() {
    ModelSpec m = files.read("bom.sr.yaml", "\uFEFFformat: sr-hls/v1\r\nname: bom\r\n"
        + "inputs: [{name: a, range: [0, 1]}]\r\noutputs: [{name: y, expression: 'a*a'}]\r\n");
    assertEquals(new SourcePosition(Path.of("src/main/sr/bom.sr.yaml"), 4, 34),
        ((ExpressionSource) m.outputs().get(0).source()).textStart());
    assertEquals(new SourcePosition(Path.of("src/main/sr/bom.sr.yaml"), 2, 7), m.at());
  }
}
