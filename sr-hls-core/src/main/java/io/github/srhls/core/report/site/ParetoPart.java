package io.github.srhls.core.report.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What {@code sr-hls:explore} wrote for a model ({@code explore/pareto.json} and its SVG plots, in the format the
 * explore goal documents): each output's front summed up with its chosen row, the budget and what bound it, and the
 * plots, copied into the site beside the page.
 */
final class ParetoPart {
  static final String DIRECTORY = "explore";
  static final String FILE = "pareto.json";
  /** Each output's plots, by the file name's suffix after {@code <output>-}, with what they plot. */
  static final List<String[]> OUTPUT_PLOTS = List.of(
      new String[] {"loss-vs-lut.svg", "loss against LUTs"},
      new String[] {"loss-vs-dsp.svg", "loss against DSPs"},
      new String[] {"loss-vs-latency.svg", "loss against latency"});
  static final String MODEL_FRONT = "model-front.svg";

  private ParetoPart() {}

  /**
   * Adds the Pareto subsection to {@code blocks} when the model was explored, and the plots it shows to
   * {@code assets}.
   *
   * @param hasFront whether some output comes from a hall of fame, so that exploring it would give a front
   * @param heading adds a subsection heading: the anchor's suffix and the title
   */
  static void blocks(String model, Path work, boolean hasFront, List<Block> blocks, List<SitePage.Asset> assets,
      BiConsumer<String, String> heading) {
    Path dir = work.resolve(DIRECTORY);
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      if (hasFront) {
        heading.accept("pareto", "Pareto front");
        blocks.add(new Block.Paragraph("Not explored yet: mvn sr-hls:explore costs every row of the hall of fame"
            + " and plots the trade-off between loss and hardware here."));
      }
      return;
    }
    heading.accept("pareto", "Pareto front");
    ObjectNode pareto;
    try {
      pareto = JsonFiles.readObject(file);
    } catch (SrHlsException e) {
      blocks.add(new Block.Paragraph(DIRECTORY + "/" + FILE + " cannot be read (" + e.getMessage() + "): run mvn"
          + " sr-hls:explore again."));
      return;
    }
    StringBuilder text = new StringBuilder("From mvn sr-hls:explore (").append(DIRECTORY).append('/').append(FILE)
        .append("): every candidate of each output's hall of fame, costed");
    String source = pareto.path("costSource").asText("");
    if (!source.isEmpty()) {
      text.append(" by the ").append(source);
    }
    if (pareto.path("clockNs").isNumber()) {
      text.append(" at a ").append(Numbers.decimal(pareto.path("clockNs").asDouble())).append(" ns clock");
    }
    text.append('.');
    String budget = budget(pareto.get("budget"));
    if (budget != null) {
      text.append(" Model budget: ").append(budget).append('.');
    }
    JsonNode chosen = pareto.get("chosen");
    if (chosen != null && chosen.path("bindingConstraint").isTextual()) {
      text.append(" The budget's binding constraint: ").append(chosen.path("bindingConstraint").asText()).append('.');
    }
    JsonNode combinations = pareto.path("combinations");
    if (combinations.isArray() && combinations.size() > 0) {
      text.append(' ').append(ModelSection.plural(combinations.size(), "combination")).append(" of the outputs'"
          + " candidates evaluated.");
    }
    blocks.add(new Block.Paragraph(text.toString()));

    List<List<Block.Cell>> rows = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (JsonNode output : pareto.path("outputs")) {
      String name = output.path("name").asText("?");
      outputs.add(name);
      int total = 0;
      int failed = 0;
      JsonNode pick = null;
      for (JsonNode c : output.path("candidates")) {
        total++;
        if (!"ok".equals(c.path("status").asText("ok"))) {
          failed++;
        }
        if (c.path("chosen").asBoolean(false)) {
          pick = c;
        }
      }
      rows.add(List.of(Block.Cell.text(name), Block.Cell.text(Integer.toString(total)),
          Block.Cell.text(Integer.toString(failed)), Block.Cell.text(number(pick, "row", false)),
          Block.Cell.text(number(pick, "complexity", false)), Block.Cell.text(number(pick, "loss", true)),
          Block.Cell.text(number(pick, "lut", false)), Block.Cell.text(number(pick, "dsp", false)),
          Block.Cell.text(number(pick, "latencyNs", false))));
    }
    if (!rows.isEmpty()) {
      blocks.add(new Block.Table("Candidates per output, and the one chosen", List.of("Output", "Candidates",
          "Failed", "Chosen row", "Complexity", "Loss", "LUT", "DSP", "Latency (ns)"), rows));
    }
    for (String output : outputs) {
      for (String[] plot : OUTPUT_PLOTS) {
        figure(model, dir, output + "-" + plot[0], output + ": " + plot[1], blocks, assets);
      }
    }
    figure(model, dir, MODEL_FRONT, "the model's front: total loss of each combination against LUTs", blocks, assets);
  }

  private static void figure(String model, Path dir, String fileName, String what, List<Block> blocks,
      List<SitePage.Asset> assets) {
    Path svg = dir.resolve(fileName);
    if (!Files.isRegularFile(svg)) {
      return;
    }
    String to = SiteAssets.DIRECTORY + "/" + model + "/" + fileName;
    assets.add(new SitePage.Asset(svg, to));
    blocks.add(new Block.Figure(to, model + ", " + what, what + "; the chosen point and the budget marked."));
  }

  private static String number(JsonNode candidate, String key, boolean significant) {
    JsonNode v = candidate == null ? null : candidate.get(key);
    if (v == null || !v.isNumber()) {
      return Numbers.NONE;
    }
    if (v.isIntegralNumber()) {
      return Numbers.count(v.asLong());
    }
    return significant ? Numbers.significant(v.asDouble()) : Numbers.decimal(v.asDouble());
  }

  /** {@code lut ≤ 8000, dsp ≤ 20}, or null for no budget. */
  private static String budget(JsonNode budget) {
    if (budget == null || !budget.isObject() || budget.isEmpty()) {
      return null;
    }
    List<String> limits = new ArrayList<>();
    budget.fields().forEachRemaining(e -> limits.add(e.getKey() + " ≤ " + (e.getValue().isNumber()
        ? Numbers.decimal(e.getValue().asDouble()) : e.getValue().asText())));
    return String.join(", ", limits);
  }
}
