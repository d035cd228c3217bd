package io.github.srhls.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.plot.Chart;
import io.github.srhls.core.plot.ParetoFront;
import io.github.srhls.core.plot.Point;
import io.github.srhls.core.plot.SvgChart;
import io.github.srhls.core.project.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SVG plots of an exploration, from its {@code pareto.json}: per output, PySR's loss against the estimated LUT,
 * DSP and latency of every candidate that compiled ({@code <output>-loss-vs-lut.svg}, {@code -loss-vs-dsp.svg},
 * {@code -loss-vs-latency.svg}), and, when the model-level selection evaluated combinations, their loss against
 * the merged design's LUT ({@code model-front.svg}); each with the Pareto front as a step line, the chosen point
 * marked and the budget lines drawn. Candidates that failed are not plotted; the caption says how many there were.
 *
 * <p>Plots of an earlier exploration that this one does not write (an output renamed or dropped, no combinations
 * any more) are deleted, so that the directory holds only this exploration's pictures.
 */
public final class ParetoPlots {
  /** The model-level plot's file name. */
  public static final String MODEL_FRONT = "model-front.svg";

  private static final List<String> SUFFIXES =
      List.of("-loss-vs-lut.svg", "-loss-vs-dsp.svg", "-loss-vs-latency.svg");

  private ParetoPlots() {}

  /** One cost a per-output plot puts on its x axis. */
  private record Cost(String suffix, String key, String budgetKey, String unit, String title) {}

  private static final List<Cost> COSTS = List.of(
      new Cost(SUFFIXES.get(0), "lut", "lut", "LUT", "LUT"),
      new Cost(SUFFIXES.get(1), "dsp", "dsp", "DSP", "DSP"),
      new Cost(SUFFIXES.get(2), "latencyNs", "latency-ns", "ns", "latency"));

  /**
   * Writes the plots of the exploration in {@code paretoJson} into {@code dir}.
   *
   * @return the files written, in the order written
   * @throws SrHlsException when {@code pareto.json} is not what explore writes, or a file cannot be written
   */
  public static List<Path> write(Path paretoJson, Path dir) {
    try {
      return write(JsonFiles.readObject(paretoJson), dir);
    } catch (SrHlsException e) {
      throw e.getMessage().startsWith(paretoJson.toString()) ? e
          : new SrHlsException(paretoJson + ": " + e.getMessage(), e);
    }
  }

  /** Writes the plots of an exploration, given as the tree of its {@code pareto.json}, into {@code dir}. */
  public static List<Path> write(JsonNode pareto, Path dir) {
    Map<String, String> files = new LinkedHashMap<>();
    charts(pareto).forEach((name, chart) -> files.put(name, SvgChart.svg(chart)));
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      deleteStale(dir, files.keySet());
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        written.add(file);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot write the Pareto plots into " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }

  /** Each plot by file name, in the order they are written. */
  static Map<String, Chart> charts(JsonNode pareto) {
    Map<String, Chart> files = new LinkedHashMap<>();
    String model = text(pareto, "model");
    double clockNs = pareto.path("clockNs").asDouble(Double.NaN);
    String source = pareto.path("costSource").asText("estimate");
    JsonNode modelBudget = pareto.path("budget");
    for (JsonNode output : array(pareto, "outputs")) {
      String name = text(output, "name");
      if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
        throw new SrHlsException("output name \"" + name + "\" cannot name a file; run sr-hls:explore again");
      }
      for (Cost cost : COSTS) {
        files.put(name + cost.suffix(), outputChart(model, name, output, cost, source, clockNs, modelBudget));
      }
    }
    JsonNode combinations = pareto.path("combinations");
    if (combinations.isArray() && !combinations.isEmpty()) {
      files.put(MODEL_FRONT, modelChart(model, pareto, source));
    }
    return files;
  }

  /** Loss against one cost for one output's candidates. */
  private static Chart outputChart(String model, String output, JsonNode node, Cost cost, String source, double clockNs,
      JsonNode modelBudget) {
    List<Point> points = new ArrayList<>();
    Point chosen = null;
    String chosenLabel = null;
    int failed = 0;
    int unknown = 0;
    JsonNode candidates = array(node, "candidates");
    for (JsonNode c : candidates) {
      if (!"ok".equals(c.path("status").asText())) {
        failed++;
        continue;
      }
      Double x = number(c.get(cost.key()));
      Double y = number(c.get("loss"));
      if (x == null || y == null) {
        unknown++;
        continue;
      }
      Point p = new Point(x, y);
      points.add(p);
      if (c.path("chosen").asBoolean(false)) {
        chosen = p;
        chosenLabel = "chosen: row " + c.path("row").asText("?") + ", complexity " + c.path("complexity").asText("?");
      }
    }
    String xLabel = cost.key().equals("latencyNs")
        ? "latency (ns" + (Double.isFinite(clockNs) ? " at a " + Decimal.brief(clockNs) + " ns clock" : "") + ", "
            + source + ")"
        : cost.unit() + " (" + source + ")";
    Chart.Builder chart = Chart.titled(model + " \u00b7 " + output + ": loss against " + cost.title(),
            cost.key().equals("latencyNs") ? Chart.Axis.cost(xLabel) : Chart.Axis.count(xLabel),
            Chart.Axis.loss("PySR loss"))
        .points(points, "candidate")
        .front(ParetoFront.of(points))
        .caption(caption(points.size(), "candidate", failed, unknown))
        .empty("no candidate compiled: nothing to plot");
    if (chosen != null) {
      chart.mark(chosen, chosenLabel);
    }
    JsonNode own = node.path("budget");
    boolean hasOwn = own.isObject();
    budgetRule(chart, hasOwn ? own : modelBudget, cost, clockNs, hasOwn ? "budget " : "model budget ");
    return chart.build();
  }

