package io.github.srhls.core.goals;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.HallOfFameLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each output's expression and, for a PySR output, the hall-of-fame row it came from, for
 * {@code sr-hls-design.json}. The row is found by the equation the compiler took, so this holds whatever rule chose
 * it.
 */
final class OutputOrigins {
  private OutputOrigins() {}

  static List<DesignReport.Output> of(CompiledModel model, List<DesignReport.Output> typed, Path projectDirectory) {
    Path project = projectDirectory.toAbsolutePath().normalize();
    Map<Path, HallOfFame> read = new HashMap<>();
    List<DesignReport.Output> described = new ArrayList<>();
    for (int k = 0; k < typed.size(); k++) {
      OutputSpec spec = model.spec().outputs().get(k);
      String text = model.outputTexts().get(k);
      DesignReport.PysrRow row = null;
      if (spec.source() instanceof PysrSource src) {
        Path csv = HallOfFameLocator.locate(src.file(), src.output(), project);
        row = row(read.computeIfAbsent(csv, c -> HallOfFame.read(c, ProjectPaths.shown(c, project))), text,
            ProjectPaths.shown(csv, project).toString());
      }
      DesignReport.Output t = typed.get(k);
      described.add(new DesignReport.Output(t.name(), t.type(), text, row));
    }
    return described;
  }

  private static DesignReport.PysrRow row(HallOfFame hallOfFame, String equation, String shown) {
    List<HallOfFame.Row> rows = hallOfFame.rows();
    for (int i = 0; i < rows.size(); i++) {
      HallOfFame.Row r = rows.get(i);
      if (r.equation().equals(equation)) {
        return new DesignReport.PysrRow(shown.replace('\\', '/'), i, r.complexity(), r.loss());
      }
    }
    return null; // not a row of the file: the compiler took it from elsewhere, so no row is claimed
  }
}
