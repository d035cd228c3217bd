package io.github.srhls.core.explore;

import io.github.srhls.core.backend.rtl.RtlEmitter;
import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.LabelFile;
import io.github.srhls.core.model.Labels;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.HallOfFameLocator;
import io.github.srhls.core.pysr.Selection;
import io.github.srhls.core.testbench.ExpectedOutputs;
import io.github.srhls.core.testbench.LabelReport;
import io.github.srhls.core.testbench.TestVectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds hall-of-fame rows the way generate builds a model, through the same compiler, precision plan, function
 * units and RTL back end, and measures them: a row alone (a {@link Candidate}), or a whole model with chosen rows
 * (its merged {@link DesignCost}, after the compiler has shared the outputs' common subexpressions). Nothing here
 * is forked from the pipeline: a row is costed as the model file with that output fixed to {@code select: {row: i}}.
 * Safe to use from several threads: every call builds its own compiler state.
 */
public final class CandidateCosting {
  private static final int REASON_LIMIT = 300;

  private final ModelSpec spec;
  private final Path project;
  private final String source;
  private final double[][] inputs;
  private final Labels labels;
  private final String labelsShown;

  /**
   * A merged design's cost and, with {@code testbench.labels}, its figures against them.
   *
   * @param labels null without labels
   */
  public record Merged(DesignCost cost, ParetoDocument.CombinationLabels labels) {}

  /**
   * @param spec the model as read (its budget selections still unresolved)
   * @param project the project directory, against which files are resolved and named
   * @param source the model file as messages name it
   * @throws SrHlsException naming the labels file, line and column where it does not fit the vectors or outputs
   */
  public CandidateCosting(ModelSpec spec, Path project, String source) {
    this.spec = spec;
    this.project = project.toAbsolutePath().normalize();
    this.source = source;
    this.inputs = TestVectors.of(spec, project);
    Path file = spec.testbench().labels();
    if (file == null) {
      this.labels = null;
      this.labelsShown = null;
    } else {
      // read as generate reads them, so that a labels file that does not fit fails here with the same message
      Path shown = ProjectPaths.shown(file, this.project);
      this.labels = LabelFile.read(file, shown, spec.outputs().stream().map(OutputSpec::name).toList(),
          inputs.length, ProjectPaths.shown(spec.testbench().inputs(), this.project));
      this.labelsShown = shown.toString().replace('\\', '/');
    }
  }

  /** {@code testbench.labels} as the project names it, '/' separators; null without labels. */
  public String labelsFile() {
    return labelsShown;
  }

  public ModelSpec spec() {
    return spec;
  }

  /** The located CSV of output {@code j} (which comes from a hall of fame). */
  public Path file(int j) {
    PysrSource p = (PysrSource) spec.outputs().get(j).source();
    return HallOfFameLocator.locate(p.file(), p.output(), project);
  }

  /** The CSV of output {@code j} as messages and pareto.json name it: project-relative, '/' separators. */
  public String shown(Path csv) {
    return ProjectPaths.shown(csv, project).toString().replace('\\', '/');
  }

  /** The hall of fame of output {@code j}. */
  public HallOfFame front(int j) {
    Path csv = file(j);
    return HallOfFame.read(csv, ProjectPaths.shown(csv, project));
  }

  /** Output {@code j} with its row fixed to {@code row}. */
  public OutputSpec fixed(int j, int row) {
    OutputSpec out = spec.outputs().get(j);
    PysrSource p = (PysrSource) out.source();
    return new OutputSpec(out.name(), out.type(),
        new PysrSource(p.file(), new Selection.Row(row), p.output(), p.oneBasedVariables(), p.at()));
  }

  /** The model with the given outputs' rows fixed (by output index), the other outputs as the file has them. */
  public ModelSpec withRows(Map<Integer, Integer> rows) {
    List<OutputSpec> outputs = new ArrayList<>(spec.outputs());
    rows.forEach((j, row) -> outputs.set(j, fixed(j, row)));
    return spec.withOutputs(outputs);
  }

  /** Row {@code row} of output {@code j} built as the model's only output, with its error and cost. */
  public Candidate candidate(int j, HallOfFame.Row row, int index) {
    String name = spec.outputs().get(j).name();
    ModelSpec alone = spec.withOutputs(List.of(fixed(j, index)));
    try {
      CompiledModel model = new ModelCompiler(project).compile(alone);
      Design design = ModelDesign.of(alone, model, source);
      ExpectedOutputs expected = ExpectedOutputs.of(design, model.graph(), inputs, BuildLog.silent());
      DesignCost cost = cost(alone, design);
      double[] errors = errors(expected);
      return new Candidate(name, index, row.complexity(), row.loss(), row.equation(), null,
          Double.isNaN(errors[0]) ? null : errors[0], Double.isNaN(errors[1]) ? null : errors[1], cost,
          labels == null ? null : new ParetoDocument.CandidateLabels(
              LabelReport.auc(labels, column(expected.bitAccurate()), j),
              LabelReport.auc(labels, column(expected.float64()), j)));
    } catch (RuntimeException e) {
      // whatever keeps one row from being built (a limit of a unit or of the RTL back end too) is that row's reason
      return new Candidate(name, index, row.complexity(), row.loss(), row.equation(), reason(e), null, null, null,
          labels == null ? null : new ParetoDocument.CandidateLabels(null, null));
    }
  }

  /** The only output of each vector. */
  private static double[] column(double[][] outputs) {
    double[] c = new double[outputs.length];
    for (int v = 0; v < c.length; v++) {
      c[v] = outputs[v][0];
    }
    return c;
  }

  /**
   * The cost of a whole model whose budget selections are all resolved: one design over every output; with labels,
   * its argmax accuracy against them too.
   *
   * @throws SrHlsException when it cannot be built or has no RTL (vendor math)
   */
  public Merged merged(ModelSpec resolved) {
    CompiledModel model = new ModelCompiler(project).compile(resolved);
    Design design = ModelDesign.of(resolved, model, source);
    DesignCost cost = cost(resolved, design);
    if (labels == null) {
      return new Merged(cost, null);
    }
    ExpectedOutputs expected = ExpectedOutputs.of(design, model.graph(), inputs, BuildLog.silent());
    LabelReport report = LabelReport.of(labelsShown, labels, expected,
        resolved.outputs().stream().map(OutputSpec::name).toList());
    return new Merged(cost, new ParetoDocument.CombinationLabels(report.firmware().accuracy(),
        report.float64().accuracy()));
  }

  private DesignCost cost(ModelSpec model, Design design) {
    String limitation = RtlEmitter.limitation(design);
    if (limitation != null) {
      throw new SrHlsException(limitation + "; a budget needs the RTL back end's estimate");
    }
    return DesignCost.of(RtlEmitter.emit(design, model.target(), model.arithmetic(), source, List.of()));
  }

  /** Largest and root-mean-square |fixed point - float64| over the vectors whose float64 value is finite. */
  private static double[] errors(ExpectedOutputs expected) {
    double max = 0;
    double squares = 0;
    long n = 0;
    for (int v = 0; v < expected.float64().length; v++) {
      double reference = expected.float64()[v][0];
      if (!Double.isFinite(reference)) {
        continue;
      }
      double d = Math.abs(expected.bitAccurate()[v][0] - reference);
      max = Math.max(max, d);
      squares += d * d;
      n++;
    }
    return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {max, Math.sqrt(squares / n)};
  }

  /** The first line of the message, shortened: pareto.json and the log give one line per failed row. */
  static String reason(RuntimeException e) {
    String m = e.getMessage() == null ? "it could not be built" : e.getMessage().strip();
    int newline = m.indexOf('\n');
    if (newline >= 0) {
      m = m.substring(0, newline);
    }
    return m.length() > REASON_LIMIT ? m.substring(0, REASON_LIMIT - 3) + "..." : m;
  }
}
