package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendor-tool parameters in the generated plugin.xml, as the README documents them. */
class VendorParametersTest {
  private static PluginDescriptor plugin;

  @BeforeAll
  static void readDescriptor() throws Exception {
    try (Reader reader = new InputStreamReader(Objects.requireNonNull(
        VendorParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")), StandardCharsets.UTF_8)) {
      plugin = new PluginDescriptorBuilder().build(reader);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "generate | ipVendor         | sr-hls.ipVendor         | xilinx.com",
      "generate | ipLibrary        | sr-hls.ipLibrary        | hls",
      "test     | hlsTool          | sr-hls.hlsTool          | -",
      "test     | requireVendor    | sr-hls.requireVendor    | false",
      "test     | skipVendor       | sr-hls.vendor.skip      | false",
      "test     | vendorTimeout    | sr-hls.vendorTimeout    | 3600",
      "test     | synthesis        | sr-hls.synthesis        | false",
      "test     | cosim            | sr-hls.cosim            | false",
      "test     | skipHostCsim     | sr-hls.hostCsim.skip    | false",
      "test     | skipVendorCsim   | sr-hls.vendorCsim.skip  | false",
      "test     | maxLatencyCycles | sr-hls.maxLatencyCycles | -",
      "test     | maxDsp           | sr-hls.maxDsp           | -",
      "test     | maxLut           | sr-hls.maxLut           | -",
      "test     | maxFf            | sr-hls.maxFf            | -",
      "test     | maxBram          | sr-hls.maxBram          | -",
      "package  | hlsTool          | sr-hls.hlsTool          | -",
      "package  | requireVendor    | sr-hls.requireVendor    | false",
      "package  | skipVendor       | sr-hls.vendor.skip      | false",
      "package  | vendorTimeout    | sr-hls.vendorTimeout    | 3600",
      "package  | skipExport       | sr-hls.export.skip      | false",
      "package  | maxDsp           | sr-hls.maxDsp           | -",
  })
  void vendorParametersHaveTheDocumentedPropertyAndDefault(String goal, String name, String property,
      String defaultValue) {
    Parameter parameter = plugin.getMojo(goal).getParameterMap().get(name);
    assertNotNull(parameter, goal + " has no parameter " + name);
    assertEquals(property == null ? null : "${" + property + "}", parameter.getExpression());
    assertEquals(defaultValue, parameter.getDefaultValue());
  }
}
