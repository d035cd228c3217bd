package io.github.srhls.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.plot.Chart;
import io.github.srhls.core.plot.Point;
import io.github.srhls.core.plot.SvgChart;
import io.github.srhls.core.project.JsonFiles;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ParetoPlotsTest {
  @TempDir
  Path dir;

  static Path sample() throws URISyntaxException {
    return Path.of(ParetoPlotsTest.class.getResource("pareto.json").toURI());
  }

  @Test
  void writesExactlyTheAgreedFilesAndTheSameBytesEachTime() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    List<Path> written = ParetoPlots.write(sample(), a);
    ParetoPlots.write(sample(), b);
    List<String> names = List.of("y0-loss-vs-lut.svg", "y0-loss-vs-dsp.svg", "y0-loss-vs-latency.svg",
        "y1-loss-vs-lut.svg", "y1-loss-vs-dsp.svg", "y1-loss-vs-latency.svg", "model-front.svg");
    assertEquals(names, written.stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(names.stream().sorted().toList(), list(a));
    for (String name : names) {
      byte[] bytes = Files.readAllBytes(a.resolve(name));
      assertArrayEquals(bytes, Files.readAllBytes(b.resolve(name)), name);
      String svg = new String(bytes, StandardCharsets.UTF_8);
      assertFalse(svg.contains("NaN") || svg.contains("Infinity"), name);
      Document doc = Xml.parse(a.resolve(name));
      assertEquals("svg", doc.getDocumentElement().getTagName());
    }
  }

  @Test
  void failedCandidatesAreCountedNotPlotted() throws Exception {
    Map<String, Chart> charts = ParetoPlots.charts(JsonFiles.readObject(sample()));
    Chart y0 = charts.get("y0-loss-vs-lut.svg");
    assertEquals(6, y0.points().size(), "the failed row 6 is left out");
    assertEquals("6 candidates plotted; 1 failed to compile or plan and is not plotted (reasons in pareto.json)",
        y0.caption());
    Chart y1 = charts.get("y1-loss-vs-dsp.svg");
    assertEquals(3, y1.points().size());
    assertEquals("3 candidates plotted; 2 failed to compile or plan and are not plotted (reasons in pareto.json);"
        + " 1 without this figure", y1.caption());
    assertTrue(texts(ParetoPlots.write(sample(), dir).get(0)).contains(y0.caption()));
  }

  @Test
  void theChosenCandidateIsMarkedWhereItsFiguresAre() throws Exception {
    Map<String, Chart> charts = ParetoPlots.charts(JsonFiles.readObject(sample()));
    ParetoPlots.write(sample(), dir);
    // y0 row 3: 310 LUT, 2 DSP, 20 ns, loss 0.0123
    double[][] at = {{310, 0.0123}, {2, 0.0123}, {20, 0.0123}};
    String[] files = {"y0-loss-vs-lut.svg", "y0-loss-vs-dsp.svg", "y0-loss-vs-latency.svg"};
    for (int i = 0; i < files.length; i++) {
      Chart chart = charts.get(files[i]);
      assertEquals(new Point(at[i][0], at[i][1]), chart.mark().at(), files[i]);
      assertEquals("chosen: row 3, complexity 7", chart.mark().label());
      Element mark = markCircle(Xml.parse(dir.resolve(files[i])));
      assertEquals(SvgChart.pixelX(chart, at[i][0]), Double.parseDouble(mark.getAttribute("cx")), 0.01, files[i]);
      assertEquals(SvgChart.pixelY(chart, at[i][1]), Double.parseDouble(mark.getAttribute("cy")), 0.01, files[i]);
    }
    Chart model = charts.get(ParetoPlots.MODEL_FRONT);
    assertEquals(new Point(900, 0.5), model.mark().at());
    assertEquals("chosen: y0 row 3, y1 row 3", model.mark().label());
    assertEquals(3, model.points().size());
    assertEquals(2, model.others().size(), "two combinations are over the budget");
    assertEquals("5 combinations evaluated, 3 within the budget; binding constraint: lut", model.caption());
  }

  @Test
  void budgetLinesComeFromTheOutputsBudgetOrElseTheModels() throws Exception {
    Map<String, Chart> charts = ParetoPlots.charts(JsonFiles.readObject(sample()));
    assertEquals(List.of(new Chart.Rule(true, 420, "budget 420 LUT")), charts.get("y0-loss-vs-lut.svg").rules());
    assertEquals(List.of(), charts.get("y0-loss-vs-dsp.svg").rules(), "y0's own budget has no DSP limit");
    // 6 cycles at the 5 ns clock
    assertEquals(List.of(new Chart.Rule(true, 30, "budget 6 cycles = 30 ns")),
        charts.get("y0-loss-vs-latency.svg").rules());
    assertEquals(List.of(new Chart.Rule(true, 900, "model budget 900 LUT")), charts.get("y1-loss-vs-lut.svg").rules());
    assertEquals(List.of(new Chart.Rule(true, 40, "model budget 40 ns")),
        charts.get("y1-loss-vs-latency.svg").rules());
    assertEquals(List.of(new Chart.Rule(true, 900, "budget 900 LUT")), charts.get(ParetoPlots.MODEL_FRONT).rules());
    Chart lut = charts.get("y0-loss-vs-lut.svg");
    ParetoPlots.write(sample(), dir);
    Element line = dashed(Xml.parse(dir.resolve("y0-loss-vs-lut.svg")));
    assertEquals(SvgChart.pixelX(lut, 420), Double.parseDouble(line.getAttribute("x1")), 0.01);
  }

  @Test
  void plotsOfAnEarlierExplorationThatThisOneDoesNotWriteAreDeleted() throws Exception {
    ObjectNode pareto = JsonFiles.readObject(sample());
    pareto.set("combinations", pareto.arrayNode());
    ((ArrayNode) pareto.get("outputs")).remove(1);
    Files.createDirectories(dir);
    for (String stale : List.of("y1-loss-vs-lut.svg", "model-front.svg", "notes.svg", "y0-loss-vs-lut.svg")) {
      Files.writeString(dir.resolve(stale), "<svg/>");
    }
    ParetoPlots.write(pareto, dir);
    assertEquals(List.of("notes.svg", "y0-loss-vs-dsp.svg", "y0-loss-vs-latency.svg", "y0-loss-vs-lut.svg"),
        list(dir));
    assertTrue(Files.readString(dir.resolve("y0-loss-vs-lut.svg")).length() > 100);
  }

  @Test
  void anEmptyFrontAndOneOfEqualPointsArePlottedWithoutDividingByZero() throws Exception {
    ObjectNode pareto = JsonFiles.readObject(sample());
    ArrayNode outputs = (ArrayNode) pareto.get("outputs");
    ObjectNode empty = (ObjectNode) outputs.get(0).deepCopy();
    empty.put("name", "none");
    ((ArrayNode) empty.get("candidates")).removeAll();
    ObjectNode same = (ObjectNode) outputs.get(1).deepCopy();
    same.put("name", "same");
    for (JsonNode c : same.get("candidates")) {
      ObjectNode o = (ObjectNode) c;
      o.put("status", "ok").put("loss", 0.25).put("lut", 10).put("dsp", 0).put("latencyNs", 0.0);
    }
    outputs.add(empty);
    outputs.add(same);
    List<Path> written = ParetoPlots.write(pareto, dir);
    for (Path file : written) {
      String svg = Files.readString(file);
      assertFalse(svg.contains("NaN") || svg.contains("Infinity"), file.toString());
      assertNotNull(Xml.parse(file));
    }
    assertTrue(texts(dir.resolve("none-loss-vs-lut.svg")).contains("no candidate compiled: nothing to plot"));
    assertTrue(texts(dir.resolve("none-loss-vs-lut.svg")).contains("0 candidates plotted"));
  }

  @Test
  void aParetoFileThatIsNotWhatExploreWritesIsOneClearError() throws Exception {
    Path file = dir.resolve("pareto.json");
    Files.writeString(file, "{\"model\": \"m\", \"outputs\": 3}");
    SrHlsException e = assertThrows(SrHlsException.class, () -> ParetoPlots.write(file, dir.resolve("out")));
    assertEquals(file + ": \"outputs\" is missing or not an array; run sr-hls:explore again", e.getMessage());
    Files.writeString(file, "{\"model\": \"m\", \"outputs\": [{\"name\": \"../x\", \"candidates\": []}]}");
    e = assertThrows(SrHlsException.class, () -> ParetoPlots.write(file, dir.resolve("out")));
    assertTrue(e.getMessage().contains("cannot name a file"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  private static List<String> list(Path d) throws Exception {
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> texts(Path svg) throws Exception {
    List<String> texts = new ArrayList<>();
    NodeList nodes = Xml.parse(svg).getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static Element markCircle(Document doc) {
    NodeList nodes = doc.getElementsByTagName("circle");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if ("8".equals(e.getAttribute("r"))) {
        return e;
      }
    }
    throw new AssertionError("no mark");
  }

  private static Element dashed(Document doc) {
    NodeList nodes = doc.getElementsByTagName("line");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if ("6 4".equals(e.getAttribute("stroke-dasharray"))) {
        return e;
      }
    }
    throw new AssertionError("no budget line");
  }
}
