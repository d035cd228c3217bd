package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated projects that the vendor's C simulation and the host simulation must read the same way (issue 13, item
 * 21): inputs of ap_int type from a vector file, and divisions whose most negative numerator meets -1 LSB.
 */
class VendorFidelityTest {

  @TempDir Path project;

  /**
   * ap_int<16>(double) of a value in (-0.5, 0) is +1 with the vendor's 2019 headers and 0 with ours: the host
   * headers now stop there, so the testbench must convert through a type every implementation reads alike.
   */
  @Test
  void integerInputsFromAVectorFileReachTheDesignAsTheJavaModelReadsThem() throws IOException {
    TempProject temp = TempProject.with(project, "ints.sr.yaml", """
        format: sr-hls/v1
        name: ints
        inputs:
          - {name: a, range: [-100, 100], type: "ap_int<16>"}
          - {name: b, range: [-100, 100], type: "ap_int<16>"}
        outputs:
          - {name: y, expression: "a * 3 + b"}
        precision:
          default: "ap_fixed<24,20>"
        testbench:
          inputs: vectors.dat
        """);
    Files.writeString(temp.models().resolve("vectors.dat"),
        "-0.2 0.3\n-0.49 -0.7\n-1e-300 5\n-1.5 -0.5\n2.75 -3.25\n-99.9 99.9\n");
    temp.generate();
    String testbench = Files.readString(temp.out().resolve("ints/ints_test.cpp"));
    assertTrue(testbench.contains("x[i] = ap_fixed<16, 16, AP_TRN_ZERO>(in[i]);"), testbench);
    TestResult t = temp.simulate();
    assertEquals(1, t.models().size());
    assertEquals(6, t.models().get(0).vectors(), () -> t.toString());
    assertEquals(0, t.models().get(0).mismatches(), () -> t.toString());
  }

  /**
   * internal_t(t0 / t1) with t0 the most negative value and t1 = -1 LSB: the vendor's division wraps there unless
   * the numerator has one spare integer bit, which the firmware now gives it; the host simulation agrees with the
   * Java model, which computes the true quotient. Over the overflow modes and widths designs use, with the corners:
   * most negative and largest numerators, +-1 LSB and the extremes as divisors.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "ap_fixed<16,6,AP_RND,AP_SAT>; 16; 6",
      "ap_fixed<16,6>; 16; 6",
      "ap_fixed<18,8,AP_RND_CONV,AP_SAT_SYM>; 18; 8",
      "ap_fixed<20,4,AP_TRN_ZERO,AP_WRAP>; 20; 4",
      "ap_fixed<12,12,AP_RND,AP_SAT>; 12; 12",
      "ap_fixed<32,16,AP_RND,AP_SAT>; 32; 16",
      "ap_fixed<48,20,AP_RND_INF,AP_SAT>; 48; 20"})
  void aDivisionOfTheMostNegativeValueByMinusOneLsbGivesTheTrueQuotient(String type, int w, int i)
      throws IOException {
    double min = -Math.scalb(1.0, i - 1);
    double lsb = Math.scalb(1.0, i - w);
    double max = -min - lsb;
    TempProject temp = TempProject.with(project, "quot.sr.yaml", """
        format: sr-hls/v1
        name: quot
        inputs:
          - {name: a, range: [%s, %s]}
          - {name: b, range: [%s, %s]}
        outputs:
          - {name: y, expression: "a / b"}
        precision:
          default: "%s"
        testbench:
          inputs: vectors.dat
        """.formatted(min, max, min, -lsb, type));
    StringBuilder vectors = new StringBuilder();
    for (double a : new double[] {min, min + lsb, max, -lsb, lsb, 1}) {
      for (double b : new double[] {-lsb, lsb, min, max, -2 * lsb, -1}) {
        vectors.append(a).append(' ').append(b).append('\n');
      }
    }
    Files.writeString(temp.models().resolve("vectors.dat"), vectors.toString());
    temp.generate();
    String firmware = Files.readString(temp.out().resolve("quot/firmware/quot.cpp"));
    assertTrue(firmware.matches("(?s).*ap_fixed<\\d+,\\d+>\\(\\w+\\) / \\w+.*"), firmware);
    // the first vector, min / -1 LSB: a saturating type holds its largest value (the vendor's wrap gave the least)
    String first = Files.readString(temp.out().resolve("quot/tb_data/tb_output_predictions.dat")).lines()
        .findFirst().orElseThrow();
    if (type.contains("SAT")) {
      assertEquals(max, Double.parseDouble(first), first);
    }
    TestResult t = temp.simulate();
    assertEquals(36, t.models().get(0).vectors(), () -> t.toString());
    assertEquals(0, t.models().get(0).mismatches(), () -> t.toString());
  }
}
