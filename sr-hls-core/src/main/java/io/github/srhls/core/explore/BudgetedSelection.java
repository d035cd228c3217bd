package io.github.srhls.core.explore;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.Progress;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.model.SelectionSpec;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.ResourceBudget;
import io.github.srhls.core.pysr.ResourceBudget.Resource;
import io.github.srhls.core.pysr.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;

/**
 * Costs the rows of a model's hall-of-fame outputs and resolves its budget selections into fixed rows.
 *
 * <p>Rules: an output with {@code select: {budget: {...}}} takes its row of lowest loss (ties: the earlier row)
 * whose design, built alone, fits its budget. Then the outputs with {@code select: budget} take their rows jointly
 * ({@link JointSearch}): the combination of smallest total loss whose merged design, with every other output as the
 * file fixes it, fits the model's {@code selection.budget}. Rows that cannot be built (parse, plan, no RTL) are
 * never chosen and are listed with the reason. The work is spread over a bounded pool of threads; the results are
 * collected in a fixed order, so they do not depend on it.
 */
public final class BudgetedSelection {

  /**
   * @param resolved the model with every budget selection replaced by the row chosen (unchanged without one)
   * @param pareto what was costed and chosen
   * @param explanation a few lines for the build log on each choice made
   */
  public record Exploration(ModelSpec resolved, ParetoDocument pareto, List<String> explanation) {}

  private final CandidateCosting costing;
  private final String source;
  private final int threads;
  private final BuildLog log;
  private final java.util.function.LongSupplier clock;

  /**
   * @param spec the model as read
   * @param project the project directory
   * @param source the model file as messages name it
   * @param threads the most rows built at once (at least 1)
   */
  public BudgetedSelection(ModelSpec spec, Path project, String source, int threads, BuildLog log) {
    this(spec, project, source, threads, log, System::nanoTime);
  }

  /** @param clock nanoseconds, for the progress lines (tests) */
  BudgetedSelection(ModelSpec spec, Path project, String source, int threads, BuildLog log,
      java.util.function.LongSupplier clock) {
    this.costing = new CandidateCosting(spec, project, source);
    this.source = source;
    this.threads = Math.max(1, threads);
    this.log = log;
    this.clock = clock;
  }

  /** Whether the model chooses any row by a budget. */
  public static boolean needed(ModelSpec spec) {
    return spec.outputs().stream().anyMatch(o -> o.source() instanceof PysrSource p && p.select().byBudget());
  }

  /**
   * The files other than the model file that the resolved model will reference, in the order
   * {@link io.github.srhls.core.compile.CompiledModel#referencedFiles()} gives them (each hall of fame once, in
   * output order, then the vector file): known before any row is built, so that an up-to-date check needs no
   * exploration.
   */
  public static List<Path> referencedFiles(ModelSpec spec, Path project) {
    Path base = project.toAbsolutePath().normalize();
    java.util.LinkedHashSet<Path> files = new java.util.LinkedHashSet<>();
    for (OutputSpec out : spec.outputs()) {
      if (out.source() instanceof PysrSource p) {
        files.add(io.github.srhls.core.pysr.HallOfFameLocator.locate(p.file(), p.output(), base));
      }
    }
    List<Path> referenced = new ArrayList<>(files);
    if (spec.testbench().inputs() != null) {
      referenced.add(spec.testbench().inputs());
    }
    return referenced;
  }

