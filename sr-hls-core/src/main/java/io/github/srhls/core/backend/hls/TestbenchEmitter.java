package io.github.srhls.core.backend.hls;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.template.Template;
import io.github.srhls.core.testbench.TestbenchData;
import java.util.List;
import java.util.Map;

/**
 * Emits {@code <name>_test.cpp}: reads {@code tb_data/tb_input_features.dat}, runs the top function on every
 * vector, writes the outputs (argv[1], default {@code csim_results.dat}), compares each value bit for bit with
 * {@code tb_data/tb_output_predictions.dat}, prints a summary and returns non-zero on any mismatch. It uses only
 * the C library and the types' common API, so the vendor's C simulation and co-simulation run it unchanged. Compiled
 * with {@code SRHLS_BINARY_IO} defined, as sr-hls's host simulation does, it reads the same doubles from the exact
 * binary copies of the data files instead ({@code tb_data/*.bin}, see
 * {@link io.github.srhls.core.testbench.BinaryVectors}), prints its results with a printer of its own (the same
 * bytes, faster) and makes sr-hls's comparison itself, writing its summary to argv[2]. The text is the template
 * {@code testbench.cpp.tmpl} beside this class, after the provenance header.
 */
public final class TestbenchEmitter {
  private static final String TEMPLATE = "testbench.cpp.tmpl";

  private final Design design;
  private final Provenance provenance;
  private final double tolerance;

  /**
   * @param tolerance 0 for a bit-accurate comparison; otherwise the largest difference accepted, for designs whose
   *     expected outputs are approximate (vendor math)
   */
  public TestbenchEmitter(Design design, Provenance provenance, double tolerance) {
    this.design = design;
    this.provenance = provenance;
    this.tolerance = tolerance;
  }

  public String fileName() {
    return design.name() + "_test.cpp";
  }

  /**
   * How the testbench turns a vector file's double into an input. Into an ap_fixed type the conversion is the same
   * in every implementation of the types (the exact double, then the type's modes). Into ap_int/ap_uint it is not:
   * the vendor's 2019 headers give +1 for values in (-0.5, 0), later ones 0, so the value goes through the
   * ap_fixed/ap_ufixed type of the same width that truncates toward zero, as the Java model converts it.
   */
  static String input(FixedType type) {
    if (!type.integer()) {
      return "in[i]";
    }
    return (type.signed() ? "ap_fixed<" : "ap_ufixed<") + type.width() + ", " + type.width()
        + ", AP_TRN_ZERO>(in[i])";
  }

  public String emit() {
    String name = design.name();
    List<String> outputs = design.graph().outputNames();
    StringBuilder names = new StringBuilder();
    for (int k = 0; k < outputs.size(); k++) {
      names.append(k == 0 ? "" : ", ").append('"').append(outputs.get(k)).append('"');
    }
    String inputs = TestbenchData.INPUTS;
    String expected = TestbenchData.EXPECTED;
    String mismatch = tolerance == 0
        ? "value != expected[k]"
        : "std::fabs(value - expected[k]) > " + tolerance + "  /* vendor math: approximate expectation */";
    return provenance.header(name, "Testbench") + Template.load(TestbenchEmitter.class, TEMPLATE).render(Map.ofEntries(
        Map.entry("name", name),
        Map.entry("output_names", names.toString()),
        Map.entry("mismatch", mismatch),
        Map.entry("inputs", inputs),
        Map.entry("expected", expected),
        Map.entry("input", input(design.inputType())),
        Map.entry("results", TestbenchData.RESULTS),
        Map.entry("inputs_binary", TestbenchData.INPUTS_BINARY),
        Map.entry("expected_binary", TestbenchData.EXPECTED_BINARY),
        Map.entry("float64_binary", TestbenchData.FLOAT64_BINARY),
        Map.entry("expected_file", expected.substring(expected.lastIndexOf('/') + 1))));
  }
}
