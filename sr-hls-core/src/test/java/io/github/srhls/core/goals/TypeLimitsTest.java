package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types the reader accepts that once reached a limit later: intermediates wider than the host header's old 128 bits
 * (a 64-bit integer's function unit, a sum of far-apart 64-bit types) and constants wider than a double. They build
 * and simulate bit for bit (issue 14).
 */
class TypeLimitsTest {
  @TempDir Path project;

  private TestResult simulate(String inputType, String expression, String precision) throws IOException {
    String model = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [0, 1], type: '" + inputType + "'}]\n"
        + "outputs: [{name: y, expression: '" + expression + "'}]\n" + precision + "testbench: {vectors: 50}\n";
    TempProject p = TempProject.with(project, "m.sr.yaml", model);
    p.generate();
    return p.simulate();
  }

  @Test
  void aFunctionUnitOfA64BitIntegerBuildsAndAgreesBitForBit() throws IOException {
    TestResult r = simulate("ap_int<64>", "sin(a)", "precision: {default: 'ap_int<64>'}\n");
    assertEquals(50, r.models().get(0).vectors());
    assertEquals(0, r.models().get(0).mismatches());
  }

  @Test
  void aSumOfFarApart64BitTypesBuildsAndAgreesBitForBit() throws IOException {
    TestResult r = simulate("ap_fixed<64,0>", "a + 0.5", "precision: {default: 'ap_fixed<64,64>'}\n");
    assertEquals(50, r.models().get(0).vectors());
    assertEquals(0, r.models().get(0).mismatches());
  }

  /**
   * Issue 14: constants the firmware derives from a 64-bit type (the division's saturation bounds, the units'
   * constants) have more than a double's 53 significant bits; they are written exactly, and the host simulation
   * agrees with the Java model bit for bit. Before, generate refused them ("needs more than 53 significant bits").
   */
  @Test
  void constantsOfMoreThan53SignificantBitsAreWrittenExactly() throws IOException {
    String model = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [-1000, 1000]},"
        + " {name: b, range: [0.5, 1000]}]\noutputs: [{name: q, expression: 'a / b'},"
        + " {name: s, expression: 'a * 0.1'}, {name: t, expression: 'tanh(a)'}, {name: w, expression: 'sin(a)'}]\n"
        + "precision: {default: 'ap_fixed<64,24>'}\nfunctions: {default: {size: 8}}\ntestbench: {vectors: 200}\n";
    TempProject p = TempProject.with(project, "m.sr.yaml", model);
    p.generate();
    String cpp = Files.readString(p.out().resolve("m/firmware/m.cpp"));
    // 0.1 in ap_fixed<64,24>: 40 fractional bits, 61 significant: a sum of two parts
    assertTrue(cpp.contains("(ap_fixed<64,24>("), cpp);
    TestResult r = p.simulate();
    assertEquals(200, r.models().get(0).vectors());
    assertEquals(0, r.models().get(0).mismatches());
  }
}
