package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.pysr.ResourceBudget;
import io.github.srhls.core.pysr.ResourceBudget.Resource;
import io.github.srhls.core.pysr.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code select: {budget: ...}}, {@code select: budget} and the model-level {@code selection}, read and refused. */
class BudgetSelectionReaderTest {
  @TempDir Path project;

  private ModelSpec read(String outputs, String extra) throws IOException {
    Files.writeString(project.resolve("hof.csv"), "Complexity,Loss,Equation\n1,0.5,\"x0\"\n");
    Path file = project.resolve("m.sr.yaml");
    Files.writeString(file, "format: sr-hls/v1\nname: m\ninputs: {count: 1, range: [-1, 1]}\noutputs:\n" + outputs
        + extra);
    return new ModelReader().read(file, project, "1.0.0");
  }

  private String refused(String outputs, String extra) {
    return assertThrows(SrHlsException.class, () -> read(outputs, extra)).getMessage();
  }

  private static String out(String name, String select) {
    return "  - {name: " + name + ", pysr: {file: hof.csv, select: " + select + "}}\n";
  }

  @Test
  void readsAnOutputsOwnBudgetAndAJointOne() throws IOException {
    ModelSpec own = read(out("y", "{budget: {lut: 8000, dsp: 0, latency-ns: 40.5, latency-cycles: 9}}"), "");
    Selection.Budget b = (Selection.Budget) ((PysrSource) own.outputs().get(0).source()).select();
    assertEquals(Map.of(Resource.LUT, 8000.0, Resource.DSP, 0.0, Resource.LATENCY_NS, 40.5,
        Resource.LATENCY_CYCLES, 9.0), b.budget().limits());
    assertEquals("m.sr.yaml:5:54", b.budget().at().render());
    assertEquals(null, own.selection());

    ModelSpec joint = read(out("y", "budget") + out("z", "best"), "selection: {budget: {ff: 100, bram: 2}}\n");
    assertEquals(new Selection.ModelBudget(), ((PysrSource) joint.outputs().get(0).source()).select());
    ResourceBudget budget = joint.selection().budget();
    assertEquals(Map.of(Resource.FF, 100.0, Resource.BRAM, 2.0), budget.limits());
    assertEquals(SelectionSpec.Objective.LOSS, joint.selection().objective());
  }

  @Test
  void aBudgetKeyThatDoesNotExistIsAnErrorAtTheKeyWithTheNearest() {
    assertEquals("m.sr.yaml:5:55: unknown key 'luts' in outputs[0].pysr.select.budget. Did you mean 'lut'?"
        + " Allowed keys: lut, ff, dsp, bram, latency-cycles, latency-ns.",
        refused(out("y", "{budget: {luts: 8000}}"), ""));
    assertEquals("m.sr.yaml:6:22: unknown key 'latency' in selection.budget."
        + " Allowed keys: lut, ff, dsp, bram, latency-cycles, latency-ns.",
        refused(out("y", "budget"), "selection: {budget: {latency: 40}}\n"));
  }

  @Test
  void aZeroOrNegativeBudgetIsAnErrorAtTheValue() {
    assertEquals("m.sr.yaml:5:60: outputs[0].pysr.select.budget.lut must be a whole number of at least 1, found 0",
        refused(out("y", "{budget: {lut: 0}}"), ""));
    assertEquals("m.sr.yaml:6:34: selection.budget.latency-ns must be a positive number of nanoseconds, found -4",
        refused(out("y", "budget"), "selection: {budget: {latency-ns: -4}}\n"));
    assertEquals("m.sr.yaml:5:60: outputs[0].pysr.select.budget.dsp must be a whole number of at least 0, found -1",
        refused(out("y", "{budget: {dsp: -1}}"), ""));
    assertEquals("m.sr.yaml:5:54: outputs[0].pysr.select.budget limits nothing; give at least one of lut, ff,"
        + " dsp, bram, latency-cycles, latency-ns, e.g. {lut: 8000, latency-ns: 40}",
        refused(out("y", "{budget: {}}"), ""));
  }

  @Test
  void aJointBudgetNeedsItsOutputsAndTheOutputsNeedIt() {
    assertEquals("m.sr.yaml:5:21: output 'y' has select: budget, which chooses its row jointly under the model's"
        + " budget, but the model has no selection; add selection: {budget: {lut: 8000}, objective: loss}, or give"
        + " the output a budget of its own: select: {budget: {lut: 8000}}", refused(out("y", "budget"), ""));
    assertEquals("m.sr.yaml:6:12: selection: no output takes part in the budgeted selection; write select: budget"
        + " in the pysr mapping of each output (from a hall of fame) whose row it should choose",
        refused("  - {name: y, expression: x0}\n", "selection: {budget: {lut: 10}}\n"));
    assertEquals("m.sr.yaml:6:43: selection.objective 'area' is not an objective; write loss (the sum of the"
        + " chosen rows' PySR losses).", refused(out("y", "budget"), "selection: {budget: {lut: 10}, objective: area}\n"));
    assertEquals("m.sr.yaml:6:12: selection is missing the required key 'budget'; add for example: budget: {lut:"
        + " 8000, dsp: 20, latency-ns: 40}", refused(out("y", "budget"), "selection: {objective: loss}\n"));
  }
}
