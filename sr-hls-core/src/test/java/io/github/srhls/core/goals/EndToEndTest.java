package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.FileTrees;
import io.github.srhls.core.project.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate, host C simulation with the real g++ and our own header, package: the whole spine on a model that uses
 * every kind of node the compiler emits.
 */
class EndToEndTest {
  static final String MODEL = """
      format: sr-hls/v1
      name: every_node
      version: 2.0.1
      inputs:
        - {name: a, range: [-4, 4]}
        - {name: b, range: [0.5, 3], type: "ap_fixed<18,5,AP_RND,AP_SAT>"}
        - {name: c, range: [-2, 2]}
      outputs:
        - name: periodic
          expression: "-0.163*sc(2*a - 1.03) - sin(a + 1.76) + tan(c*0.3)"
        - name: tabulated
          expression: "exp(c) * 0.5 + log(b) - sqrt(b) + tanh(a) + cbrt(b) + log2(b) + log10(b) - cosh(c*0.5) + sinh(c*0.25)"
        - name: arithmetic
          expression: "abs(a) - sign(c) + max(a, c) * min(b, 1.5) + a^3 / 7 - square(c) + inv(b) + a / (c + 2.5)"
        - name: shared
          expression: "(x0 + -0.0795) * (x2 - 0.2654) * (2*a - 1.03) + pow(b, 1.5)"
      operators:
        sc(u): sin(u)*cos(u)
      precision:
        default: "ap_fixed<20,8,AP_RND,AP_SAT>"
      testbench:
        vectors: 2000
        seed: 7
        tolerance: 0.5
      """;

  @TempDir Path project;
  TempProject temp;
  Path modelDir;
  Path out;
  Path work;

  @BeforeEach
  void setUp() throws IOException {
    temp = TempProject.with(project, "every_node.sr.yaml", MODEL);
    modelDir = temp.models();
    out = temp.out();
    work = temp.work();
  }

  GenerateResult generate() {
    return temp.generate();
  }

  TestResult simulate() {
    return new TestOrchestrator().run(TestRequest.builder().projectDirectory(project).outputDirectory(out)
        .workDirectory(work).log(BuildLog.silent()).build());
  }

  List<PackagedModel> pack(Path zips) {
    return new PackageOrchestrator().run(PackageRequest.builder().outputDirectory(out).workDirectory(work)
        .zipDirectory(zips).finalName("demo-1.0.0").outputTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
        .log(BuildLog.silent()).build());
  }

  @Test
  void generatesSimulatesBitAccuratelyAndPackages() throws IOException {
    GenerateResult g = generate();
    assertEquals(List.of("every_node"), g.generated());
    Path gen = out.resolve("every_node");
    for (String f : List.of("firmware/every_node.cpp", "firmware/every_node.h", "firmware/defines.h",
        "every_node_test.cpp", "tb_data/tb_input_features.dat", "tb_data/tb_output_predictions.dat",
        "model/src/main/sr/every_node.sr.yaml")) {
      assertTrue(Files.isRegularFile(gen.resolve(f)), f);
    }
    String cpp = Files.readString(gen.resolve("firmware/every_node.cpp"));
    assertTrue(cpp.contains("#pragma HLS PIPELINE II=1"));
    assertTrue(cpp.contains("model every_node 2.0.1"));
    // 2*a - 1.03 appears in two outputs and is computed once
    assertEquals(1, count(cpp, "t0 * "), cpp);

    TestResult t = simulate();
    assertEquals(1, t.models().size());
    TestResult.ModelOutcome outcome = t.models().get(0);
    assertEquals(2000, outcome.vectors());
    assertEquals(0, outcome.mismatches());
    assertEquals(2000, Files.readAllLines(work.resolve("every_node/csim_results.dat")).size());

    Path zips1 = project.resolve("target/zips1");
    Path zips2 = project.resolve("target/zips2");
    List<PackagedModel> p1 = pack(zips1);
    List<PackagedModel> p2 = pack(zips2);
    assertEquals("every_node", p1.get(0).classifier());
    assertEquals("demo-1.0.0-every_node.zip", p1.get(0).zip().getFileName().toString());
    assertArrayEquals(Files.readAllBytes(p1.get(0).zip()), Files.readAllBytes(p2.get(0).zip()));
  }

