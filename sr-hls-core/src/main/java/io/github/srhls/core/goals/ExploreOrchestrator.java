package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.explore.BudgetedSelection;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.explore.PlotWriter;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.project.FileTrees;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.report.ParetoPlots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code sr-hls:explore}: for every model file with outputs from a hall of fame, every row of those fronts is
 * built and costed, the budget selections are made as generate would make them, and the whole is written to
 * {@code <workDirectory>/<name>/explore/pareto.json}, with the plots beside it. A model that fails leaves no
 * results of an earlier run behind.
 */
public final class ExploreOrchestrator {
  private final PlotWriter plots;

  /** Draws the Pareto plots beside each pareto.json ({@link ParetoPlots}). */
  public ExploreOrchestrator() {
    this(PARETO_PLOTS);
  }

  /** The plots of {@link ParetoPlots}, written beside the pareto.json they are drawn from. */
  static final PlotWriter PARETO_PLOTS = pareto -> ParetoPlots.write(pareto, pareto.getParent());

  /** @param plots draws each model's plots from its pareto.json */
  public ExploreOrchestrator(PlotWriter plots) {
    this.plots = plots;
  }

  /**
   * @return each explored model's pareto.json, by model name
   * @throws SrHlsException naming every model that failed
   */
  public Map<String, Path> run(ExploreRequest request) {
    Path root = request.projectDirectory().toAbsolutePath().normalize();
    Map<String, Path> written = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Path file : ModelFiles.find(root, request.modelDirectory(), request.includes(), request.excludes())) {
      String source = GenerateOrchestrator.relative(root, file);
      Path directory = null;
      try {
        ModelSpec spec = new ModelReader().read(file, root, request.projectVersion());
        directory = request.workDirectory().resolve(spec.name()).resolve("explore");
        FileTrees.delete(directory);
        if (spec.outputs().stream().noneMatch(o -> o.source() instanceof PysrSource)) {
          request.log().info(spec.name() + ": no output comes from a hall of fame; nothing to explore");
          continue;
        }
        BudgetedSelection.Exploration exploration =
            new BudgetedSelection(spec, root, source, request.threads(), request.log()).run(true);
        Path pareto = request.workDirectory().resolve(spec.name()).resolve(ParetoDocument.FILE);
        JsonFiles.write(pareto, exploration.pareto());
        exploration.explanation().forEach(request.log()::info);
        // the plots are drawn here, from the file just written
        plots.draw(pareto);
        written.put(spec.name(), pareto);
        request.log().info("Explored " + spec.name() + ": " + GenerateOrchestrator.relative(root, pareto));
      } catch (SrHlsException e) {
        errors.add(e.getMessage());
        if (directory != null && Files.exists(directory)) {
          FileTrees.delete(directory);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new SrHlsException(String.join("\n", errors));
    }
    return written;
  }
}