  /**
   * Costs the candidates and makes the choices.
   *
   * @param everyFront cost every output from a hall of fame (explore); otherwise only those a budget chooses
   * @throws SrHlsException when a budgeted output has no row that can be built, or nothing fits a budget
   */
  public Exploration run(boolean everyFront) {
    ModelSpec spec = costing.spec();
    List<Integer> explored = new ArrayList<>();
    for (int j = 0; j < spec.outputs().size(); j++) {
      if (spec.outputs().get(j).source() instanceof PysrSource p && (everyFront || p.select().byBudget())) {
        explored.add(j);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
    try {
      Map<Integer, List<Candidate>> candidates = costAll(explored, pool);
      Map<Integer, Integer> rows = new LinkedHashMap<>();
      List<String> explanation = new ArrayList<>();
      Map<Integer, Resource> bindings = new LinkedHashMap<>();
      for (int j : explored) {
        PysrSource p = (PysrSource) spec.outputs().get(j).source();
        if (p.select() instanceof Selection.Budget b) {
          rows.put(j, alone(j, candidates.get(j), b.budget(), explanation, bindings));
        } else if (!(p.select() instanceof Selection.ModelBudget)) {
          rows.put(j, selectedIndex(j, p.select()));
        }
      }
      List<ParetoDocument.Combination> combinations = List.of();
      String search = null;
      Resource jointBinding = null;
      List<Integer> joint = explored.stream().filter(j -> ((PysrSource) spec.outputs().get(j).source()).select()
          instanceof Selection.ModelBudget).toList();
      if (!joint.isEmpty()) {
        JointOutcome outcome = joint(joint, candidates, rows, spec.selection(), pool, explanation);
        combinations = outcome.combinations();
        search = outcome.search();
        jointBinding = outcome.binding();
      }
      ModelSpec resolved = resolve(spec, rows);
      ParetoDocument pareto = document(spec, explored, candidates, rows, combinations, search,
          bindingOf(bindings, jointBinding));
      return new Exploration(resolved, pareto, explanation);
    } finally {
      pool.shutdownNow();
    }
  }

  private record JointOutcome(List<ParetoDocument.Combination> combinations, String search, Resource binding) {}

  /** Every row of every explored output, built alone; progress every few seconds on a long run. */
  private Map<Integer, List<Candidate>> costAll(List<Integer> explored, ExecutorService pool) {
    List<Callable<Candidate>> tasks = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int j : explored) {
      HallOfFame front = costing.front(j);
      for (int i = 0; i < front.rows().size(); i++) {
        int row = i;
        HallOfFame.Row r = front.rows().get(i);
        tasks.add(() -> costing.candidate(j, r, row));
        owner.add(j);
      }
    }
    String name = costing.spec().name();
    Progress progress = new Progress(log, name + ": %,d of %,d candidates costed (%s)", tasks.size(), clock);
    long start = System.nanoTime();
    List<Candidate> done = all(pool, tasks, progress);
    Map<Integer, List<Candidate>> byOutput = new LinkedHashMap<>();
    explored.forEach(j -> byOutput.put(j, new ArrayList<>()));
    for (int k = 0; k < done.size(); k++) {
      byOutput.get(owner.get(k)).add(done.get(k));
    }
    log.info(String.format(Locale.ROOT, "%s: %d candidates of %d %s costed in %d ms on %d threads", name,
        tasks.size(), explored.size(), explored.size() == 1 ? "output" : "outputs",
        (System.nanoTime() - start) / 1_000_000, threads));
    for (int j : explored) {
      List<Candidate> list = byOutput.get(j);
      if (list.stream().noneMatch(Candidate::ok)) {
        HallOfFame front = costing.front(j);
        HallOfFame.Row first = front.rows().get(0);
        throw SrHlsException.at(new SourcePosition(front.file(), first.line(), first.column()),
            "no row of this hall of fame can be built for output '" + costing.spec().outputs().get(j).name()
            + "' (" + list.size() + " tried); row 0: " + list.get(0).failure()
            + "; check that the file belongs to this model (its inputs, variables: zero-based or one-based)");
      }
    }
    return byOutput;
  }

  /** The index select chooses among the rows, by position. */
  private int selectedIndex(int j, Selection select) {
    HallOfFame front = costing.front(j);
    HallOfFame.Row row = select.select(front);
    return front.rows().indexOf(row);
  }

  /** An output's own budget: its row of lowest loss that fits alone. */
  private int alone(int j, List<Candidate> candidates, ResourceBudget budget, List<String> explanation,
      Map<Integer, Resource> bindings) {
    String output = costing.spec().outputs().get(j).name();
    List<Candidate> ok = candidates.stream().filter(Candidate::ok).sorted(BY_LOSS).toList();
    Candidate chosen = ok.stream().filter(c -> c.cost().fits(budget)).findFirst().orElse(null);
    if (chosen == null) {
      Candidate cheapest = ok.stream().min(Comparator.comparingDouble((Candidate c) -> c.cost().pressure(budget))
          .thenComparing(BY_LOSS)).orElseThrow();
      throw SrHlsException.at(budget.at(), "no row of output '" + output + "' fits its budget "
          + budget.describe() + " (" + ok.size() + " rows built); the cheapest, row " + cheapest.row()
          + " (complexity " + cheapest.complexity() + "), needs " + cheapest.cost().describe() + " ("
          + cheapest.cost().overruns(budget) + "); raise the budget or give PySR a lower maxsize");
    }
    List<Candidate> better = ok.subList(0, ok.indexOf(chosen));
    Resource binding = mostOver(better.stream().map(Candidate::cost).toList(), budget);
    bindings.put(j, binding);
    explanation.add(String.format(Locale.ROOT, "%s: output %s: budget %s: row %d (complexity %d, loss %s): %s",
        costing.spec().name(), output, budget.describe(), chosen.row(), chosen.complexity(), number(chosen.loss()),
        chosen.cost().describe()));
    explanation.add(better.isEmpty()
        ? "  it is the row of lowest loss; the budget rules out nothing better"
        : String.format(Locale.ROOT, "  runner-up: row %d (loss %s) needs %s; binding constraint: %s",
            better.get(better.size() - 1).row(), number(better.get(better.size() - 1).loss()),
            better.get(better.size() - 1).cost().overruns(budget), binding.key()));
    return chosen.row();
  }

  private JointOutcome joint(List<Integer> joint, Map<Integer, List<Candidate>> candidates,
      Map<Integer, Integer> fixedRows, SelectionSpec selection, ExecutorService pool, List<String> explanation) {
    ResourceBudget budget = selection.budget();
    List<List<Candidate>> options = new ArrayList<>();
    for (int j : joint) {
      options.add(candidates.get(j).stream().filter(Candidate::ok).sorted(BY_LOSS).toList());
    }
    JointSearch search = new JointSearch(options, budget, combos -> {
      List<Callable<JointSearch.Built>> tasks = new ArrayList<>();
      for (int[] at : combos) {
        Map<Integer, Integer> rows = new LinkedHashMap<>(fixedRows);
        for (int k = 0; k < at.length; k++) {
          rows.put(joint.get(k), options.get(k).get(at[k]).row());
        }
        ModelSpec resolved = resolve(costing.spec(), rows);
        tasks.add(() -> {
          try {
            CandidateCosting.Merged merged = costing.merged(resolved);
            return new JointSearch.Built(merged.cost(), null, merged.labels());
          } catch (RuntimeException e) {
            return new JointSearch.Built(null, CandidateCosting.reason(e),
                costing.labelsFile() == null ? null : new ParetoDocument.CombinationLabels(null, null));
          }
        });
      }
      return all(pool, tasks, null);
    });
    JointSearch.Result result = search.run();
    String name = costing.spec().name();
    String how = result.exhaustive()
        ? "exhaustive: all " + result.space() + " combinations built"
        : "heuristic: " + result.evaluated().size() + " of " + result.space() + " combinations built (start: the"
            + " lowest total loss whose summed stand-alone costs fit, then local moves to rows of lower loss)";
    if (result.chosen() == null) {
      JointSearch.Combination c = result.cheapest();
      throw SrHlsException.at(budget.at(), "no combination of rows of " + names(joint) + " fits the budget "
          + budget.describe() + " (" + how + ")" + (c == null ? "; none could be built"
              : "; the cheapest, " + rows(joint, options, c) + ", needs " + c.built().cost().describe() + " ("
              + c.built().cost().overruns(budget) + ")") + "; raise the budget or choose fewer outputs by it");
    }
    JointSearch.Combination chosen = result.chosen();
    explanation.add(String.format(Locale.ROOT, "%s: selection budget %s, objective %s (%s): %s, total loss %s: %s",
        name, budget.describe(), selection.objective().word(), how, rows(joint, options, chosen),
        number(chosen.loss()), chosen.built().cost().describe()));
    JointSearch.Combination over = result.evaluated().stream()
        .filter(c -> JointSearch.ORDER.compare(c, chosen) < 0 && c.built().cost() != null).reduce((a, b) -> b)
        .orElse(null);
    JointSearch.Combination next = result.evaluated().stream()
        .filter(c -> JointSearch.ORDER.compare(c, chosen) > 0 && c.fits(budget)).findFirst().orElse(null);
    if (over != null) {
      explanation.add("  runner-up: " + rows(joint, options, over) + ", total loss " + number(over.loss())
          + ", needs " + over.built().cost().overruns(budget) + "; binding constraint: "
          + (result.binding() == null ? "none" : result.binding().key()));
    } else {
      explanation.add("  no better combination was over budget" + (next == null ? ""
          : "; the next that fits: " + rows(joint, options, next) + ", total loss " + number(next.loss())));
    }
    List<ParetoDocument.Combination> combinations = new ArrayList<>();
    for (JointSearch.Combination c : result.evaluated()) {
      Map<String, Integer> r = new LinkedHashMap<>();
      for (int k = 0; k < joint.size(); k++) {
        r.put(costing.spec().outputs().get(joint.get(k)).name(), options.get(k).get(c.at()[k]).row());
      }
      DesignCost k = c.built().cost();
      combinations.add(new ParetoDocument.Combination(r, ParetoDocument.finite(c.loss()),
          k == null ? null : k.lut(), k == null ? null : k.ff(), k == null ? null : k.dsp(),
          k == null ? null : k.bram(), k == null ? null : k.latencyCycles(), k == null ? null : k.latencyNs(),
          c.fits(budget), c == chosen, c.built().failure(), c.built().labels()));
      if (c == chosen) {
        for (int q = 0; q < joint.size(); q++) {
          fixedRows.put(joint.get(q), options.get(q).get(c.at()[q]).row());
        }
      }
    }
    return new JointOutcome(combinations, how, result.binding());
  }

  private ParetoDocument document(ModelSpec spec, List<Integer> explored, Map<Integer, List<Candidate>> candidates,
      Map<Integer, Integer> rows, List<ParetoDocument.Combination> combinations, String search, Resource binding) {
    List<ParetoDocument.Output> outputs = new ArrayList<>();
    Map<String, Integer> chosenRows = new LinkedHashMap<>();
    for (int j : explored) {
      OutputSpec out = spec.outputs().get(j);
      PysrSource p = (PysrSource) out.source();
      Integer row = rows.get(j);
      if (row != null) {
        chosenRows.put(out.name(), row);
      }
      ResourceBudget own = p.select() instanceof Selection.Budget b ? b.budget() : null;
      outputs.add(new ParetoDocument.Output(out.name(), costing.shown(costing.file(j)), ParetoDocument.budget(own),
          candidates.get(j).stream().map(c -> ParetoDocument.Entry.of(c, row != null && c.row() == row)).toList()));
    }
    ResourceBudget budget = spec.selection() == null ? null : spec.selection().budget();
    return new ParetoDocument(spec.name(), spec.target().clockNs(), ParetoDocument.COST_SOURCE,
        ParetoDocument.budget(budget), costing.labelsFile(), outputs, combinations,
        chosenRows.isEmpty() ? null : new ParetoDocument.Chosen(chosenRows, binding == null ? null : binding.key()),
        search);
  }

  /** The joint binding constraint, else the one of the only output budget. */
  private static Resource bindingOf(Map<Integer, Resource> alone, Resource joint) {
    if (joint != null) {
      return joint;
    }
    List<Resource> found = alone.values().stream().filter(r -> r != null).distinct().toList();
    return found.size() == 1 ? found.get(0) : null;
  }

  private ModelSpec resolve(ModelSpec spec, Map<Integer, Integer> rows) {
    Map<Integer, Integer> budgeted = new LinkedHashMap<>();
    rows.forEach((j, row) -> {
      if (((PysrSource) spec.outputs().get(j).source()).select().byBudget()) {
        budgeted.put(j, row);
      }
    });
    return costing.withRows(budgeted);
  }

  /** The resource over budget most often among these costs (ties: the first key), or null. */
  private static Resource mostOver(List<DesignCost> costs, ResourceBudget budget) {
    Map<Resource, Integer> counts = new EnumMap<>(Resource.class);
    for (DesignCost c : costs) {
      budget.limits().forEach((r, limit) -> {
        if (c.amount(r) > limit) {
          counts.merge(r, 1, Integer::sum);
        }
      });
    }
    Resource best = null;
    for (var e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  private String names(List<Integer> joint) {
    return joint.stream().map(j -> "'" + costing.spec().outputs().get(j).name() + "'")
        .collect(Collectors.joining(", "));
  }

  /** {@code y0 row 3, y1 row 5}. */
  private String rows(List<Integer> joint, List<List<Candidate>> options, JointSearch.Combination c) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < joint.size(); k++) {
      parts.add(costing.spec().outputs().get(joint.get(k)).name() + " row " + options.get(k).get(c.at()[k]).row());
    }
    return String.join(", ", parts);
  }

  private static String number(double d) {
    return String.format(Locale.ROOT, "%.4g", d);
  }

  private static final Comparator<Candidate> BY_LOSS = Comparator.comparingDouble(Candidate::loss)
      .thenComparingInt(Candidate::row);

  /** Runs the tasks on the pool and returns their results in task order. */
  private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks, Progress progress) {
    List<Future<T>> futures = tasks.stream().map(pool::submit).toList();
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        results.add(f.get());
        if (progress != null) {
          progress.done(results.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SrHlsException("interrupted while costing candidates", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SrHlsException s) {
        throw s;
      }
      throw new IllegalStateException("costing a candidate failed", e.getCause());
    } finally {
      futures.forEach(f -> f.cancel(true));
    }
    return results;
  }

  private static ThreadFactory daemons() {
    return r -> {
      Thread t = new Thread(r, "sr-hls-explore");
      t.setDaemon(true);
      return t;
    };
  }
}