  @Test
  void segmentsOfEveryDegreeAreBitAccurateAndHigherDegreesAreMoreAccurate() throws IOException {
    double[] periodic = new double[4];
    double[] tabulated = new double[4];
    for (int degree = 0; degree <= 3; degree++) {
      Files.writeString(modelDir.resolve("every_node.sr.yaml"), MODEL.replace(" + tan(c*0.3)", "")
          .replace("\ntestbench:", "\nfunctions:\n  default: {size: 64, degree: " + degree + "}\ntestbench:"));
      generate();
      String cpp = Files.readString(out.resolve("every_node/firmware/every_node.cpp"));
      assertEquals(degree > 0, cpp.contains(" * t + "), "Horner steps at degree " + degree);
      TestResult t = simulate();
      assertEquals(0, t.models().get(0).mismatches(), "degree " + degree);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Double>> errors = (Map<String, Map<String, Double>>) JsonFiles
          .read(t.models().get(0).report(), Map.class).get("errorVsFloat64");
      periodic[degree] = errors.get("periodic").get("maxAbsError");
      tabulated[degree] = errors.get("tabulated").get("maxAbsError");
    }
    // 64 plain entries leave sampling errors far above the 12 fraction bits' rounding; one degree more removes them
    // (tan, whose segments stay plain, is left out)
    for (int degree = 1; degree <= 3; degree++) {
      assertTrue(periodic[degree] * 4 < periodic[0], "periodic: " + Arrays.toString(periodic));
      assertTrue(tabulated[degree] * 4 < tabulated[0], "tabulated: " + Arrays.toString(tabulated));
    }
  }

  @Test
  void sameInputsGiveByteIdenticalFilesAndUnchangedModelsAreNotRegenerated() throws IOException {
    generate();
    byte[] first = Files.readAllBytes(out.resolve("every_node/firmware/every_node.cpp"));
    byte[] expected = Files.readAllBytes(out.resolve("every_node/tb_data/tb_output_predictions.dat"));
    GenerateResult again = generate();
    assertEquals(List.of("every_node"), again.upToDate());
    assertEquals(List.of(), again.generated());

    FileTrees.delete(project.resolve("target"));
    generate();
    assertArrayEquals(first, Files.readAllBytes(out.resolve("every_node/firmware/every_node.cpp")));
    assertArrayEquals(expected, Files.readAllBytes(out.resolve("every_node/tb_data/tb_output_predictions.dat")));
  }

  @Test
  void aDeletedModelHasItsOutputRemoved() throws IOException {
    generate();
    Files.delete(modelDir.resolve("every_node.sr.yaml"));
    GenerateResult g = generate();
    assertEquals(List.of("every_node"), g.removed());
    assertFalse(Files.exists(out.resolve("every_node")));
  }

  @Test
  void removingTheWholeModelDirectoryRemovesWhatItGenerated() throws IOException {
    generate();
    FileTrees.delete(modelDir);
    assertEquals(List.of("every_node"), generate().removed());
    assertFalse(Files.exists(out.resolve("every_node")));
  }

  @Test
  void aProjectThatNeverHadModelsGetsNoStateFile() {
    FileTrees.delete(modelDir);
    assertEquals(List.of(), generate().generated());
    assertFalse(Files.exists(work));
  }

  @Test
  void aBrokenModelFailsWithItsPositionAndLeavesNothingBehind() throws IOException {
    generate();
    Files.writeString(modelDir.resolve("every_node.sr.yaml"), MODEL.replace("sin(a + 1.76)", "sn(a + 1.76)"));
    SrHlsException e = assertThrows(SrHlsException.class, this::generate);
    assertTrue(e.getMessage().contains("src/main/sr/every_node.sr.yaml:10:"), e.getMessage());
    assertTrue(e.getMessage().contains("'sn'"), e.getMessage());
    assertFalse(Files.exists(out.resolve("every_node")), "the old, now stale, output is gone");
  }

  @Test
  void tanNearItsSteepEndPlansASmallTableThatIsBitExact() throws IOException {
    // the default budget for tan over [-1, 1] in ap_fixed<18,3> once planned a plain table of 65536 entries
    Files.delete(modelDir.resolve("every_node.sr.yaml"));
    Files.writeString(modelDir.resolve("tan_plan.sr.yaml"), """
        format: sr-hls/v1
        name: tan_plan
        inputs: {count: 1, range: [-1, 1], type: "ap_fixed<18,3>"}
        outputs: [{name: y, expression: "tan(x0)"}]
        precision: {internal: auto}
        testbench: {vectors: 2000}
        """);
    generate();
    Path gen = out.resolve("tan_plan");
    String design = Files.readString(gen.resolve("sr-hls-design.json"));
    java.util.regex.Matcher shape = java.util.regex.Pattern.compile("tan: (\\d+) segments of degree (\\d)")
        .matcher(design);
    assertTrue(shape.find(), design);
    assertTrue(Integer.parseInt(shape.group(1)) <= 4096 && Integer.parseInt(shape.group(2)) >= 1, shape.group());
    long cpp = Files.size(gen.resolve("firmware/tan_plan.cpp"));
    assertTrue(cpp < 100_000, "firmware of " + cpp + " bytes");
    TestResult t = simulate();
    assertEquals(0, t.models().get(0).mismatches());
  }

