package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema published for format sr-hls/v1 against the model reader: every model file of this repository
 * conforms, files the reader rejects for their structure are rejected by the schema too, and the schema's lists
 * (keywords, functions, modes) are the reader's.
 */
class ModelSchemaTest {
  static final String SCHEMA = "io/github/srhls/core/model/sr-hls-v1.schema.json";

  private static Schema schema;
  private static JsonNode schemaTree;

  @TempDir Path project;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = ModelSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      assertNotNull(in, SCHEMA + " is on the class path");
      byte[] bytes = in.readAllBytes();
      schemaTree = new ObjectMapper().readTree(bytes);
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new java.io.ByteArrayInputStream(bytes));
    }
  }

  static Stream<Path> repositoryModelFiles() throws IOException {
    Path root = Path.of(System.getProperty("srhls.repositoryRoot", "..")).toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    // the test resources' only model file is a stand-in that is copied around, never read
    for (String dir : List.of("examples", "it")) {
      try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
        walk.filter(ModelReader::isModelFile).filter(p -> !p.toString().contains("/target/")).forEach(files::add);
      }
    }
    assertTrue(files.size() >= 5, "found the repository's model files: " + files);
    return files.stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("repositoryModelFiles")
  void everyModelFileOfTheRepositoryConforms(Path file) throws IOException {
    assertEquals(List.of(), errors(tree(file.getFileName().toString(), Files.readString(file))), file.toString());
  }

  @Test
  void theReadmeExampleConforms() throws IOException {
    Path readme = Path.of(System.getProperty("srhls.repositoryRoot", "..")).resolve("README.md");
    Matcher m = Pattern.compile("(?s)```yaml\\n(format: sr-hls/v1.*?)```").matcher(Files.readString(readme));
    assertTrue(m.find(), "the README has a model file example");
    assertEquals(List.of(), errors(tree("readme.sr.yaml", m.group(1))));
  }

  /** Each is wrong in one way that the schema can see; the reader refuses every one of them too. */
  static Stream<String[]> invalid() {
    String inputs = "inputs: {count: 2, range: [-1, 1]}\n";
    String outputs = "outputs: [{name: y, expression: x0 * x1}]\n";
    String head = "format: sr-hls/v1\nname: m\n";
    return Stream.of(
        new String[] {"no format", "name: m\n" + inputs + outputs},
        new String[] {"another format", "format: sr-hls/v2\nname: m\n" + inputs + outputs},
        new String[] {"unknown top-level key", head + inputs + outputs + "output: []\n"},
        new String[] {"name not an identifier", "format: sr-hls/v1\nname: 9lives\n" + inputs + outputs},
        new String[] {"name a C++ keyword", "format: sr-hls/v1\nname: class\n" + inputs + outputs},
        new String[] {"name with the vendor's prefix", "format: sr-hls/v1\nname: ap_top\n" + inputs + outputs},
        new String[] {"name main", "format: sr-hls/v1\nname: main\n" + inputs + outputs},
        new String[] {"name a macro of the generated code", "format: sr-hls/v1\nname: N_INPUTS\n" + inputs + outputs},
        new String[] {"name a variable of the testbench", "format: sr-hls/v1\nname: line\n" + inputs + outputs},
        new String[] {"input named like a C library type", head + "inputs: [{name: FILE, range: [0, 1]}]\n" + outputs},
        new String[] {"output named std", head + inputs + "outputs: [{name: std, expression: x0}]\n"},
        new String[] {"input named like a Verilog keyword", head + "inputs: [{name: reg, range: [0, 1]}]\n" + outputs},
        new String[] {"model named like a SystemVerilog keyword", "format: sr-hls/v1\nname: logic\n" + inputs + outputs},
        new String[] {"integer bits beyond 64", head + inputs + outputs + "precision: {default: 'ap_fixed<18,65>'}\n"},
        new String[] {"integer bits below -64", head + inputs + outputs + "precision: {default: 'ap_ufixed<8,-65>'}\n"},
        new String[] {"no outputs", head + inputs},
        new String[] {"empty input list", head + "inputs: []\n" + outputs},
        new String[] {"range of three", head + "inputs: [{name: a, range: [0, 1, 2]}]\n" + outputs},
        new String[] {"range of text", head + "inputs: [{name: a, range: [zero, 1]}]\n" + outputs},
        new String[] {"input named pi", head + "inputs: [{name: pi, range: [0, 1]}]\n" + outputs},
        new String[] {"count zero", head + "inputs: {count: 0, range: [-1, 1]}\n" + outputs},
        new String[] {"count too large", head + "inputs: {count: 4097, range: [-1, 1]}\n" + outputs},
        new String[] {"too wide", head + inputs + outputs + "precision: {default: 'ap_fixed<65,6>'}\n"},
        new String[] {"not a type", head + inputs + outputs + "precision: {default: float}\n"},
        new String[] {"unknown mode", head + inputs + outputs + "precision: {default: 'ap_fixed<16,6,AP_ROUND>'}\n"},
        new String[] {"unsigned wrap_sm",
            head + inputs + outputs + "precision: {default: 'ap_ufixed<8,2,AP_RND,AP_WRAP_SM>'}\n"},
        new String[] {"both expression and pysr",
            head + inputs + "outputs: [{name: y, expression: x0, pysr: {file: h.csv}}]\n"},
        new String[] {"neither expression nor pysr", head + inputs + "outputs: [{name: y}]\n"},
        new String[] {"blank expression", head + inputs + "outputs: [{name: y, expression: '  '}]\n"},
        new String[] {"unknown selection", head + inputs + "outputs: [{name: y, pysr: {file: h.csv, select: fastest}}]\n"},
        new String[] {"two selections",
            head + inputs + "outputs: [{name: y, pysr: {file: h.csv, select: {complexity: 3, row: 1}}}]\n"},
        new String[] {"variables", head + inputs + "outputs: [{name: y, pysr: {file: h.csv, variables: base-2}}]\n"},
        new String[] {"operator named like a built-in", head + inputs + outputs + "operators: {'sin(a)': a}\n"},
        new String[] {"operator without parameters", head + inputs + outputs + "operators: {sc: sin(x0)}\n"},
        new String[] {"error budget without auto", head + inputs + outputs + "precision: {error: 0.01}\n"},
        new String[] {"error budget under uniform",
            head + inputs + outputs + "precision: {internal: uniform, error: 0.01}\n"},
        new String[] {"vendor with a size",
            head + inputs + outputs + "functions: {exp: {implementation: vendor, size: 64}}\n"},
        new String[] {"vendor with a degree",
            head + inputs + outputs + "functions: {exp: {implementation: vendor, degree: 1}}\n"},
        new String[] {"vendor with interpolate",
            head + inputs + outputs + "functions: {exp: {implementation: vendor, interpolate: false}}\n"},
        new String[] {"clock zero", head + inputs + outputs + "target: {clock-ns: 0}\n"},
        new String[] {"part with a space", head + inputs + outputs + "target: {part: 'xc vu9p'}\n"},
        new String[] {"unknown constant multiplication",
            head + inputs + outputs + "arithmetic: {constant-multiplication: luts}\n"},
        new String[] {"unknown arithmetic key", head + inputs + outputs + "arithmetic: {divider: luts}\n"},
        new String[] {"zero vectors", head + inputs + outputs + "testbench: {vectors: 0}\n"},
        new String[] {"fractional vectors", head + inputs + outputs + "testbench: {vectors: 10.5}\n"},
        new String[] {"vector file and seed", head + inputs + outputs + "testbench: {inputs: v.dat, seed: 3}\n"},
        new String[] {"vector file and distribution",
            head + inputs + outputs + "testbench: {inputs: v.dat, distribution: normal}\n"},
        new String[] {"vector file of another kind", head + inputs + outputs + "testbench: {inputs: v.txt}\n"},
        new String[] {"negative tolerance", head + inputs + outputs + "testbench: {tolerance: -0.1}\n"},
        new String[] {"labels without a vector file", head + inputs + outputs + "testbench: {labels: l.csv}\n"},
        new String[] {"labels not a csv file", head + inputs + outputs + "testbench: {inputs: v.dat, labels: l.dat}\n"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void whatTheReaderRefusesForItsStructureTheSchemaRefuses(String what, String yaml) throws IOException {
    assertFalse(errors(tree("m.sr.yaml", yaml)).isEmpty(), what + ": the schema accepts\n" + yaml);
    Path file = project.resolve("src/main/sr/m.sr.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    Files.writeString(file.resolveSibling("v.dat"), "0 0\n");
    assertThrows(SrHlsException.class, () -> new ModelReader().read(file, project, "1.0.0"),
        what + ": the reader accepts it");
  }

  @Test
  void theSchemaAcceptsWhatTheReaderAcceptsInEveryForm() throws IOException {
    String yaml = """
        format: sr-hls/v1
        name: m
        version: 1.2
        description: 7
        inputs:
          - {name: x0, range: [-1, 1], type: 'ap_fixed< 18 , 8 , ap_rnd , AP_SAT , 2 >'}
          - {name: mass, range: [0, 4.5], type: 'ap_uint<8>'}
        outputs:
          - {name: y, expression: 2, type: 'ap_ufixed<12,4,AP_TRN_ZERO,AP_SAT_SYM>'}
          - {name: z, expression: 'sc(x0, mass)', type: 'ap_ufixed<12,4,AP_TRN_ZERO,AP_SAT_SYM>'}
        operators:
          'sc( a , b )': sin(a) * b
        precision: {default: 'ap_int<64>'}
        target: {part: xcku115-flvb2104-2-e, clock-ns: 2.5}
        arithmetic: {constant-multiplication: dsp}
        testbench: {inputs: vectors.CSV, tolerance: 0, labels: classes.Csv}
        """;
    assertEquals(List.of(), errors(tree("m.sr.yaml", yaml)));
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, yaml);
    Files.writeString(project.resolve("vectors.CSV"), "x0,mass\n0,1\n");
    Files.writeString(project.resolve("classes.Csv"), "1\n");
    ModelSpec spec = new ModelReader().read(file, project, "1.0.0");
    assertEquals("1.2", spec.version());
    assertEquals(project.resolve("classes.Csv").toAbsolutePath().normalize(), spec.testbench().labels());
  }

  @Test
  void theSchemaAcceptsTheNumericsKeysAsTheReaderDoes() throws IOException {
    String yaml = """
        format: sr-hls/v1
        name: m
        inputs: {count: 2, range: [-1, 1]}
        outputs:
          - {name: y, expression: "sin(x0) * exp(x1)"}
        precision:
          default: 'ap_fixed<16,6>'
          internal: auto
          constants: 'ap_fixed<18,2>'
          error: 0.01
          nodes: {"sin(x0)": 'ap_fixed<12,2>'}
        functions:
          default: {size: 256}
          sin: {implementation: table, size: 64, interpolate: true}
          exp: {implementation: vendor}
        testbench: {vectors: 100, distribution: normal, classify: true}
        """;
    assertEquals(List.of(), errors(tree("m.sr.yaml", yaml)));
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, yaml);
    ModelSpec spec = new ModelReader().read(file, project, "1.0.0");
    assertEquals(1, spec.functionSettings("sin").degree());
    assertEquals("sin(x0)", spec.precision().nodes().get(0).expression());
    assertFalse(errors(tree("m.sr.yaml", yaml.replace("size: 64", "size: 60"))).isEmpty());
    assertFalse(errors(tree("m.sr.yaml", yaml.replace("internal: auto", "internal: automatic"))).isEmpty());
    assertFalse(errors(tree("m.sr.yaml", yaml.replace("classify: true", "classify: 'yes please'"))).isEmpty());
  }

  @Test
  void theSchemaTakesAndRefusesBudgetsAsTheReaderDoes() throws IOException {
    Files.writeString(project.resolve("hof.csv"), "Complexity,Loss,Equation\n1,0.5,\"x0\"\n");
    String head = "format: sr-hls/v1\nname: m\ninputs: {count: 1, range: [-1, 1]}\noutputs:\n";
    String good = head + "  - {name: y, pysr: {file: hof.csv, select: {budget: {lut: 8000, dsp: 0, latency-ns: 2.5}}}}\n"
        + "  - {name: z, pysr: {file: hof.csv, select: budget}}\n"
        + "selection: {budget: {ff: 10, bram: 0, latency-cycles: 4}, objective: loss}\n";
    assertEquals(List.of(), errors(tree("m.sr.yaml", good)));
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, good);
    new ModelReader().read(file, project, "1.0.0");
    for (String[] bad : new String[][] {{"lut: 8000", "luts: 8000"}, {"lut: 8000", "lut: 0"},
        {"latency-ns: 2.5", "latency-ns: 0"}, {"dsp: 0", "dsp: -1"}, {"objective: loss", "objective: area"},
        {"{budget: {lut: 8000, dsp: 0, latency-ns: 2.5}}", "{budget: {}}"}}) {
      String yaml = good.replace(bad[0], bad[1]);
      assertFalse(errors(tree("m.sr.yaml", yaml)).isEmpty(), "the schema accepts " + bad[1]);
      Files.writeString(file, yaml);
      assertThrows(SrHlsException.class, () -> new ModelReader().read(file, project, "1.0.0"),
          "the reader accepts " + bad[1]);
    }
  }

  @Test
  void theSchemaListsTheReadersKeywordsFunctionsModesAndKeys() {
    JsonNode identifier = schemaTree.at("/$defs/identifier/not/enum");
    Set<String> keywords = new TreeSet<>();
    identifier.forEach(n -> keywords.add(n.asText()));
    assertEquals(new TreeSet<>(Names.CPP_KEYWORDS), keywords);
    assertEquals(ReservedNames.of(ReservedNames.Scope.GLOBAL), texts(schemaTree.at("/$defs/portName/allOf/2/not/enum")));
    assertEquals(ReservedNames.of(ReservedNames.Scope.MODEL), texts(schemaTree.at("/$defs/modelName/allOf/2/not/enum")));
    assertEquals(new TreeSet<>(ReservedNames.verilogKeywords()),
        texts(schemaTree.at("/$defs/portName/allOf/3/not/enum")));

    String builtins = schemaTree.at("/properties/operators/propertyNames/not/anyOf/0/pattern").asText();
    assertEquals(new TreeSet<>(Builtin.functionNames()), alternatives(builtins));

    String fixed = schemaTree.at("/$defs/fixedType/anyOf/0/pattern").asText();
    for (Quantization q : Quantization.values()) {
      assertTrue(fixed.contains(caseless(q.name())), q.name());
    }
    for (Overflow o : Overflow.values()) {
      assertTrue(fixed.contains(caseless(o.name())), o.name());
    }
    Set<String> top = new TreeSet<>();
    schemaTree.get("properties").fieldNames().forEachRemaining(top::add);
    assertEquals(new TreeSet<>(List.of("format", "name", "version", "description", "inputs", "outputs",
        "operators", "precision", "functions", "target", "arithmetic", "testbench", "selection")), top);
    Set<String> constantMultiplication = texts(schemaTree.at(
        "/properties/arithmetic/properties/constant-multiplication/enum"));
    assertEquals(new TreeSet<>(ArithmeticSpec.ConstantMultiplication.words()), constantMultiplication);
    Set<String> functions = new TreeSet<>();
    schemaTree.at("/properties/functions/properties").fieldNames().forEachRemaining(functions::add);
    Set<String> units = new TreeSet<>(List.of(FunctionSpec.DEFAULT_KEY));
    Builtin.withUnits().forEach(f -> units.add(f.canonicalName()));
    assertEquals(units, functions);
    assertEquals(TestbenchSpec.MAX_VECTORS, schemaTree.at("/properties/testbench/properties/vectors/maximum")
        .asInt());
    assertEquals(ModelInterpreter.MAX_SHORTHAND_INPUTS, schemaTree.at("/$defs/inputShorthand/properties/count/maximum")
        .asInt());
    assertEquals(ModelInterpreter.SUPPORTED_FORMATS, List.of(schemaTree.at("/properties/format/const").asText()));
  }

  /** The words of {@code ^\s*(?:a|b|c)\s*\(}. */
  private static Set<String> alternatives(String pattern) {
    Matcher m = Pattern.compile("\\(\\?:([^)]*)\\)").matcher(pattern);
    assertTrue(m.find(), pattern);
    return new TreeSet<>(Arrays.asList(m.group(1).split("\\|")));
  }

  /** How the schema spells a mode name so that any case matches: AP_RND as [Aa][Pp]_[Rr][Nn][Dd]. */
  private static String caseless(String word) {
    StringBuilder b = new StringBuilder();
    for (char c : word.toCharArray()) {
      b.append(Character.isLetter(c) ? "[" + Character.toUpperCase(c) + Character.toLowerCase(c) + "]" : c);
    }
    return b.toString();
  }

  private static JsonNode tree(String fileName, String text) throws IOException {
    ObjectMapper mapper = fileName.endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
    return mapper.readTree(text);
  }

  private static List<String> errors(JsonNode model) {
    return schema.validate(model).stream().map(Error::toString).toList();
  }

  private static Set<String> texts(JsonNode list) {
    Set<String> texts = new TreeSet<>();
    list.forEach(n -> texts.add(n.asText()));
    assertFalse(texts.isEmpty(), "the schema lists the reserved names");
    return texts;
  }
}
