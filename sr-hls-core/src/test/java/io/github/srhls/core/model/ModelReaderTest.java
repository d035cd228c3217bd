package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        - name: q
          type: ap_fixed<20,10,AP_RND,AP_SAT>
          pysr: {file: pysr/hall_of_fame.csv, select: {complexity: 17}, variables: one-based}
        - name: r
          pysr: {file: pysr/multi, select: accuracy, output: 2}
      operators:
        sc(a): sin(a)*cos(a)
        hyp(a, b): sqrt(a*a + b*b)
      precision:
        default: "ap_fixed<24,8>"
      target: {part: xcu250-figd2104-2L-e, clock-ns: 3.125}
      testbench:
        inputs: data/jet.dat
        tolerance: 0.05
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
          {"name": "g", "expression": "-0.163*sc(2*x1 - 1.03) - sin(x0 + 1.76)"},
          {"name": "q", "type": "ap_fixed<20,10,AP_RND,AP_SAT>",
           "pysr": {"file": "pysr/hall_of_fame.csv", "select": {"complexity": 17}, "variables": "one-based"}},
          {"name": "r", "pysr": {"file": "pysr/multi", "select": "accuracy", "output": 2}}
        ],
        "operators": {"sc(a)": "sin(a)*cos(a)", "hyp(a, b)": "sqrt(a*a + b*b)"},
        "precision": {"default": "ap_fixed<24,8>"},
        "target": {"part": "xcu250-figd2104-2L-e", "clock-ns": 3.125},
        "testbench": {"inputs": "data/jet.dat", "tolerance": 0.05}
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
    assertNull(g.type());
    assertEquals("-0.163*sc(2*x1 - 1.03) - sin(x0 + 1.76)", ((ExpressionSource) g.source()).text());

    OutputSpec q = m.outputs().get(1);
    assertEquals(FixedType.fixed(20, 10, Quantization.AP_RND, Overflow.AP_SAT), q.type());
    PysrSource qs = assertInstanceOf(PysrSource.class, q.source());
    assertEquals(dir.resolve("pysr/hall_of_fame.csv"), qs.file());
    assertEquals(new SelectionSpec.Complexity(17), qs.select());
    assertEquals(OptionalInt.empty(), qs.output());
    assertTrue(qs.oneBasedVariables());

    // with output: n the file may be a base name the PySR reader expands; it need not exist
    PysrSource rs = assertInstanceOf(PysrSource.class, m.outputs().get(2).source());
    assertEquals(dir.resolve("pysr/multi"), rs.file());
    assertEquals(new SelectionSpec.Accuracy(), rs.select());
    assertEquals(OptionalInt.of(2), rs.output());
    assertFalse(rs.oneBasedVariables());

    assertEquals(2, m.operators().size());
    assertEquals("sc", m.operators().get(0).name());
    assertEquals(List.of("a"), m.operators().get(0).params());
    assertEquals("sin(a)*cos(a)", m.operators().get(0).body());
    assertEquals("hyp", m.operators().get(1).name());
    assertEquals(List.of("a", "b"), m.operators().get(1).params());

    assertEquals(FixedType.fixed(24, 8), m.defaultType());
    assertEquals(new TargetSpec("xcu250-figd2104-2L-e", 3.125), m.target());
    assertEquals(new TestbenchSpec(1000, 1, dir.resolve("data/jet.dat"), 0.05), m.testbench());
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
        m.defaultType(), m.target(), m.testbench(), none);
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
    assertEquals(new TestbenchSpec(1000, 1, null, null), m.testbench());
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
    assertEquals(new SelectionSpec.Best(), ((PysrSource) m.outputs().get(0).source()).select());
    assertEquals(new SelectionSpec.Score(), ((PysrSource) m.outputs().get(1).source()).select());
    assertEquals(new SelectionSpec.Row(0), ((PysrSource) m.outputs().get(2).source()).select());
    // YAML reads 2 as a number; an expression is its text
    assertEquals("2", ((ExpressionSource) m.outputs().get(3).source()).text());
    assertEquals(new TestbenchSpec(10_000_000, -7, null, 0.0), m.testbench());
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
