package io.github.srhls.core.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.amd.reports.CsynthReport;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site report's page, assembled from a real generated and simulated model (a PySR output and a written one),
 * with the optional files (the Pareto front and its plots, the labels' figures, Yosys's and a vendor's counts) as
 * fixtures written here in the formats their writers document.
 */
class SitePagesTest {
  static final String MODEL = """
      format: sr-hls/v1
      name: fit
      inputs:
        count: 2
        range: [-1.0, 1.0]
        type: ap_fixed<16,6>
      outputs:
        - name: y
          pysr:
            file: pysr/hall_of_fame.csv
            select: best
        - name: z
          expression: ((x0 * 0.5) + (x1 * x1))
      precision:
        default: ap_fixed<18,6>
      target: {part: xcvu9p-flga2577-2-e, clock-ns: 5}
      testbench:
        vectors: 50
        seed: 3
      """;
  static final String HALL_OF_FAME = """
      Complexity,Loss,Equation
      1,0.5210384,"0.31"
      3,0.2297712,"x0 * 0.87"
      4,0.04107855,"sin(x0) + x1"
      6,0.010205431,"sin(x0) + (x1 * 0.49)"
      8,0.009700112,"sin(x0 * 1.01) + (x1 * 0.49)"
      """;

  @TempDir static Path shared;
  static TempProject project;

  @BeforeAll
  static void generateAndSimulate() throws Exception {
    project = TempProject.with(shared, "fit.sr.yaml", MODEL);
    Files.createDirectories(project.models().resolve("pysr"));
    Files.writeString(project.models().resolve("pysr/hall_of_fame.csv"), HALL_OF_FAME);
    project.generate();
    assertEquals(0, project.simulate().models().get(0).mismatches());
  }

  static SiteRequest request(TempProject p) {
    return new SiteRequest(p.out(), p.work(), p.root().resolve("target"), "org.example", "fits", "1.2.0",
        "fits-1.2.0", "{name}");
  }

  /** A copy of the shared project, for tests that add or change files. */
  static TempProject copy(Path dir) throws Exception {
    try (var walk = Files.walk(shared)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path to = dir.resolve(shared.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return new TempProject(dir, dir.resolve("src/main/sr"), dir.resolve("target/generated-sources/sr-hls"),
        dir.resolve("target/sr-hls"));
  }

  @Test
  void eachOutputShowsItsChosenExpressionPrettyPrintedWithItsTypeAndOrigin() {
    SitePage page = SitePages.assemble(request(project));
    assertEquals(List.of("fit"), page.sections().stream().map(SitePage.Section::title).toList());
    SitePage.Section fit = page.sections().get(0);
    assertEquals("model-fit", fit.id());
    Block.Table outputs = table(fit, "fit-outputs");
    assertEquals(List.of("Output", "Type", "Expression", "From"), outputs.header());
    assertEquals(List.of("y", "z"), outputs.column(0));
    assertEquals(List.of("ap_fixed<18,6>", "ap_fixed<18,6>"), outputs.column(1));
    // PySR's "best" is row 3; printed with the fewest parentheses, as is the written expression
    assertEquals(List.of("sin(x0) + x1 * 0.49", "x0 * 0.5 + x1 * x1"), outputs.column(2));
    assertTrue(outputs.rows().get(0).get(2).code());
    assertEquals(List.of("src/main/sr/pysr/hall_of_fame.csv, row 3 (complexity 6, loss 0.0102)", "model file"),
        outputs.column(3));
    Block.Table types = table(fit, "fit-types");
    assertEquals(List.of("x0, x1", "y", "z"), types.column(1));
    assertEquals(List.of("ap_fixed<16,6>", "ap_fixed<18,6>", "ap_fixed<18,6>"), types.column(2));
    // the intro links to each model's section
    Block.Links links = (Block.Links) page.intro().get(page.intro().size() - 1);
    assertEquals(List.of(new Block.Link("#model-fit", "fit")), links.links());
  }

  @Test
  void latencyResourcesAndAccuracyComeFromTheGeneratedDesignAndTheSimulation() throws Exception {
    SitePage.Section fit = SitePages.assemble(request(project)).sections().get(0);
    ObjectNode design = JsonFiles.readObject(project.out().resolve("fit/sr-hls-design.json"));
    ObjectNode rtl = (ObjectNode) design.get("rtl");

    Block.Table latency = table(fit, "fit-latency");
    assertEquals(List.of("RTL pipeline (sr-hls delay model, xcvu9p-flga2577-2-e)"), latency.column(0));
    assertEquals(List.of(rtl.get("latencyCycles").asText()), latency.column(1));
    assertEquals(List.of(Numbers.decimal(rtl.get("latencyNs").asDouble())), latency.column(2));
    assertEquals(List.of("5"), latency.column(3));

    Block.Table resources = table(fit, "fit-resources");
    assertEquals(List.of("Resource", "Estimated"), resources.header(), "no Yosys or vendor figures in this build");
    Map<String, String> estimated = resources.rows().stream()
        .collect(Collectors.toMap(r -> r.get(0).text(), r -> r.get(1).text()));
    assertEquals(rtl.get("estimate").get("lut").asText(), estimated.get("LUT"));
    assertEquals(rtl.get("estimate").get("dsp").asText(), estimated.get("DSP"));
    assertFalse(estimated.containsKey("URAM"), "a row no source has is left out");
    assertTrue(text(fit).contains("Estimated: estimate (sr-hls per-primitive model, calibrated against Yosys"),
        text(fit));

    ObjectNode report = JsonFiles.readObject(project.work().resolve("fit/report.json"));
    Block.Table accuracy = table(fit, "fit-accuracy");
    assertEquals(List.of("y", "z"), accuracy.column(0));
    assertEquals(List.of(Numbers.significant(report.get("errorVsFloat64").get("y").get("maxAbsError").asDouble()),
        Numbers.significant(report.get("errorVsFloat64").get("z").get("maxAbsError").asDouble())),
        accuracy.column(1));
    assertEquals(List.of("0", "0"), accuracy.column(3));
    assertTrue(text(fit).contains("C simulation of 50 test vectors: passed, every output bit as the bit-accurate"
        + " model computes it."), text(fit));

    // neither explored nor packaged nor labelled: the page says what would add those, and shows no figure
    assertTrue(text(fit).contains("Not explored yet: mvn sr-hls:explore"), text(fit));
    assertFalse(headings(fit).contains("fit-labels"));
    assertTrue(fit.blocks().stream().noneMatch(b -> b instanceof Block.Figure));
    assertTrue(text(fit).contains("org.example:fits:1.2.0:fit:zip"), text(fit));
    assertTrue(text(fit).contains("This build has not packaged it yet: mvn package writes fits-1.2.0-fit.zip."));
    assertTrue(text(fit).contains("<classifier>fit</classifier>\n  <type>zip</type>"), text(fit));
  }

  @Test
  void theParetoFrontLabelsYosysAndVendorFiguresShowWhenTheirFilesExist(@TempDir Path dir) throws Exception {
    TempProject p = copy(dir);
    Path explore = p.work().resolve("fit/explore");
    Files.createDirectories(explore);
    Files.writeString(explore.resolve("pareto.json"), """
        {
          "model": "fit",
          "clockNs": 5.0,
          "costSource": "estimate",
          "budget": {"lut": 8000, "latency-ns": 40.0},
          "outputs": [
            {"name": "y", "file": "src/main/sr/pysr/hall_of_fame.csv", "budget": null,
             "candidates": [
               {"row": 0, "complexity": 1, "loss": 0.5210384, "equation": "0.31", "status": "ok", "reason": null,
                "maxAbsError": 0.0, "rmsError": 0.0, "lut": 0, "ff": 0, "dsp": 0, "bram": 0,
                "latencyCycles": 0, "latencyNs": 0.0, "chosen": false},
               {"row": 3, "complexity": 6, "loss": 0.010205431, "equation": "sin(x0) + (x1 * 0.49)",
                "status": "ok", "reason": null, "maxAbsError": 0.004, "rmsError": 0.001, "lut": 310, "ff": 120,
                "dsp": 1, "bram": 0, "latencyCycles": 2, "latencyNs": 10.0, "chosen": true},
               {"row": 4, "complexity": 8, "loss": 0.009700112, "equation": "bad(", "status": "failed",
                "reason": "does not parse", "maxAbsError": null, "rmsError": null, "lut": null, "ff": null,
                "dsp": null, "bram": null, "latencyCycles": null, "latencyNs": null, "chosen": false}
             ]}
          ],
          "combinations": [],
          "chosen": {"rows": {"y": 3}, "bindingConstraint": "lut"}
        }
        """);
    for (String plot : List.of("y-loss-vs-lut.svg", "y-loss-vs-dsp.svg", "y-loss-vs-latency.svg")) {
      Files.writeString(explore.resolve(plot), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
    }
    ObjectNode report = JsonFiles.readObject(p.work().resolve("fit/report.json"));
    report.set("labels", JsonFiles.readObject(write(dir.resolve("labels.json"), """
        {"file": "src/main/sr/labels.csv", "vectors": 50, "form": "classes",
         "firmware": {"accuracy": 0.92, "auc": {"y": 0.9512, "z": null}},
         "float64": {"accuracy": 0.94, "auc": {"y": 0.9533, "z": 0.81}}}
        """)));
    report.set("openSynthesis", JsonFiles.toTree(new OpenSynthesisReport("Yosys", "0.23 (git sha1 7ce5011c24b)",
        "xcup", "fit", 420, Map.of("LUT6", 420L), 0, 150, 12, 2, 0, Map.of(), 1.5)));
    CsynthReport csynth = new CsynthReport("2024.1", "xcvu9p-flga2577-2-e", "fit", 5.0, 4.2,
        new CsynthReport.Latency(3L, 3L, 3L), new CsynthReport.Interval(1L, 1L),
        new CsynthReport.Resources(0, 3, 200, 500, 0L), new CsynthReport.Resources(4320, 6840, 2364480, 1182240, 960L));
    report.set("vendor", JsonFiles.toTree(new VendorReport("vitis-hls", "2024.1", report.get("digest").asText(), null,
        new VendorReport.Step<>(true, new VendorReport.CsynthResult(csynth, List.of()), List.of(), 10), null, null)));
    JsonFiles.write(p.work().resolve("fit/report.json"), report);
    Files.writeString(p.root().resolve("target/fits-1.2.0-fit.zip"), "zip bytes");

    SitePage page = SitePages.assemble(request(p));
    SitePage.Section fit = page.sections().get(0);

    Block.Table pareto = table(fit, "fit-pareto");
    assertEquals(List.of("Output", "Candidates", "Failed", "Chosen row", "Complexity", "Loss", "LUT", "DSP",
        "Latency (ns)"), pareto.header());
    assertEquals(List.of(List.of("y", "3", "1", "3", "6", "0.0102", "310", "1", "10")),
        pareto.rows().stream().map(r -> r.stream().map(Block.Cell::text).toList()).toList());
    assertTrue(text(fit).contains("Model budget: lut ≤ 8000, latency-ns ≤ 40. The budget's binding constraint: lut."),
        text(fit));
    List<Block.Figure> figures = fit.blocks().stream().filter(b -> b instanceof Block.Figure)
        .map(b -> (Block.Figure) b).toList();
    assertEquals(List.of("sr-hls/fit/y-loss-vs-lut.svg", "sr-hls/fit/y-loss-vs-dsp.svg",
        "sr-hls/fit/y-loss-vs-latency.svg"), figures.stream().map(Block.Figure::source).toList(),
        "no model-front.svg without combinations");
    assertEquals(figures.stream().map(Block.Figure::source).toList(),
        page.assets().stream().map(SitePage.Asset::to).toList());
    assertEquals(explore.resolve("y-loss-vs-lut.svg"), page.assets().get(0).from());

    Block.Table labels = table(fit, "fit-labels");
    assertEquals(List.of("Figure", "Firmware", "float64"), labels.header());
    assertEquals(List.of(List.of("argmax accuracy", "92.0 %", "94.0 %"), List.of("ROC AUC, y", "0.951", "0.953"),
        List.of("ROC AUC, z", Numbers.NONE, "0.81")),
        labels.rows().stream().map(r -> r.stream().map(Block.Cell::text).toList()).toList());
    assertTrue(text(fit).contains("(file: src/main/sr/labels.csv, vectors: 50, form: classes)"), text(fit));

    Block.Table resources = table(fit, "fit-resources");
    assertEquals(List.of("Resource", "Estimated", "Yosys", "Vendor"), resources.header());
    Map<String, List<String>> byRow = resources.rows().stream().collect(Collectors.toMap(r -> r.get(0).text(),
        r -> r.stream().skip(1).map(Block.Cell::text).toList()));
    assertEquals("420", byRow.get("LUT").get(1));
    assertEquals("500", byRow.get("LUT").get(2));
    assertEquals(List.of(Numbers.NONE, Numbers.NONE, "0"), byRow.get("URAM"));
    assertTrue(text(fit).contains("Yosys: the cells Yosys 0.23 (git sha1 7ce5011c24b) mapped the RTL to"), text(fit));
    assertTrue(text(fit).contains("Vendor: the estimates of vitis-hls 2024.1's synthesis report."), text(fit));

    Block.Table latency = table(fit, "fit-latency");
    assertEquals(List.of("3", "12.6", "4.2", "1"), latency.rows().get(latency.rows().size() - 1).stream().skip(1)
        .map(Block.Cell::text).toList());
    assertTrue(text(fit).contains("This build wrote it as fits-1.2.0-fit.zip (9 bytes)."), text(fit));

    Path site = dir.resolve("site");
    SiteAssets.copy(page, site);
    assertEquals("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
        Files.readString(site.resolve("sr-hls/fit/y-loss-vs-dsp.svg")));
  }

  @Test
  void aReportOfAnEarlierGenerationIsNotShownAsThisOnes(@TempDir Path dir) throws Exception {
    TempProject p = copy(dir);
    Path file = p.work().resolve("fit/report.json");
    ObjectNode report = JsonFiles.readObject(file);
    report.put("digest", "sha256:" + "0".repeat(64));
    JsonFiles.write(file, report);
    SitePage.Section fit = SitePages.assemble(request(p)).sections().get(0);
    assertTrue(text(fit).contains("report.json is of an earlier generation of this model: run mvn verify again; its"
        + " figures are not shown."), text(fit));
    assertNull(tableOrNull(fit, "fit-accuracy"));

    Files.writeString(file, "{ not json");
    fit = SitePages.assemble(request(p)).sections().get(0);
    assertTrue(text(fit).contains("report.json cannot be read ("), text(fit));
  }

  @Test
  void labelsOfAnotherShapeStillShowEveryNumber() {
    List<Block> blocks = LabelsPart.blocks(JsonFiles.toTree(Map.of("auc", List.of(0.9, 0.7), "accuracy",
        Map.of("firmware", 0.5))));
    Block.Table table = (Block.Table) blocks.get(1);
    assertEquals(List.of("accuracy.firmware", "auc[0]", "auc[1]"), table.column(0).stream().sorted().toList());
  }

  @Test
  void withoutGeneratedModelsThePageSaysHowToGetThem(@TempDir Path dir) throws Exception {
    SitePage page = SitePages.assemble(request(TempProject.at(dir)));
    assertEquals(List.of(), page.sections());
    assertTrue(((Block.Paragraph) page.intro().get(0)).text().startsWith("No generated models: sr-hls:generate"));
  }

  @Test
  void assetsStayInsideTheSite(@TempDir Path dir) throws Exception {
    Path svg = write(dir.resolve("a.svg"), "<svg/>");
    SitePage page = new SitePage("t", List.of(), List.of(), List.of(new SitePage.Asset(svg, "../outside.svg")));
    SrHlsException e = assertThrows(SrHlsException.class, () -> SiteAssets.copy(page, dir.resolve("site")));
    assertTrue(e.getMessage().contains("would leave"), e.getMessage());
  }

  @Test
  void expressionsPrintCanonicallyAndCustomOperatorsAsWritten() {
    assertEquals("x0 * 2.5 + sin(x1)", Expressions.pretty("((x0 * 2.5) + sin(x1))"));
    assertEquals("x0 - (x1 - 3)", Expressions.pretty("x0 - (x1 - 3)"));
    assertEquals("-x0^2", Expressions.pretty("-(x0 ** 2)"));
    assertEquals("pt * cos(phi)", Expressions.pretty("pt*cos(phi)"));
    assertEquals("3.141592653589793 * r", Expressions.pretty("pi * r"));
    assertEquals("myop(x0, x1)", Expressions.pretty("  myop(x0, x1) "), "a custom operator's arity is the model's");
  }

  @Test
  void modelConstantsPrintAsTheModelFileAndTheCppWriteThemNotAsJavaDoes() {
    assertEquals("0.0001 * x0 + 0.00015", Expressions.pretty("1.0E-4 * x0 + 1.5e-4"));
    assertEquals("-0.000013459566667091798 * x0", Expressions.pretty("-1.3459566667091798e-5 * x0"));
    assertEquals("x0 * 1234567.5 - 0.30000000000000004", Expressions.pretty("x0 * 1.2345675E6 - 0.30000000000000004"));
    // beyond ordinary magnitudes, an exponent, lowercase as the model file writes it
    assertEquals("2.5e-9 * x0", Expressions.pretty("2.5e-9 * x0"));
  }

  @Test
  void numbersAreShortAndLocaleIndependent() {
    assertEquals("0.00362", Numbers.significant(0.003621866154861486));
    assertEquals("3.6e-5", Numbers.significant(3.6e-5));
    assertEquals("1.23e4", Numbers.significant(12345));
    assertEquals("20", Numbers.decimal(20.0));
    assertEquals("4.99", Numbers.decimal(4.99));
    assertEquals("97.3 %", Numbers.percent(0.97314));
    assertEquals(Numbers.NONE, Numbers.significant(Double.NaN));
  }

  private static Path write(Path file, String text) throws Exception {
    Files.writeString(file, text);
    return file;
  }

  static Block.Table table(SitePage.Section section, String heading) {
    Block.Table t = tableOrNull(section, heading);
    assertNotNull(t, () -> "no table under " + heading + " in " + section);
    return t;
  }

  /** The first table after the heading with that id, before the next heading. */
  static Block.Table tableOrNull(SitePage.Section section, String heading) {
    boolean under = false;
    for (Block b : section.blocks()) {
      if (b instanceof Block.Heading h) {
        under = h.id().equals(heading);
      } else if (under && b instanceof Block.Table t) {
        return t;
      }
    }
    return null;
  }

  static List<String> headings(SitePage.Section section) {
    return section.blocks().stream().filter(b -> b instanceof Block.Heading).map(b -> ((Block.Heading) b).id())
        .toList();
  }

  static String text(SitePage.Section section) {
    return section.blocks().stream().map(b -> b instanceof Block.Paragraph p ? p.text()
        : b instanceof Block.Code c ? c.text() : "").collect(Collectors.joining("\n"));
  }
}
