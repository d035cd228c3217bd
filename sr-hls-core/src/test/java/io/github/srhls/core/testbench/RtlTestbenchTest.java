package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.testbench.RtlTestbench.PortType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTL's description and the raw bits of its test vectors: an input's bits are those of its own type, reached
 * through input_t as the Java model reaches them, and an expected output's are those of result_t.
 */
class RtlTestbenchTest {
  @TempDir Path project;

  /** y = b and z = a: each output is its input's value, so the bits on both sides must say the same number. */
  private static final String MODEL = """
      format: sr-hls/v1
      name: pass
      inputs:
        - {name: a, range: [-4, 4]}
        - {name: b, range: [-3, 3], type: "ap_fixed<10,3,AP_RND_CONV,AP_SAT>"}
      outputs:
        - {name: y, expression: "b"}
        - {name: z, expression: "a"}
      precision:
        default: "ap_fixed<16,6>"
      target:
        clock-ns: 3.3
      testbench:
        vectors: 500
        seed: 5
      """;

  @Test
  void describesThePortsWithTheInputsOwnTypesAndResultT() throws Exception {
    RtlTestbench tb = RtlTestbench.of(design(), 3, 3.3);
    assertEquals("pass", tb.top());
    assertEquals(List.of(new PortType("a", "ap_fixed<16,6>"), new PortType("b", "ap_fixed<10,3,AP_RND_CONV,AP_SAT>")),
        tb.inputs());
    assertEquals(List.of(new PortType("y", "ap_fixed<16,6>"), new PortType("z", "ap_fixed<16,6>")), tb.outputs());
    assertEquals(3, tb.latencyCycles());

    Files.createDirectories(project.resolve("rtl"));
    Files.writeString(project.resolve(RtlTestbench.FILE), tb.json());
    assertEquals(tb, RtlTestbench.read(project).orElseThrow());
    assertTrue(RtlTestbench.read(project.resolve("rtl")).isEmpty(), "a directory without the file has no RTL");
  }

  @Test
  void inputBitsAreTheJavaModelsInputsAndExpectedBitsItsOutputs() throws Exception {
    Design design = design();
    RtlTestbench tb = RtlTestbench.of(design, 1, 3.3);
    double[][] inputs = TestVectors.of(spec(), project);
    // through the .dat text, as sr-hls:test reads them
    double[][] expected = parse(TestbenchData.format(
        ExpectedOutputs.of(design, compiled().graph(), inputs, BuildLog.silent()).bitAccurate()));
    FixedType b = FixedType.parse("ap_fixed<10,3,AP_RND_CONV,AP_SAT>");
    FixedType a = FixedType.parse("ap_fixed<16,6>");
    int rounded = 0;
    for (int v = 0; v < inputs.length; v++) {
      List<BigInteger> in = tb.inputBits(inputs[v]);
      List<BigInteger> out = tb.expectedBits(expected[v]);
      assertEquals(0, Fixed.ofRaw(in.get(1), b).compareTo(Fixed.ofRaw(out.get(0), a)), "y = b, vector " + v);
      assertEquals(0, Fixed.ofRaw(in.get(0), a).compareTo(Fixed.ofRaw(out.get(1), a)), "z = a, vector " + v);
      rounded += Fixed.ofRaw(in.get(1), b).toDouble() != inputs[v][1] ? 1 : 0;
    }
    assertTrue(rounded > inputs.length / 2, "the own type's rounding was exercised: " + rounded);
  }

  @Test
  void onlyTypesWhoseValuesAreDoublesHaveTheirBitsInTheDatFiles() {
    assertTrue(RtlTestbench.exactAsDouble(FixedType.parse("ap_fixed<54,10>")));
    assertFalse(RtlTestbench.exactAsDouble(FixedType.parse("ap_fixed<55,10>")));
    assertTrue(RtlTestbench.exactAsDouble(FixedType.parse("ap_ufixed<53,10>")));
    assertFalse(RtlTestbench.exactAsDouble(FixedType.parse("ap_ufixed<54,10>")));
  }

  @Test
  void aDescriptionOfAnotherFormatIsRefusedNamingTheFile() throws Exception {
    Files.createDirectories(project.resolve("rtl"));
    Files.writeString(project.resolve(RtlTestbench.FILE), RtlTestbench.of(design(), 1, 5).json()
        .replace(RtlTestbench.FORMAT, "sr-hls-rtl/v0"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> RtlTestbench.read(project));
    assertTrue(e.getMessage().contains(RtlTestbench.FILE) && e.getMessage().contains("sr-hls-rtl/v0"),
        e.getMessage());
  }

  private ModelSpec spec() throws Exception {
    Path file = project.resolve("pass.sr.yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, MODEL);
    }
    return new ModelReader().read(file, project, "1");
  }

  private CompiledModel compiled() throws Exception {
    return new ModelCompiler(project).compile(spec());
  }

  private Design design() throws Exception {
    return ModelDesign.of(spec(), compiled(), "pass.sr.yaml");
  }

  private double[][] parse(String dat) throws Exception {
    Path file = Files.writeString(project.resolve("expected.dat"), dat);
    return TestbenchData.read(file, 2, "output").vectors().toArray(double[][]::new);
  }
}