  static final String AUTO = """
      format: sr-hls/v1
      name: auto_plan
      inputs:
        - {name: a, range: [-5, 5], type: "ap_fixed<18,4,AP_RND,AP_SAT>"}
        - {name: b, range: [-5, 5], type: "ap_fixed<18,4,AP_RND,AP_SAT>"}
      outputs:
        - {name: y0, expression: "-0.163*sin(2*a - 1.03)*cos(b) + 0.31*a*b", type: "ap_fixed<22,7,AP_RND,AP_SAT>"}
        - {name: y1, expression: "exp(0.5*b) - a^2/7 + cos(b) + tanh(a*b)", type: "ap_fixed<22,7,AP_RND,AP_SAT>"}
      precision:
        internal: auto
        error: 0.01
      functions:
        sin: {size: 4096}
      testbench:
        vectors: 3000
        distribution: normal
        classify: true
      """;

  @Test
  void automaticPrecisionIsBitAccurateAndMeetsItsBudget() throws IOException {
    Files.delete(modelDir.resolve("every_node.sr.yaml"));
    Files.writeString(modelDir.resolve("auto_plan.sr.yaml"), AUTO);
    generate();
    Path gen = out.resolve("auto_plan");
    String design = Files.readString(gen.resolve("sr-hls-design.json"));
    assertTrue(design.contains("\"plan\" : \"auto\""), design);
    assertTrue(design.contains("sin: 4096 segments of degree 0"), design);
    // the other tables are sized by the plan, which interpolates where that is cheaper
    assertTrue(design.matches("(?s).*\"(cos|exp|tanh): \\d+ segments of degree [12]\".*"), design);
    // each node has its own width: many distinct types in the firmware
    long types = java.util.regex.Pattern.compile("const (ap_fixed<\\d+,-?\\d+>) t")
        .matcher(Files.readString(gen.resolve("firmware/auto_plan.cpp"))).results().map(m -> m.group(1))
        .distinct().count();
    assertTrue(types > 5, "distinct node types: " + types);

    TestResult t = simulate();
    assertEquals(0, t.models().get(0).mismatches());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Double>> errors = (Map<String, Map<String, Double>>) JsonFiles
        .read(t.models().get(0).report(), Map.class).get("errorVsFloat64");
    for (String y : List.of("y0", "y1")) {
      double max = errors.get(y).get("maxAbsError");
      assertTrue(max > 0 && max <= 0.01, y + ": " + max);
    }
    double agreement = (Double) JsonFiles.read(t.models().get(0).report(), Map.class).get("classAgreement");
    assertTrue(agreement > 0.99 && agreement <= 1.0, "class agreement " + agreement);
  }

  @Test
  void explicitNodeTypesAreHonouredByBothPlansAndStayBitAccurate() throws IOException {
    Files.writeString(modelDir.resolve("every_node.sr.yaml"), MODEL.replace("precision:\n",
        "precision:\n  nodes: {\"2*a - 1.03\": \"ap_fixed<14,5>\"}\n"));
    Files.writeString(modelDir.resolve("auto_plan.sr.yaml"), AUTO.replace("  internal: auto\n",
        "  internal: auto\n  nodes: {\"a*b\": \"ap_fixed<26,6>\"}\n"));
    generate();
    assertTrue(Files.readString(out.resolve("every_node/firmware/every_node.cpp")).contains("const ap_fixed<14,5> t"));
    assertTrue(Files.readString(out.resolve("auto_plan/sr-hls-design.json")).contains("\"type\" : \"ap_fixed<26,6>\""));
    for (TestResult.ModelOutcome m : simulate().models()) {
      assertEquals(0, m.mismatches(), m.model());
    }
  }

  @Test
  void aNodeTypeForASubexpressionNoOutputComputesIsAnErrorAtItsKey() throws IOException {
    Files.writeString(modelDir.resolve("every_node.sr.yaml"), MODEL.replace("precision:\n",
        "precision:\n  nodes: {\"a*c\": \"ap_fixed<14,5>\"}\n"));
    SrHlsException e = assertThrows(SrHlsException.class, this::generate);
    assertTrue(e.getMessage().contains("every_node.sr.yaml:20:12: precision.nodes: 'a*c' is not an operation"),
        e.getMessage());
  }

  @Test
  void vendorMathIsEmittedAndLeftToTheVendorsSimulation() throws IOException {
    Files.writeString(modelDir.resolve("every_node.sr.yaml"), MODEL + "functions:\n  sin: {implementation: vendor}\n");
    generate();
    Path gen = out.resolve("every_node");
    String cpp = Files.readString(gen.resolve("firmware/every_node.cpp"));
    assertTrue(cpp.contains("#include \"hls_math.h\""));
    assertTrue(cpp.contains("hls::sin(ap_fixed<20,8>("), cpp);
    assertTrue(Files.readString(gen.resolve("every_node_test.cpp")).contains("std::fabs(value - expected[k]) > 0.5"));
    assertEquals(List.of(), simulate().models(), "no host simulation of vendor math");
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
