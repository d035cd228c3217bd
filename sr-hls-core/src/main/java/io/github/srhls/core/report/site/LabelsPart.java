package io.github.srhls.core.report.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code labels} section of {@code report.json} (written when the model's testbench has {@code labels}): per
 * class ROC AUC and the argmax's accuracy, for the firmware and for the float64 expressions side by side. The
 * section is read as the labels' report writes it, {@code {"file": ..., "vectors": n, "form": ..., "firmware":
 * {"accuracy": a, "auc": {output: auc, ...}}, "float64": {...}}} (a null figure is one that has no value, shown as
 * such; the other plain keys are shown as facts); a section of another shape has its numbers listed by key, so no
 * figure is lost.
 */
final class LabelsPart {
  static final String KEY = "labels";
  private static final String FIRMWARE = "firmware";
  private static final String FLOAT64 = "float64";
  private static final String ACCURACY = "accuracy";
  private static final String AUC = "auc";

  private LabelsPart() {}

  static List<Block> blocks(JsonNode labels) {
    List<Block> blocks = new ArrayList<>();
    JsonNode firmware = labels.get(FIRMWARE);
    JsonNode float64 = labels.get(FLOAT64);
    if (firmware == null || !firmware.isObject() || float64 == null || !float64.isObject()) {
      blocks.add(new Block.Paragraph("The labels' figures, as report.json has them:"));
      List<List<Block.Cell>> rows = new ArrayList<>();
      flatten("", labels, rows);
      blocks.add(new Block.Table(null, List.of("Figure", "Value"), rows));
      return blocks;
    }
    List<String> facts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals(FIRMWARE) && !e.getKey().equals(FLOAT64) && e.getValue().isValueNode()) {
        facts.add(e.getKey() + ": " + value(e.getValue()));
      }
    }
    blocks.add(new Block.Paragraph("Against the testbench's labels" + (facts.isEmpty() ? "" : " (" + String.join(
        ", ", facts) + ")") + ": the argmax of the outputs is the predicted class; each output is its class's score"
        + " for the ROC AUC (one class against the rest)."));
    List<List<Block.Cell>> rows = new ArrayList<>();
    rows.add(List.of(Block.Cell.text("argmax accuracy"), Block.Cell.text(share(firmware.get(ACCURACY))),
        Block.Cell.text(share(float64.get(ACCURACY)))));
    Set<String> classes = new LinkedHashSet<>();
    classes.addAll(classes(firmware.get(AUC)));
    classes.addAll(classes(float64.get(AUC)));
    for (String c : classes) {
      rows.add(List.of(Block.Cell.text("ROC AUC, " + c), Block.Cell.text(auc(firmware.get(AUC), c)),
          Block.Cell.text(auc(float64.get(AUC), c))));
    }
    blocks.add(new Block.Table("The firmware's figures next to the float64 expressions'",
        List.of("Figure", "Firmware", "float64"), rows));
    return blocks;
  }

  private static List<String> classes(JsonNode auc) {
    List<String> names = new ArrayList<>();
    if (auc != null && auc.isObject()) {
      auc.fieldNames().forEachRemaining(names::add);
    } else if (auc != null && auc.isArray()) {
      for (int i = 0; i < auc.size(); i++) {
        names.add("class " + i);
      }
    }
    return names;
  }

  private static String auc(JsonNode auc, String c) {
    JsonNode v = auc == null ? null : auc.isObject() ? auc.get(c)
        : auc.isArray() && c.startsWith("class ") ? auc.get(Integer.parseInt(c.substring(6))) : null;
    return v == null || !v.isNumber() ? Numbers.NONE : Numbers.decimal(v.asDouble());
  }

  private static String share(JsonNode v) {
    return v == null || !v.isNumber() ? Numbers.NONE : Numbers.percent(v.asDouble());
  }

  private static String value(JsonNode v) {
    return v.isNumber() ? Numbers.significant(v.asDouble()) : v.asText();
  }

  private static void flatten(String path, JsonNode node, List<List<Block.Cell>> rows) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
          e.getValue(), rows));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), rows);
      }
    } else if (!node.isNull()) {
      rows.add(List.of(Block.Cell.text(path.isEmpty() ? KEY : path), Block.Cell.text(value(node))));
    }
  }
}
