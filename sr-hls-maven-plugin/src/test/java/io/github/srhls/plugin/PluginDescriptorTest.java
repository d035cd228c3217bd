package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The user-facing contract in the generated plugin.xml: goals, phases, user properties and defaults (README). */
class PluginDescriptorTest {
  private static PluginDescriptor plugin;

  @BeforeAll
  static void readDescriptor() throws Exception {
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")),
            StandardCharsets.UTF_8)) {
      plugin = new PluginDescriptorBuilder().build(reader);
    }
  }

  @ParameterizedTest
  @CsvSource({"generate, generate-sources", "test, test", "package, package"})
  void goalsAreThreadSafeAndBoundToTheirPhase(String goal, String phase) {
    MojoDescriptor mojo = plugin.getMojo(goal);
    assertEquals(phase, mojo.getPhase());
    assertTrue(mojo.isThreadSafe());
  }

  @Test
  void exploreIsThreadSafeAndBoundToNoPhase() {
    MojoDescriptor mojo = plugin.getMojo("explore");
    assertEquals(null, mojo.getPhase());
    assertTrue(mojo.isThreadSafe());
  }

  @Test
  void thePrefixIsSrHls() {
    assertEquals("sr-hls", plugin.getGoalPrefix());
    assertEquals(
        List.of("explore", "generate", "help", "package", "report", "test"),
        plugin.getMojos().stream().map(MojoDescriptor::getGoal).sorted().toList());
  }

  /**
   * plugin.xml holds plain text, but {@code help:describe} and IDEs read descriptions as HTML: a {@code <name>} in
   * one would vanish as an unknown tag (the package goal's {@code <finalName>-<classifier>.zip} came out as
   * "-.zip"), so no description may hold anything an HTML reader takes for a tag.
   */
  /** The report goal's parameters that it inherits, with their descriptions, from maven-reporting-impl. */
  static final java.util.Set<String> REPORTING_IMPL = java.util.Set.of("outputDirectory", "outputTimestamp");

  @Test
  void descriptionsHoldNothingAnHtmlReaderWouldDropAsATag() {
    java.util.regex.Pattern tag = java.util.regex.Pattern.compile("<[A-Za-z/!?][^>]*>");
    List<String> found = new java.util.ArrayList<>();
    for (MojoDescriptor mojo : plugin.getMojos()) {
      if (mojo.getGoal().equals("help")) {
        continue; // maven-plugin-plugin writes this one, with its own "<goal-name>"
      }
      java.util.Map<String, String> descriptions = new java.util.LinkedHashMap<>();
      descriptions.put(mojo.getGoal(), mojo.getDescription());
      for (Parameter parameter : mojo.getParameters()) {
        if (mojo.getGoal().equals("report") && REPORTING_IMPL.contains(parameter.getName())) {
          continue; // maven-reporting-impl's AbstractMavenReport documents these, with <https://...> links
        }
        descriptions.put(mojo.getGoal() + "." + parameter.getName(), parameter.getDescription());
      }
      descriptions.forEach((where, text) -> {
        java.util.regex.Matcher m = tag.matcher(text == null ? "" : text);
        while (m.find()) {
          found.add(where + ": " + m.group());
        }
      });
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theModelFilesJsonSchemaIsShippedInThePluginJar() throws Exception {
    try (InputStream shipped = PluginDescriptorTest.class.getResourceAsStream("/META-INF/sr-hls/sr-hls-v1.schema.json");
        InputStream core = PluginDescriptorTest.class.getResourceAsStream(
            "/io/github/srhls/core/model/sr-hls-v1.schema.json")) {
      assertNotNull(shipped, "META-INF/sr-hls/sr-hls-v1.schema.json in the plugin jar");
      assertNotNull(core);
      byte[] bytes = shipped.readAllBytes();
      assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"const\": \"sr-hls/v1\""));
      assertTrue(java.util.Arrays.equals(core.readAllBytes(), bytes), "the same schema as the core's");
    }
  }

  /**
   * Eclipse m2e reads this from the plugin jar: generate runs while editing, test, package and the report are left
   * out.
   */
  @Test
  void m2eLifecycleMappingCoversEveryGoal() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc;
    try (InputStream in = Objects.requireNonNull(
        PluginDescriptorTest.class.getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml"))) {
      doc = factory.newDocumentBuilder().parse(in);
    }
    Map<String, String> actionOfGoal = new TreeMap<>();
    NodeList executions = doc.getElementsByTagName("pluginExecution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      Element action = (Element) execution.getElementsByTagName("action").item(0);
      String what = action.getElementsByTagName("ignore").getLength() > 0 ? "ignore"
          : "execute onIncremental=" + action.getElementsByTagName("runOnIncremental").item(0).getTextContent()
              + " onConfiguration="
              + action.getElementsByTagName("runOnConfiguration").item(0).getTextContent();
      NodeList goals = execution.getElementsByTagName("goal");
      for (int g = 0; g < goals.getLength(); g++) {
        actionOfGoal.put(goals.item(g).getTextContent(), what);
      }
    }
    assertEquals(Map.of("generate", "execute onIncremental=true onConfiguration=true", "test", "ignore",
        "package", "ignore", "help", "ignore", "explore", "ignore", "report", "ignore"), actionOfGoal);
    assertEquals(plugin.getMojos().stream().map(MojoDescriptor::getGoal).sorted().toList(),
        List.copyOf(actionOfGoal.keySet()), "every goal has an m2e mapping");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "generate | modelDirectory  | sr-hls.modelDirectory  | ${project.basedir}/src/main/sr",
        "generate | includes        | -                      | -",
        "generate | excludes        | -                      | -",
        "generate | outputDirectory | sr-hls.outputDirectory | ${project.build.directory}/generated-sources/sr-hls",
        "generate | workDirectory   | sr-hls.workDirectory   | ${project.build.directory}/sr-hls",
        "generate | skip            | sr-hls.skip            | false",
        "generate | skipGenerate    | sr-hls.generate.skip   | false",
        "generate | rtl             | sr-hls.rtl             | true",
        "generate | buildCacheCheck | sr-hls.buildCacheCheck | true",
        "test     | outputDirectory | sr-hls.outputDirectory | ${project.build.directory}/generated-sources/sr-hls",
        "test     | workDirectory   | sr-hls.workDirectory   | ${project.build.directory}/sr-hls",
        "test     | compiler        | sr-hls.compiler        | -",
        "test     | compilerFlags   | -                      | -",
        "test     | timeout         | sr-hls.timeout         | 600",
        "test     | reportsDirectory | sr-hls.reportsDirectory | ${project.build.directory}/surefire-reports",
        "test     | skip            | sr-hls.skip            | false",
        "test     | skipTest        | sr-hls.test.skip       | false",
        "test     | skipTests       | skipTests              | false",
        "test     | mavenTestSkip   | maven.test.skip        | false",
        "package  | outputDirectory | sr-hls.outputDirectory | ${project.build.directory}/generated-sources/sr-hls",
        "package  | workDirectory   | sr-hls.workDirectory   | ${project.build.directory}/sr-hls",
        "package  | zipDirectory    | sr-hls.zipDirectory    | ${project.build.directory}",
        "package  | finalName       | -                      | ${project.build.finalName}",
        "package  | classifier      | sr-hls.classifier      | {name}",
        "package  | outputTimestamp | -                      | ${project.build.outputTimestamp}",
        "package  | attach          | sr-hls.attach          | true",
        "package  | skip            | sr-hls.skip            | false",
        "package  | skipPackage     | sr-hls.package.skip    | false",
        // the vendor tools'
        "generate | ipVendor         | sr-hls.ipVendor         | xilinx.com",
        "generate | ipLibrary        | sr-hls.ipLibrary        | hls",
        "test     | hlsTool          | sr-hls.hlsTool          | -",
        "test     | requireVendor    | sr-hls.requireVendor    | false",
        "test     | skipVendor       | sr-hls.vendor.skip      | false",
        "test     | vendorTimeout    | sr-hls.vendorTimeout    | 3600",
        "test     | synthesis        | sr-hls.synthesis        | false",
        "test     | cosim            | sr-hls.cosim            | false",
        "test     | skipHostCsim     | sr-hls.hostCsim.skip    | false",
        "test     | openSynthesis    | sr-hls.openSynthesis    | false",
        "test     | yosys            | sr-hls.yosys            | -",
        "test     | skipVendorCsim   | sr-hls.vendorCsim.skip  | false",
        "test     | rtlSimulation    | sr-hls.rtlSimulation    | auto",
        "test     | verilator        | sr-hls.verilator        | -",
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
        "explore  | modelDirectory   | sr-hls.modelDirectory   | ${project.basedir}/src/main/sr",
        "explore  | includes         | -                       | -",
        "explore  | workDirectory    | sr-hls.workDirectory    | ${project.build.directory}/sr-hls",
        "explore  | threads          | sr-hls.explore.threads  | 0",
        "explore  | skipExplore      | sr-hls.explore.skip     | false",
      })
  void parametersHaveTheDocumentedPropertyAndDefault(String goal, String name, String property, String defaultValue) {
    Parameter parameter = plugin.getMojo(goal).getParameterMap().get(name);
    assertNotNull(parameter, goal + " has no parameter " + name);
    assertEquals(property == null ? null : "${" + property + "}", parameter.getExpression());
    assertEquals(defaultValue, parameter.getDefaultValue());
    assertTrue(parameter.isEditable());
  }
}