  /** Loss against LUT for the model-level combinations. */
  private static Chart modelChart(String model, JsonNode pareto, String source) {
    List<Point> fit = new ArrayList<>();
    List<Point> over = new ArrayList<>();
    Point chosen = null;
    String chosenLabel = null;
    int unknown = 0;
    for (JsonNode c : array(pareto, "combinations")) {
      Double x = number(c.get("lut"));
      Double y = number(c.get("loss"));
      if (x == null || y == null) {
        unknown++;
        continue;
      }
      Point p = new Point(x, y);
      (c.path("fits").asBoolean(false) ? fit : over).add(p);
      if (c.path("chosen").asBoolean(false)) {
        chosen = p;
        chosenLabel = "chosen: " + rows(c.path("rows"));
      }
    }
    List<Point> all = new ArrayList<>(fit);
    all.addAll(over);
    String binding = pareto.path("chosen").path("bindingConstraint").asText("");
    int count = fit.size() + over.size();
    String caption = count + " combination" + (count == 1 ? "" : "s") + " evaluated, " + fit.size()
        + " within the budget" + (unknown > 0 ? "; " + unknown + " without figures, not plotted" : "")
        + (binding.isEmpty() ? "" : "; binding constraint: " + binding);
    Chart.Builder chart = Chart.titled(model + ": loss of each combination of outputs against LUT",
            Chart.Axis.count("LUT of the merged design (" + source + ")"),
            Chart.Axis.loss("loss of the combination"))
        .points(fit, "within budget")
        .others(over, "over budget")
        .front(ParetoFront.of(all))
        .caption(caption)
        .empty("no combination has figures: nothing to plot");
    if (chosen != null) {
      chart.mark(chosen, chosenLabel);
    }
    budgetRule(chart, pareto.path("budget"), COSTS.get(0), Double.NaN, "budget ");
    return chart.build();
  }

  /** The vertical line of the budget's limit on this cost, if the budget has one. */
  private static void budgetRule(Chart.Builder chart, JsonNode budget, Cost cost, double clockNs, String prefix) {
    if (!budget.isObject()) {
      return;
    }
    Double limit = number(budget.get(cost.budgetKey()));
    if (limit != null) {
      chart.verticalRule(limit, prefix + Decimal.significant(limit, 6) + " " + cost.unit());
    }
    Double cycles = number(budget.get("latency-cycles"));
    if (cost.key().equals("latencyNs") && cycles != null && Double.isFinite(clockNs)) {
      double ns = cycles * clockNs;
      chart.verticalRule(ns, prefix + Decimal.significant(cycles, 6) + " cycles = " + Decimal.significant(ns, 6)
          + " ns");
    }
  }

  private static String caption(int plotted, String what, int failed, int unknown) {
    StringBuilder s = new StringBuilder().append(plotted).append(' ').append(what).append(plotted == 1 ? "" : "s")
        .append(" plotted");
    if (failed > 0) {
      s.append("; ").append(failed).append(" failed to compile or plan and ").append(failed == 1 ? "is" : "are")
          .append(" not plotted (reasons in pareto.json)");
    }
    if (unknown > 0) {
      s.append("; ").append(unknown).append(" without this figure");
    }
    return s.toString();
  }

  /** {@code y0 row 3, y1 row 5}. */
  private static String rows(JsonNode rows) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = rows.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(e.getKey() + " row " + e.getValue().asText());
    }
    return String.join(", ", parts);
  }

  /** A finite number, or null for null, a missing value or anything else. */
  private static Double number(JsonNode n) {
    return n != null && n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new SrHlsException("\"" + key + "\" is missing or not a string; run sr-hls:explore again");
    }
    return v.asText();
  }

  private static JsonNode array(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) {
      throw new SrHlsException("\"" + key + "\" is missing or not an array; run sr-hls:explore again");
    }
    return v;
  }

  /** Deletes the plots this class writes that are not among {@code keep}. */
  private static void deleteStale(Path dir, Set<String> keep) throws IOException {
    List<Path> stale;
    try (Stream<Path> files = Files.list(dir)) {
      stale = files.filter(f -> {
        String n = f.getFileName().toString();
        return !keep.contains(n) && (n.equals(MODEL_FRONT) || SUFFIXES.stream().anyMatch(n::endsWith));
      }).sorted().toList();
    }
    for (Path f : stale) {
      Files.deleteIfExists(f);
    }
  }
}
