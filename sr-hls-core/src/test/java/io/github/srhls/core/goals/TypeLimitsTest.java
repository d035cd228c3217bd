package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Types within the allowed integer bits that still reach a limit later (a constant a function unit derives): the
 * error names the model file and the declared type's key, at generate, before g++ sees anything. (Intermediates
 * wider than 128 bits are no longer a limit: SixtyFourBitTypesTest.)
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
  void aConstantAFunctionUnitDerivesFromAFarTypeNamesTheFileAndTheKey() throws IOException {
    assertHas(error("ap_fixed<18,64>", "sin(a)", ""), Path.of("src/main/sr/m.sr.yaml") + ": ",
        "needs more than 53 significant bits", "inputs[0].type ap_fixed<18,64>");
  }
}
