package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bit for bit, except where the vendor's math library makes the expectation approximate. */
class ToleranceTest {
  @TempDir Path project;

  private double tolerance(String rest) throws IOException {
    Path file = Files.writeString(project.resolve("t.sr.yaml"), "format: sr-hls/v1\nname: t\n"
        + "inputs: [{name: a, range: [-1, 1]}]\noutputs: [{name: y, expression: sin(a)}]\n" + rest);
    ModelSpec spec = new ModelReader().read(file, project, "1");
    Design design = ModelDesign.of(spec, new ModelCompiler(project).compile(spec), "t.sr.yaml");
    return Tolerance.of(design, spec.testbench());
  }

  @Test
  void ourOwnUnitsAreComparedBitForBitWhateverTheModelDeclares() throws IOException {
    assertEquals(0, tolerance(""));
    assertEquals(0, tolerance("testbench: {tolerance: 0.5}\n"));
  }

  @Test
  void vendorMathIsComparedWithinTheDeclaredToleranceElseSixteenLsbsOfTheResult() throws IOException {
    String vendor = "functions: {sin: {implementation: vendor}}\n";
    assertEquals(0.5, tolerance(vendor + "testbench: {tolerance: 0.5}\n"));
    // result_t is precision.default, ap_fixed<16,6>: 10 fractional bits
    assertEquals(16.0 / 1024, tolerance(vendor));
  }
}
