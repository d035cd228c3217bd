package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nodes rounded into a type whose rounding bit lies above the most significant bit of the value assigned to it: a
 * coarse type (I > W, e.g. ap_fixed<6,14,AP_RND,AP_SAT>), or a tiny source (I < 0) into a finer type. The vendor's
 * assignment aborts there; the firmware widens the source first (issue 14, item 3). Our headers refuse the direct
 * form at compile time, so that the host simulation compiling at all proves no such conversion is left, and it
 * matches the Java model bit for bit.
 */
class CoarseRoundingTest {
  @TempDir Path project;

  @ParameterizedTest(name = "{0} into {2}: {3}")
  @CsvSource(delimiter = ';', value = {
      "ap_fixed<16,6>; 30; ap_fixed<6,14,AP_RND,AP_SAT>; internal_t t2 = ap_fixed<18,8>(t0 + t1);",
      "ap_ufixed<12,4>; 15; ap_ufixed<6,14,AP_RND_CONV,AP_SAT>; internal_t t2 = ap_ufixed<16,8>(t0 + t1);",
      "ap_fixed<16,6>; 30; ap_fixed<8,16,AP_TRN_ZERO,AP_WRAP>; internal_t t2 = ap_fixed<18,8>(t0 + t1);",
      "ap_fixed<8,-12>; 0.0001; ap_fixed<8,-2,AP_RND_INF,AP_SAT_SYM>; internal_t t2 = ap_fixed<10,-10>(t0 + t1);",
      // the rounding bit within the source: written as before
      "ap_fixed<16,12>; 2000; ap_fixed<6,14,AP_RND,AP_SAT>; internal_t t2 = t0 + t1;"})
  void everyNodeKindIsWidenedBeforeARoundingThatReadsPastItsSource(String inputType, double max, String type,
      String statement) throws IOException {
    double min = inputType.startsWith("ap_ufixed") ? 0 : -max;
    TempProject temp = TempProject.with(project, "coarse.sr.yaml", """
        format: sr-hls/v1
        name: coarse
        inputs:
          - {name: a, range: [%s, %s], type: "%s"}
          - {name: b, range: [%s, %s], type: "%s"}
        outputs:
          - {name: sum, expression: "a + b"}
          - {name: difference, expression: "a - b"}
          - {name: product, expression: "a * b"}
          - {name: negation, expression: "-a"}
          - {name: magnitude, expression: "abs(a)"}
          - {name: sign, expression: "sign(b)"}
          - {name: larger, expression: "max(a, b)"}
          - {name: smaller, expression: "min(a, b)"}
          - {name: passed, expression: "a"}
        precision:
          default: "%s"
        """.formatted(min, max, inputType, min, max, inputType, type));
    temp.generate();
    temp.keep("coarse-" + Math.abs((inputType + type).hashCode()));
    String firmware = Files.readString(temp.out().resolve("coarse/firmware/coarse.cpp"));
    assertTrue(firmware.contains(statement), firmware);
    assertSimulatesAsTheJavaModel(temp);
  }

  /**
   * Function units return into the node's type: the root's product, the tanh and sin values, the log sum and the exp
   * product of a narrow table value meet the coarse (or, from tiny arguments, the finer) type there; and a quotient.
   */
  @ParameterizedTest(name = "{0} into {2}")
  @CsvSource(delimiter = ';', value = {
      "ap_fixed<16,6>; 0.5, 20; ap_fixed<6,14,AP_RND,AP_SAT>",
      "ap_ufixed<12,-6,AP_RND,AP_SAT>; 0.0001, 0.01; ap_fixed<12,1,AP_RND_CONV,AP_SAT>"})
  void functionUnitsReturnInAFormTheVendorConverts(String inputType, String range, String type) throws IOException {
    TempProject temp = TempProject.with(project, "units.sr.yaml", """
        format: sr-hls/v1
        name: units
        inputs:
          - {name: a, range: [%s], type: "%s"}
        outputs:
          - {name: root, expression: "sqrt(a)"}
          - {name: cube_root, expression: "cbrt(a)"}
          - {name: sine, expression: "sin(a)"}
          - {name: hyperbolic, expression: "tanh(a)"}
          - {name: logarithm, expression: "log(a)"}
          - {name: exponential, expression: "exp(a)"}
          - {name: ratio, expression: "a / (a + 2)"}
        precision:
          default: "%s"
        """.formatted(range, inputType, type));
    temp.generate();
    temp.keep("units-" + Math.abs((inputType + type).hashCode()));
    assertSimulatesAsTheJavaModel(temp);
  }

  private static void assertSimulatesAsTheJavaModel(TempProject temp) {
    TestResult t = temp.simulate();
    assertEquals(1, t.models().size());
    assertTrue(t.models().get(0).vectors() > 0, () -> t.toString());
    assertEquals(0, t.models().get(0).mismatches(), () -> t.toString());
  }
}
