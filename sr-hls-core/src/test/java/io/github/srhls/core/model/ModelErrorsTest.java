package io.github.srhls.core.model;

import static io.github.srhls.core.model.ModelFiles.assertAt;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad model file gets one message with file:line:column and what to do. */
class ModelErrorsTest {
  @TempDir Path project;
  @TempDir Path elsewhere;
  ModelFiles files;

  static final String HEAD = "format: sr-hls/v1\nname: m\n";
  static final String INPUTS = "inputs: [{name: a, range: [0, 1]}]\n";
  static final String OUTPUTS = "outputs: [{name: y, expression: a}]\n";
  /** Lines 1 to 4 of a valid model; tests add line 5 on. */
  static final String VALID = HEAD + INPUTS + OUTPUTS;

  @BeforeEach
  void setUp() {
    files = new ModelFiles(project);
    files.write("pysr/h.csv", "Complexity,Loss,Equation\n1,0.5,\"x0\"\n");
    files.write("d.dat", "0.5\n");
  }

  private String error(String content) {
    return files.error("m.sr.yaml", content);
  }

  // --- keys ---

  @Test
  void unknownKeySuggestsTheNearestAndListsTheAllowed() {
    assertAt(error(VALID + "testbenh: {vectors: 1}\n"), "m.sr.yaml", 5, 1, "unknown key 'testbenh'",
        "Did you mean 'testbench'?", "Allowed keys: format, name, version, description, inputs, outputs");
    assertAt(error(VALID + "testbench: {vector: 10}\n"), "m.sr.yaml", 5, 13, "unknown key 'vector' in testbench",
        "Did you mean 'vectors'?", "vectors, seed, inputs, tolerance");
    String far = error(VALID + "zzzzzzzz: 1\n");
    assertAt(far, "m.sr.yaml", 5, 1, "unknown key 'zzzzzzzz'");
    assertFalse(far.contains("Did you mean"), far);
  }

  @Test
  void aMappingWhereAKeyBelongsIsNamedInPlainWords() {
    // Jackson's message named SnakeYAML's MappingStartEvent class
    String message = error(VALID + "inputs2:\n  ? {a: 1}\n  : 2\n");
    assertAt(message, "m.sr.yaml", 6, 5, "expected a key (plain text) but found a mapping", "write key: value");
    assertFalse(message.contains("org.yaml"), message);
  }

  @Test
  void aLongBadNameIsQuotedInPart() {
    // the whole 5,000-character name was in the message
    String name = "n".repeat(4000) + ".x" + "n".repeat(998);
    String message = error("format: sr-hls/v1\nname: " + name + "\n" + INPUTS + OUTPUTS);
    assertAt(message, "m.sr.yaml", 2, 4007, "the model name '" + "n".repeat(40) + "… (5000 characters)' is not a C"
        + " identifier ('.' at character 4001)");
    assertTrue(message.length() < 300, message);
    String longName = error("format: sr-hls/v1\nname: " + "n".repeat(5000) + "\n" + INPUTS + OUTPUTS);
    assertAt(longName, "m.sr.yaml", 2, 7, "(5000 characters)' has 5000 characters; at most 64");
  }

  @Test
  void missingRequiredKeys() {
    assertAt(error("name: m\n" + INPUTS + OUTPUTS), "m.sr.yaml", 1, 1, "missing the required key 'format'",
        "format: sr-hls/v1");
    assertAt(error("format: sr-hls/v1\n" + INPUTS + OUTPUTS), "m.sr.yaml", 1, 1,
        "missing the required key 'name'");
    assertAt(error(HEAD + OUTPUTS), "m.sr.yaml", 1, 1, "missing the required key 'inputs'");
    assertAt(error(HEAD + INPUTS), "m.sr.yaml", 1, 1, "missing the required key 'outputs'");
    assertAt(error(HEAD + "inputs: [{name: a}]\n" + OUTPUTS), "m.sr.yaml", 3, 10,
        "inputs[0] is missing the required key 'range'", "range: [-4, 4]");
    assertAt(error(VALID + "outputs: [{name: z, pysr: {select: best}}]\n".replace("outputs", "x")),
        "m.sr.yaml", 5, 1, "unknown key 'x'");
  }

  @Test
  void unsupportedFormatListsTheSupportedOnes() {
    assertAt(error("format: sr-hls/v2\nname: m\n"), "m.sr.yaml", 1, 9, "unsupported format 'sr-hls/v2'",
        "sr-hls/v1");
    // checked before the keys, so a file of a later version is told about its format first
    assertAt(error("format: sr-hls/v2\nname: m\nnew_key: 1\n"), "m.sr.yaml", 1, 9, "unsupported format");
  }

