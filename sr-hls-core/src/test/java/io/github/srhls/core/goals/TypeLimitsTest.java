package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types the reader accepts that still reach a limit later (an operation's or a function unit's intermediate wider
 * than the host header's 128 bits): the error is at the declared type's key (file:line:col), names the
 * subexpression and the supported range, at generate, before g++ sees anything. Constants wider than a double are
 * no such limit: they are written exactly.
 */
class TypeLimitsTest {
  @TempDir Path project;

  private String error(String inputType, String expression, String precision) throws IOException {
    String model = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [0, 1], type: '" + inputType + "'}]\n"
        + "outputs: [{name: y, expression: '" + expression + "'}]\n" + precision;
    TempProject p = TempProject.with(project, "m.sr.yaml", model);
    return assertThrows(SrHlsException.class, p::generate).getMessage();
  }

  private static void assertHas(String message, String... words) {
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
    assertFalse(message.contains("Exception"), message);
  }

  @Test
  void aFunctionUnitTooWideForTheHostHeaderIsRefusedAtTheDeclaredTypesKeyWithTheSupportedRange()
      throws IOException {
    String m = error("ap_int<64>", "sin(a)", "precision: {default: 'ap_int<64>'}\n");
    assertHas(m, Path.of("src/main/sr/m.sr.yaml") + ":5:", ": precision.default ap_int<64>: ",
        "the function unit for 'sin(a)'", "at most 128 bits", "The supported range", "W up to 32");
  }

  @Test
  void anIntermediateWiderThanTheHostHeaderNamesTheSubexpressionTheKeyAndTheTypes() throws IOException {
    assertHas(error("ap_fixed<64,0>", "a + 0.5", "precision: {default: 'ap_fixed<64,64>'}\n"),
        Path.of("src/main/sr/m.sr.yaml") + ":5:", ": precision.default ap_fixed<64,64>: ", "'a + 0.5'", "129 bits",
        "at most 128 bits", "The supported range", "inputs[0].type ap_fixed<64,0>",
        "precision.default ap_fixed<64,64>");
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
