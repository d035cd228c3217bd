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
 * Designs of 64-bit types whose full-precision intermediates need more than the 128 bits of a C integer: the
 * product of two 64-bit unsigned values (129 bits with its sign), a sum of a 64-bit fraction and a 64-bit integer
 * (129 bits). They generate, and the host simulation (our headers, compiled by g++) matches the Java model bit for
 * bit, at the ends of the ranges too (issue 14, item 2). (A division's saturation constants of 64-bit types are
 * item 1's; the header's 64-bit quotients are in FixedCppDifferentialTest.)
 */
class SixtyFourBitTypesTest {
  @TempDir Path project;

  @ParameterizedTest(name = "{0} with results in {1}")
  @CsvSource(delimiter = ';', value = {
      "ap_ufixed<64,20>; ap_ufixed<64,20>; 1048575.9999",
      "ap_uint<64>; ap_uint<64>; 9007199254740991",
      "ap_ufixed<64,20,AP_RND,AP_SAT>; ap_ufixed<64,40,AP_RND_CONV,AP_SAT>; 1048575.9999",
      "ap_uint<64>; ap_fixed<64,64,AP_RND,AP_SAT>; 9007199254740991",
      "ap_fixed<64,0>; ap_fixed<64,64>; 0.49999999"})
  void wideIntermediatesSimulateAsTheJavaModelComputes(String inputType, String resultType, double max)
      throws IOException {
    boolean signed = inputType.startsWith("ap_fixed");
    double min = signed ? -max : 0;
    TempProject temp = TempProject.with(project, "wide.sr.yaml", """
        format: sr-hls/v1
        name: wide
        inputs:
          - {name: a, range: [%s, %s], type: "%s"}
          - {name: b, range: [%s, %s], type: "%s"}
        outputs:
          - {name: product, expression: "a * b"}
          - {name: sum, expression: "a + b + 0.5"}
          - {name: difference, expression: "a - b"}
          - {name: larger, expression: "max(a, b)"}
        precision:
          default: "%s"
        testbench:
          inputs: vectors.dat
        """.formatted(min, max, inputType, min, max, inputType, resultType));
    StringBuilder vectors = new StringBuilder();
    double[] values = {min, max, max / 3, max / 1024, 1, 0.75, 0};
    for (double a : values) {
      for (double b : values) {
        vectors.append(a).append(' ').append(b).append('\n');
      }
    }
    Files.writeString(temp.models().resolve("vectors.dat"), vectors.toString());
    temp.generate();
    temp.keep("wide-" + Math.abs((inputType + resultType).hashCode()));
    String firmware = Files.readString(temp.out().resolve("wide/firmware/wide.cpp"));
    assertTrue(firmware.contains(" * "), firmware);
    TestResult t = temp.simulate();
    assertEquals(1, t.models().size());
    assertEquals(49, t.models().get(0).vectors(), () -> t.toString());
    assertEquals(0, t.models().get(0).mismatches(), () -> t.toString());
  }
}