  @Test
  void duplicateKeys() {
    assertAt(error(HEAD + "name: n\n" + INPUTS + OUTPUTS), "m.sr.yaml", 3, 1, "duplicate key 'name'",
        "only once");
    String json = files.error("m.sr.json", "{\"format\": \"sr-hls/v1\",\n \"name\": \"m\",\n \"name\": \"n\"}");
    assertTrue(json.startsWith(Path.of("src/main/sr/m.sr.json") + ":3:"), json);
    assertTrue(json.contains("duplicate key 'name'"), json);
  }

  // --- types ---

  @Test
  void wrongTypes() {
    assertAt(error("format: sr-hls/v1\nname: [a]\n"), "m.sr.yaml", 2, 7, "name must be text, found a list");
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, \"1\"]}]\n" + OUTPUTS), "m.sr.yaml", 3, 31,
        "inputs[0].range[1] must be a number, found the text '1'");
    assertAt(error(VALID + "testbench: {vectors: 1.5}\n"), "m.sr.yaml", 5, 22,
        "testbench.vectors must be a whole number from 1 to 10000000, found 1.5");
    assertAt(error(VALID + "testbench: {vectors: 0}\n"), "m.sr.yaml", 5, 22,
        "testbench.vectors must be a whole number from 1 to 10000000, found 0");
    assertAt(error(HEAD + "inputs: 5\n" + OUTPUTS), "m.sr.yaml", 3, 9, "inputs must be a non-empty list",
        "found the number 5");
    assertAt(error(HEAD + INPUTS + "outputs: {}\n"), "m.sr.yaml", 4, 10, "outputs must be a non-empty list",
        "found a mapping");
    assertAt(error(VALID + "description: [a]\n"), "m.sr.yaml", 5, 14, "description must be text");
    assertAt(error(VALID + "target: 5\n"), "m.sr.yaml", 5, 9, "target must be a mapping with the keys part,"
        + " clock-ns");
    assertAt(error(HEAD + "inputs: [a]\n" + OUTPUTS), "m.sr.yaml", 3, 10, "inputs[0] must be a mapping");
    assertAt(error(HEAD + "inputs: {range: [0, 1]}\n" + OUTPUTS), "m.sr.yaml", 3, 9,
        "{count: n, range: [min, max]}");
  }

  @Test
  void aConstantMultiplicationNoOneKnowsIsAnErrorAtItsValue() {
    assertAt(error(VALID + "arithmetic: {constant-multiplication: shift_add}\n"), "m.sr.yaml", 5, 39,
        "arithmetic.constant-multiplication must be auto (the cheaper of the two, the default), shift-add (adders,"
        + " no DSP) or dsp (DSP48E2 slices), found 'shift_add'.", "Did you mean 'shift-add'?");
    assertAt(error(VALID + "arithmetic: {constants: dsp}\n"), "m.sr.yaml", 5, 14,
        "unknown key 'constants' in arithmetic");
  }

  @Test
  void badVersionPartClockToleranceAndSeed() {
    assertAt(error(VALID + "version: \"1.0 beta\"\n"), "m.sr.yaml", 5, 11, "version '1.0 beta' may hold only");
    assertAt(error(VALID + "target: {part: \"xc7; rm\"}\n"), "m.sr.yaml", 5, 17, "not a part name");
    assertAt(error(VALID + "target: {clock-ns: 0}\n"), "m.sr.yaml", 5, 20, "target.clock-ns must be a positive");
    assertAt(error(VALID + "testbench: {tolerance: -0.1}\n"), "m.sr.yaml", 5, 24,
        "testbench.tolerance must be at least 0");
    assertAt(error(VALID + "testbench: {seed: 1.5}\n"), "m.sr.yaml", 5, 19, "testbench.seed must be a 64-bit whole number, found 1.5");
    assertAt(error(VALID + "testbench: {seed: 99999999999999999999}\n"), "m.sr.yaml", 5, 19,
        "testbench.seed must be a 64-bit whole number");
  }

  // --- names ---

  @Test
  void badModelNames() {
    assertAt(error("format: sr-hls/v1\nname: jet-tagger\n"), "m.sr.yaml", 2, 10,
        "'jet-tagger' is not a C identifier", "'-'");
    assertAt(error("format: sr-hls/v1\nname: 2jet\n"), "m.sr.yaml", 2, 7, "starts with a digit");
    assertAt(error("format: sr-hls/v1\nname: class\n"), "m.sr.yaml", 2, 7, "'class' is a C++ keyword",
        "alignas", "xor_eq");
    assertAt(error("format: sr-hls/v1\nname: ap_core\n"), "m.sr.yaml", 2, 7, "starts with 'ap_'");
    assertAt(error("format: sr-hls/v1\nname: _core\n"), "m.sr.yaml", 2, 7, "starts with '_'");
    assertAt(error("format: sr-hls/v1\nname: main\n"), "m.sr.yaml", 2, 7, "cannot be 'main'");
    assertAt(error("format: sr-hls/v1\nname: " + "n".repeat(65) + "\n"), "m.sr.yaml", 2, 7, "65 characters",
        "at most 64");
    assertAt(error("format: sr-hls/v1\nname: 'caf\u00e9'\n"), "m.sr.yaml", 2, 11, "not a C identifier");
  }

  @Test
  void namesTheGeneratedCppOrItsHeadersUseAreRefusedWhereWritten() {
    // each of these passed validation before and then failed g++ in defines.h, the top header or the testbench
    for (String name : new String[] {"N_INPUTS", "FILE", "std", "input_t", "result_t", "internal_t", "EOF",
        "stdin", "srhls", "hls", "AP_SAT", "size_t", "M_PI"}) {
      assertAt(error("format: sr-hls/v1\nname: " + name + "\n"), "m.sr.yaml", 2, 7, "the model name '" + name
          + "' is reserved", "choose another name", "_model'");
      assertAt(error(HEAD + "inputs: [{name: " + name + ", range: [0, 1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 17,
          "input name '" + name + "' is reserved");
      assertAt(error(HEAD + INPUTS + "outputs: [{name: " + name + ", expression: a}]\n"), "m.sr.yaml", 4, 18,
          "output name '" + name + "' is reserved");
    }
    // the testbench's variables around the call, and header file names: reserved for the model name only
    for (String name : new String[] {"line", "value", "x", "y", "defines", "hls_math"}) {
      assertAt(error("format: sr-hls/v1\nname: " + name + "\n"), "m.sr.yaml", 2, 7, "the model name '" + name
          + "' is reserved");
    }
    files.read("m.sr.yaml", HEAD + "inputs: [{name: x, range: [0, 1]}, {name: value, range: [0, 1]}]\n"
        + "outputs: [{name: y, expression: x + value}, {name: line, expression: x}]\n");
    // names the headers only overload (sin(double) beside sin(x, y)) stay allowed
    files.read("m.sr.yaml", "format: sr-hls/v1\nname: sin\n" + INPUTS + OUTPUTS);
  }

  @Test
  void verilogKeywordsAreRefusedAsModelInputAndOutputNamesWhereWritten() {
    // each of these generated C++ that compiled, and a module or port the RTL back end could not name
    assertAt(error("format: sr-hls/v1\nname: module\n"), "m.sr.yaml", 2, 7,
        "the model name 'module' is a Verilog/SystemVerilog keyword", "choose another name, e.g. 'module_model'");
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, 1]}, {name: reg, range: [0, 1]}]\n" + OUTPUTS),
        "m.sr.yaml", 3, 43, "input name 'reg' is a Verilog/SystemVerilog keyword", "e.g. 'reg_in'");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: logic, expression: a}]\n"), "m.sr.yaml", 4, 18,
        "output name 'logic' is a Verilog/SystemVerilog keyword", "e.g. 'logic_out'", "IEEE 1800-2017");
    for (String keyword : new String[] {"wire", "input", "output", "always", "begin", "end", "assign", "initial",
        "always_ff", "endmodule", "posedge", "genvar", "byte", "string", "table", "time", "type"}) {
      assertAt(error(HEAD + "inputs: [{name: " + keyword + ", range: [0, 1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 17,
          "input name '" + keyword + "' is a Verilog/SystemVerilog keyword");
    }
    // Verilog is case-sensitive and its keywords lower case; names that only contain one are fine
    files.read("m.sr.yaml", "format: sr-hls/v1\nname: Module\n" + "inputs: [{name: REG, range: [0, 1]},"
        + " {name: wire_in, range: [0, 1]}]\noutputs: [{name: logic_out, expression: REG + wire_in}]\n");
  }

  @Test
  void badAndDuplicatePortNames() {
    assertAt(error(HEAD + "inputs: [{name: int, range: [0, 1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 17,
        "input name 'int' is a C++ keyword");
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, 1]}, {name: a, range: [0, 1]}]\n" + OUTPUTS),
        "m.sr.yaml", 3, 43, "input name 'a' is already used (at 3:17)");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: a, expression: a}]\n"), "m.sr.yaml", 4, 18,
        "output name 'a' is already used (at 3:17)");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, expression: a}, {name: y, expression: a}]\n"),
        "m.sr.yaml", 4, 44, "output name 'y' is already used (at 4:18)");
    assertAt(error(HEAD + "inputs: {count: 2, range: [0, 1]}\noutputs: [{name: x1, expression: x0}]\n"),
        "m.sr.yaml", 4, 18, "output name 'x1' is already used");
    assertAt(error(HEAD + "inputs: [{name: x1, range: [0, 1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 17,
        "'x1' is input 0", "name it x0");
    assertAt(error(HEAD + "inputs: [{name: pi, range: [0, 1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 17,
        "'pi' is a constant");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: ap_done, expression: a}]\n"), "m.sr.yaml", 4, 18,
        "starts with 'ap_'");
  }

  // --- ranges and types ---

  @Test
  void badRanges() {
    assertAt(error(HEAD + "inputs: [{name: a, range: [1, 0]}]\n" + OUTPUTS), "m.sr.yaml", 3, 27,
        "inputs[0].range [1, 0] has min greater than max");
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, .inf]}]\n" + OUTPUTS), "m.sr.yaml", 3, 31,
        "inputs[0].range[1] must be a finite number, found .inf");
    assertAt(error(HEAD + "inputs: [{name: a, range: [1]}]\n" + OUTPUTS), "m.sr.yaml", 3, 27,
        "must be [min, max]", "a list of 1");
    assertAt(error(HEAD + "inputs: {count: 0, range: [0, 1]}\n" + OUTPUTS), "m.sr.yaml", 3, 17,
        "inputs.count must be a whole number from 1 to 4096");
    String json = files.error("m.sr.json", "{\"format\": \"sr-hls/v1\", \"name\": \"m\",\n"
        + "\"inputs\": [{\"name\": \"a\", \"range\": [-1e999, 1]}], \"outputs\": [{\"name\": \"y\", \"expression\": \"a\"}]}");
    assertAt(json, "m.sr.json", 2, 36, "inputs[0].range[0] must be a finite number, found -1e999");
  }

  @Test
  void badTypes() {
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, 1], type: \"ap_fixd<16,6>\"}]\n" + OUTPUTS),
        "m.sr.yaml", 3, 42, "inputs[0].type:", "is not a fixed-point type", "ap_fixed<W,I>");
    assertAt(error(VALID + "precision: {default: \"ap_fixed<65,10>\"}\n"), "m.sr.yaml", 5, 23,
        "precision.default:", "65 bits", "above 64 bits");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, expression: a, type: 'ap_fixed<16,6,AP_RNDD>'}]\n"),
        "m.sr.yaml", 4, 43, "outputs[0].type:", "unknown mode 'AP_RNDD'");
    assertAt(error(HEAD + "inputs: {count: 2, range: [0, 1], type: ap_uint<70>}\n" + OUTPUTS), "m.sr.yaml", 3,
        41, "inputs.type:", "70 bits");
  }

  @Test
  void integerBitsOutsideWhatTheHostHeaderHoldsAreRefusedAtTheKeyWithTheRange() {
    assertAt(error(VALID + "precision: {default: 'ap_ufixed<14,1000000>'}\n"), "m.sr.yaml", 5, 23,
        "precision.default: ap_ufixed<14,1000000> has 1000000 integer bits", "between -64 and 64",
        "e.g. ap_ufixed<14,64>");
    assertAt(error(HEAD + "inputs: [{name: a, range: [0, 1], type: 'ap_fixed<18,65536>'}]\n" + OUTPUTS),
        "m.sr.yaml", 3, 42, "inputs[0].type:", "65536 integer bits", "between -64 and 64");
    assertAt(error(VALID + "precision: {internal: 'ap_fixed<18,-65>'}\n"), "m.sr.yaml", 5, 24,
        "precision.internal:", "-65 integer bits", "e.g. ap_fixed<18,-64>");
    assertAt(error(VALID + "precision: {constants: 'ap_fixed<18,2147483647>'}\n"), "m.sr.yaml", 5, 25,
        "precision.constants:", "between -64 and 64");
    // the ends of the range are types
    files.read("m.sr.yaml", VALID + "precision: {default: 'ap_fixed<18,64>', constants: 'ap_fixed<18,-64>'}\n");
    // an error budget beyond double's range is a number error at the value, not an internal one
    assertAt(error(VALID + "precision: {internal: auto, error: 1.8e308}\n"), "m.sr.yaml", 5, 36,
        "precision.error must be a finite number");
  }

  @Test
  void outputsShareOneTypeOrNoneAtTheTypeKey() {
    String two = "outputs:\n  - {name: y, expression: a, type: 'ap_fixed<16,6>'}\n  - {name: z, expression: a}\n"
        + "  - {name: w, expression: a, type: 'ap_fixed<18,6>'}\n";
    assertAt(error(HEAD + INPUTS + two), "m.sr.yaml", 7, 30, "outputs declare different types [ap_fixed<16,6>,"
        + " ap_fixed<18,6>], but y[] has one element type", "give all outputs the same type, or none");
    String some = "outputs:\n  - {name: y, expression: a}\n  - {name: z, expression: a, type: 'ap_fixed<16,6>'}\n";
    assertAt(error(HEAD + INPUTS + some), "m.sr.yaml", 6, 30, "some outputs declare type ap_fixed<16,6> and some"
        + " none, but y[] has one element type; declare it on every output or on none");
    files.read("m.sr.yaml", HEAD + INPUTS + some.replace("expression: a}", "expression: a, type: 'ap_fixed<16,6>'}"));
  }

  // --- outputs ---

  @Test
  void outputNeedsExactlyOneSource() {
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, expression: a, pysr: {file: pysr/h.csv}}]\n"), "m.sr.yaml",
        4, 11, "outputs[0] (output 'y') has both expression and pysr");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y}]\n"), "m.sr.yaml", 4, 11,
        "needs exactly one of expression", "pysr: {file:");
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, expression: ''}]\n"), "m.sr.yaml", 4, 33,
        "outputs[0].expression is empty");
  }

  @Test
  void badPysrSettings() {
    String out = "outputs:\n  - name: y\n    pysr: ";
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, select: bestt}\n"), "m.sr.yaml", 6, 38,
        "'bestt' is not a selection", "accuracy, score, best, budget, {complexity: n}, {row: i} or {budget: {lut: 8000, ...}}", "Did you mean 'best'?");
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, select: {complexity: 0}}\n"), "m.sr.yaml", 6, 51,
        "outputs[0].pysr.select.complexity must be a whole number of at least 1, found 0");
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, select: {complexity: 3, row: 1}}\n"), "m.sr.yaml", 6,
        38, "exactly one key, complexity, row or budget");
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, select: {rows: 1}}\n"), "m.sr.yaml", 6, 39,
        "unknown key 'rows' in outputs[0].pysr.select", "Did you mean 'row'?");
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, variables: one}\n"), "m.sr.yaml", 6, 41,
        "zero-based", "one-based", "found 'one'");
    assertAt(error(HEAD + INPUTS + out + "{file: pysr/h.csv, output: 0}\n"), "m.sr.yaml", 6, 38,
        "outputs[0].pysr.output must be a whole number of at least 1");
    assertAt(error(HEAD + INPUTS + out + "{select: best}\n"), "m.sr.yaml", 6, 11,
        "outputs[0].pysr is missing the required key 'file'");
  }

  // --- operators ---

  @Test
  void badOperators() {
    String ops = VALID + "operators:\n";
    assertAt(error(ops + "  sc: sin(a)\n"), "m.sr.yaml", 6, 3, "operator 'sc' must be written name(p1, p2, ...)");
    assertAt(error(ops + "  sin(a): a\n"), "m.sr.yaml", 6, 3, "'sin' is a built-in function");
    assertAt(error(ops + "  f(): a\n"), "m.sr.yaml", 6, 5, "operator 'f' needs at least one parameter");
    assertAt(error(ops + "  f(a, a): a\n"), "m.sr.yaml", 6, 8, "has the parameter 'a' twice");
    assertAt(error(ops + "  g(a, 2b): a\n"), "m.sr.yaml", 6, 8, "'2b' is not a C identifier", "starts with a digit");
    assertAt(error(ops + "  g(a,): a\n"), "m.sr.yaml", 6, 7, "parameter of operator 'g' is empty");
    assertAt(error(ops + "  \"do(a)\": a\n"), "m.sr.yaml", 6, 4, "operator name 'do' is a C++ keyword");
    assertAt(error(ops + "  f(a): a\n  f(a, b): a\n"), "m.sr.yaml", 7, 3, "'f' is declared twice (first at 6:3)");
    assertAt(error(ops + "  f(a): ''\n"), "m.sr.yaml", 6, 9, "operators.f(a) is empty");
    assertAt(error(VALID + "operators: [a]\n"), "m.sr.yaml", 5, 12, "operators must be a mapping of name(params)");
  }

  // --- syntax ---

  @Test
  void yamlSyntaxErrorsNameTheExactPlace() {
    assertAt(error(HEAD + "target:\n\tpart: x\n"), "m.sr.yaml", 4, 1, "YAML syntax error", "TAB",
        "indent with spaces");
    assertAt(error("format: sr-hls/v1\nname: a: b\n"), "m.sr.yaml", 2, 8, "YAML syntax error",
        "mapping values are not allowed here");
    assertAt(error("format: sr-hls/v1\nname: 'm\n"), "m.sr.yaml", 3, 1, "YAML syntax error",
        "quoted scalar", "started at line 2");
  }

  @Test
  void jsonSyntaxErrors() {
    assertAt(files.error("m.sr.json", "{\"format\": \"sr-hls/v1\",\n  \"name\": \"m\",\n}"), "m.sr.json", 3, 1,
        "JSON syntax error");
  }

  @Test
  void documentShapeErrors() {
    assertAt(error(""), "m.sr.yaml", 1, 1, "the file is empty", "format: sr-hls/v1");
    assertAt(error("- a\n- b\n"), "m.sr.yaml", 1, 1, "expected a mapping of keys at the top, found a list");
    assertAt(error(VALID + "---\nformat: sr-hls/v1\n"), "m.sr.yaml", 6, 1, "more than one document");
    assertAt(error(HEAD + "inputs: [{name: a, range: &r [0, 1]}, {name: b, range: *r}]\n" + OUTPUTS),
        "m.sr.yaml", 3, 56, "YAML aliases (*r) are not supported");
  }

  @Test
  void fileLevelErrors() throws Exception {
    Path wrongName = files.write("m.yaml", VALID);
    String m = assertThrows(SrHlsException.class,
        () -> new ModelReader().read(wrongName, project, "1")).getMessage();
    assertTrue(m.startsWith(Path.of("src/main/sr/m.yaml") + ": "), m);
    assertTrue(m.contains(".sr.yaml, .sr.yml, .sr.json"), m);

    Path missing = files.modelDir.resolve("none.sr.yaml");
    m = assertThrows(SrHlsException.class, () -> new ModelReader().read(missing, project, "1")).getMessage();
    assertTrue(m.equals(Path.of("src/main/sr/none.sr.yaml") + ": file not found"), m);

    Path latin1 = files.modelDir.resolve("latin.sr.yaml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9, '\n'});
    m = assertThrows(SrHlsException.class, () -> new ModelReader().read(latin1, project, "1")).getMessage();
    assertTrue(m.contains("not UTF-8"), m);
  }

  // --- paths ---

  @Test
  void pathsMayNotLeaveTheProject() throws Exception {
    String out = "outputs: [{name: y, pysr: {file: ";
    assertAt(error(HEAD + INPUTS + out + "../../../../etc/passwd}}]\n"), "m.sr.yaml", 4, 34,
        "outputs[0].pysr.file '../../../../etc/passwd' resolves to", "outside the project directory");
    // even when the file need not exist yet
    assertAt(error(HEAD + INPUTS + out + "../../../../x, output: 1}}]\n"), "m.sr.yaml", 4, 34,
        "outside the project directory");
    assertAt(error(VALID + "testbench: {inputs: ../../../../tmp/v.dat}\n"), "m.sr.yaml", 5, 21,
        "testbench.inputs '../../../../tmp/v.dat' resolves to", "outside the project directory");
    assertAt(error(HEAD + INPUTS + out + Path.of("/etc/passwd") + "}}]\n"), "m.sr.yaml", 4, 34,
        "outside the project directory");

    // a model at the top of the project: ../../etc/passwd leaves it
    Path top = project.resolve("top.sr.yaml");
    Files.writeString(top, HEAD + INPUTS + out + "../../etc/passwd}}]\n");
    String m = assertThrows(SrHlsException.class, () -> new ModelReader().read(top, project, "1")).getMessage();
    assertTrue(m.startsWith("top.sr.yaml:4:34: "), m);
    assertTrue(m.contains("outside the project directory"), m);
  }

  @Test
  void symbolicLinksMayNotLeadOutOfTheProject() throws Exception {
    Files.writeString(elsewhere.resolve("h.csv"), "Complexity,Loss,Equation\n1,0.5,\"x0\"\n");
    Path link = files.modelDir.resolve("out");
    try {
      Files.createSymbolicLink(link, elsewhere);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
    }
    try {
      assertAt(error(HEAD + INPUTS + "outputs: [{name: y, pysr: {file: out/h.csv}}]\n"), "m.sr.yaml", 4, 34,
          "leads outside the project directory", "symbolic link");
      assertAt(error(HEAD + INPUTS + "outputs: [{name: y, pysr: {file: out/later, output: 2}}]\n"), "m.sr.yaml",
          4, 34, "symbolic link");
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void referencedFilesMustExist() {
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, pysr: {file: pysr/nothere.csv}}]\n"), "m.sr.yaml", 4, 34,
        "file not found: " + Path.of("src/main/sr/pysr/nothere.csv"));
    assertAt(error(HEAD + INPUTS + "outputs: [{name: y, pysr: {file: pysr}}]\n"), "m.sr.yaml", 4, 34,
        "is a directory");
    assertAt(error(VALID + "testbench: {inputs: nothere.csv}\n"), "m.sr.yaml", 5, 21,
        "file not found: " + Path.of("src/main/sr/nothere.csv"));
    assertAt(error(VALID + "testbench: {inputs: d.txt}\n"), "m.sr.yaml", 5, 21, "must be an hls4ml .dat file");
  }

  // --- precision ---

  @Test
  void badInternalPrecision() {
    assertAt(error(VALID + "precision: {internal: autoo}\n"), "m.sr.yaml", 5, 23,
        "precision.internal 'autoo' must be uniform", "auto (a type per node", "ap_fixed<20,8>",
        "Did you mean 'auto'?");
    assertAt(error(VALID + "precision: {internal: Uniform}\n"), "m.sr.yaml", 5, 23, "Did you mean 'uniform'?");
    String far = error(VALID + "precision: {internal: fastest}\n");
    assertAt(far, "m.sr.yaml", 5, 23, "must be uniform");
    assertFalse(far.contains("Did you mean"), far);
    // what looks like a type gets the type's message
    assertAt(error(VALID + "precision: {internal: \"ap_fixd<20,8>\"}\n"), "m.sr.yaml", 5, 24,
        "precision.internal:", "is not a fixed-point type", "ap_fixed<W,I>");
    assertAt(error(VALID + "precision: {internal: \"ap_fixed<80,8>\"}\n"), "m.sr.yaml", 5, 24,
        "precision.internal:", "80 bits", "above 64 bits");
    assertAt(error(VALID + "precision: {internal: ''}\n"), "m.sr.yaml", 5, 23, "precision.internal is empty");
    assertAt(error(VALID + "precision: {internal: [auto]}\n"), "m.sr.yaml", 5, 23,
        "precision.internal must be text, found a list");
  }

  @Test
  void badConstantsType() {
    assertAt(error(VALID + "precision: {constants: \"ap_fixed<18,2,AP_RNX>\"}\n"), "m.sr.yaml", 5, 25,
        "precision.constants:", "unknown mode 'AP_RNX'");
    assertAt(error(VALID + "precision: {constant: \"ap_fixed<18,2>\"}\n"), "m.sr.yaml", 5, 13,
        "unknown key 'constant' in precision", "Did you mean 'constants'?",
        "Allowed keys: default, internal, constants, error, nodes.");
  }

  @Test
  void errorBudgetOnlyWithAuto() {
    assertAt(error(VALID + "precision: {error: 0.01}\n"), "m.sr.yaml", 5, 13,
        "precision.error is only used with internal: auto", "precision.internal is uniform (the default)",
        "remove precision.error or set internal: auto");
    assertAt(error(VALID + "precision: {internal: uniform, error: 0.01}\n"), "m.sr.yaml", 5, 32,
        "only used with internal: auto", "precision.internal is uniform;");
    assertAt(error(VALID + "precision:\n  internal: ap_fixed<20,8>\n  error: 0.01\n"), "m.sr.yaml", 7, 3,
        "precision.internal is ap_fixed<20,8>;");
  }

  @Test
  void badErrorBudget() {
    assertAt(error(VALID + "precision: {internal: auto, error: 0}\n"), "m.sr.yaml", 5, 36,
        "precision.error must be greater than 0", "found 0");
    assertAt(error(VALID + "precision: {internal: auto, error: -0.5}\n"), "m.sr.yaml", 5, 36,
        "precision.error must be greater than 0", "found -0.5");
    assertAt(error(VALID + "precision: {internal: auto, error: .inf}\n"), "m.sr.yaml", 5, 36,
        "precision.error must be a finite number, found .inf");
    assertAt(error(VALID + "precision: {internal: auto, error: small}\n"), "m.sr.yaml", 5, 36,
        "precision.error must be a number, found the text 'small'");
  }

  // --- functions ---

  @Test
  void functionNamesMustHaveAUnit() {
    assertAt(error(VALID + "functions: {sn: {size: 256}}\n"), "m.sr.yaml", 5, 13, "unknown function 'sn'",
        "Did you mean 'sin'?", "Settings are for sin, cos, tan, sinh, cosh, tanh, exp, log, log2, log10, sqrt, cbrt,"
            + " and default for all of them.");
    assertAt(error(VALID + "functions: {defualt: {size: 256}}\n"), "m.sr.yaml", 5, 13,
        "unknown function 'defualt'", "Did you mean 'default'?");
    String far = error(VALID + "functions: {softmax: {size: 256}}\n");
    assertAt(far, "m.sr.yaml", 5, 13, "unknown function 'softmax'");
    assertFalse(far.contains("Did you mean"), far);
    assertAt(error(VALID + "functions: {safe_log: {size: 256}}\n"), "m.sr.yaml", 5, 13,
        "'safe_log' is another spelling of 'log'", "under log");
    assertAt(error(VALID + "functions: {abs: {size: 256}}\n"), "m.sr.yaml", 5, 13,
        "'abs' is computed by arithmetic", "no settings");
    assertAt(error(VALID + "operators: {'sc(a)': sin(a)*cos(a)}\nfunctions: {sc: {size: 256}}\n"), "m.sr.yaml",
        6, 13, "'sc' is a custom operator", "the functions its body calls");
  }

  @Test
  void badDegrees() {
    assertAt(error(VALID + "functions: {sin: {degree: 4}}\n"), "m.sr.yaml", 5, 27,
        "functions.sin.degree must be a whole number from 0 to 3, found 4");
    assertAt(error(VALID + "functions: {sin: {degree: one}}\n"), "m.sr.yaml", 5, 27,
        "functions.sin.degree must be a whole number from 0 to 3");
    assertAt(error(VALID + "functions: {sin: {degree: 2, interpolate: false}}\n"), "m.sr.yaml", 5, 30,
        "functions.sin.interpolate: false contradicts functions.sin.degree: 2", "remove interpolate");
    assertAt(error(VALID + "functions: {exp: {implementation: vendor, degree: 1}}\n"), "m.sr.yaml", 5, 43,
        "functions.exp.degree is for tables, but functions.exp.implementation is vendor");
    assertAt(error(VALID + "functions: {exp: {implementation: vendor, interpolate: true}}\n"), "m.sr.yaml", 5, 43,
        "functions.exp.interpolate is for tables", "remove interpolate or write implementation: table");
  }

  @Test
  void badFunctionSettings() {
    assertAt(error(VALID + "functions: [sin]\n"), "m.sr.yaml", 5, 12,
        "functions must be a mapping from function name to settings", "found a list");
    assertAt(error(VALID + "functions: {sin: table}\n"), "m.sr.yaml", 5, 18,
        "functions.sin must be a mapping with the keys implementation, size, degree, interpolate; found the text 'table'");
    assertAt(error(VALID + "functions:\n  cos: {implementation: table, sise: 256}\n"), "m.sr.yaml", 6, 32,
        "unknown key 'sise' in functions.cos", "Did you mean 'size'?", "Allowed keys: implementation, size, degree, interpolate.");
    assertAt(error(VALID + "functions: {sin: {implementation: vendr}}\n"), "m.sr.yaml", 5, 35,
        "functions.sin.implementation must be table", "or vendor", "found 'vendr'", "Did you mean 'vendor'?");
    assertAt(error(VALID + "functions: {sin: {size: 1000}}\n"), "m.sr.yaml", 5, 25,
        "functions.sin.size must be a power of two", "found 1000", "the nearest are 512 and 1024");
    assertAt(error(VALID + "functions: {default: {size: 3}}\n"), "m.sr.yaml", 5, 29,
        "the nearest are 2 and 4");
    assertAt(error(VALID + "functions: {sin: {size: 1}}\n"), "m.sr.yaml", 5, 25,
        "functions.sin.size must be a whole number from 2 to 65536, found 1");
    assertAt(error(VALID + "functions: {sin: {size: 131072}}\n"), "m.sr.yaml", 5, 25,
        "from 2 to 65536, found 131072");
    assertAt(error(VALID + "functions: {sin: {size: 256.0}}\n"), "m.sr.yaml", 5, 25,
        "must be a whole number from 2 to 65536, found 256.0");
  }

  @Test
  void aTableSizeNeedsATable() {
    assertAt(error(VALID + "functions: {tanh: {implementation: vendor, size: 256}}\n"), "m.sr.yaml", 5, 44,
        "functions.tanh.size is the size of a table", "functions.tanh.implementation is vendor",
        "remove size or write implementation: table");
    assertAt(error(VALID + "functions:\n  default: {implementation: vendor}\n  exp: {size: 64}\n"), "m.sr.yaml",
        7, 9, "functions.exp.size is the size of a table", "exp is vendor by functions.default.implementation",
        "write implementation: table next to the size");
  }

  // --- testbench ---

  @Test
  void badDistributionAndClassify() {
    assertAt(error(VALID + "testbench: {distribution: norml}\n"), "m.sr.yaml", 5, 27,
        "testbench.distribution must be uniform", "or normal (standard normal N(0, 1)", "found 'norml'",
        "Did you mean 'normal'?");
    assertAt(error(VALID + "testbench: {distribution: gaussian}\n"), "m.sr.yaml", 5, 27,
        "testbench.distribution must be uniform");
    assertAt(error(VALID + "testbench: {classify: 'true'}\n"), "m.sr.yaml", 5, 23,
        "testbench.classify must be true or false, found the text 'true'; write it without quotes");
    assertAt(error(VALID + "testbench: {classify: 1}\n"), "m.sr.yaml", 5, 23,
        "testbench.classify must be true or false, found the number 1");
    String word = error(VALID + "testbench: {classify: sure}\n");
    assertAt(word, "m.sr.yaml", 5, 23, "testbench.classify must be true or false, found the text 'sure'");
    assertFalse(word.contains("quotes"), word);
    assertAt(error(VALID + "testbench: {clasify: true}\n"), "m.sr.yaml", 5, 13, "Did you mean 'classify'?",
        "Allowed keys: vectors, seed, inputs, tolerance, distribution, classify, labels.");
  }

  @Test
  void vectorFileExcludesRandomVectorSettings() {
    assertAt(error(VALID + "testbench: {inputs: d.dat, seed: 3}\n"), "m.sr.yaml", 5, 28,
        "testbench.seed is for random vectors", "remove one of them");
    assertAt(error(VALID + "testbench:\n  vectors: 5\n  inputs: d.dat\n"), "m.sr.yaml", 6, 3,
        "testbench.vectors is for random vectors");
    assertAt(error(VALID + "testbench: {distribution: normal, inputs: d.dat}\n"), "m.sr.yaml", 5, 13,
        "testbench.distribution is for random vectors", "testbench.inputs names a vector file",
        "remove one of them");
  }
}
