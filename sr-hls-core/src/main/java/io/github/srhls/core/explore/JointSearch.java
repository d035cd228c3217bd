package io.github.srhls.core.explore;

import io.github.srhls.core.pysr.ResourceBudget;
import io.github.srhls.core.pysr.ResourceBudget.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The joint choice of rows for the outputs that share a model-level budget: the combination with the smallest total
 * loss whose merged design (one design over all outputs, common subexpressions shared) fits.
 *
 * <p>Up to {@value #EXACT_LIMIT} combinations every one is built: the choice is exact. Beyond, a heuristic builds at
 * most {@value #MAX_BUILDS} merged designs: it starts from the combinations in order of total loss whose summed
 * stand-alone costs fit (resources add up, latency is the longest; the merged design shares, so for LUT, FF, DSP
 * and BRAM it costs no more than the sum), taking the first whose merged design is built and fits; failing that,
 * the cheapest combination (each output's row that fills the budget least). From there it improves by local moves:
 * all single-output changes to a row of lower loss are built, and the best that fits is taken, until none fits. The
 * latency claim is not assumed: sharing can widen a shared node under the auto plan, so every step checks the
 * merged design itself. The result is never worse than the start. Ties go to the lower rows in output order; the
 * order of evaluation does not matter, so the choice is deterministic.
 */
final class JointSearch {
  static final int EXACT_LIMIT = 128;
  static final int MAX_BUILDS = 200;
  /** Steps of the summed-cost walk, which costs no builds (arithmetic only). */
  static final int MAX_SUMMED_STEPS = 2_000_000;
  /** Summed fits tried as the start before falling back to the cheapest combination. */
  static final int START_TRIES = 8;

  /**
   * A merged design's cost, or why it could not be built.
   *
   * @param labels its figures against testbench.labels, carried for pareto.json; null without labels
   */
  record Built(DesignCost cost, String failure, ParetoDocument.CombinationLabels labels) {}

  /**
   * A combination: for each participating output, the index into its options (sorted by loss).
   *
   * @param at indices into the options
   * @param loss the total loss
   */
  record Combination(int[] at, double loss, Built built) {
    boolean fits(ResourceBudget budget) {
      return built != null && built.cost() != null && built.cost().fits(budget);
    }
  }

  /**
   * @param chosen the combination chosen, or null when none fits
   * @param cheapest when none fits: the built combination that fills the budget least
   * @param evaluated every combination built, by loss then rows
   * @param exhaustive whether every combination was built
   * @param space how many combinations there are
   * @param binding the resource most often over budget among the built combinations of lower loss than the chosen
   */
  record Result(Combination chosen, Combination cheapest, List<Combination> evaluated, boolean exhaustive,
      long space, Resource binding) {}

  private final List<List<Candidate>> options;
  private final ResourceBudget budget;
  private final Function<List<int[]>, List<Built>> build;
  private final Map<List<Integer>, Combination> built = new HashMap<>();

  /**
   * @param options per participating output, its rows that were built alone, sorted by loss then row
   * @param build builds merged designs for combinations (given as indices into the options), in the same order
   */
  JointSearch(List<List<Candidate>> options, ResourceBudget budget, Function<List<int[]>, List<Built>> build) {
    this.options = options;
    this.budget = budget;
    this.build = build;
  }

  Result run() {
    long space = 1;
    for (List<Candidate> o : options) {
      // saturating: the count is shown, and compared with the exact limit only
      space = space > Long.MAX_VALUE / Math.max(1, o.size()) ? Long.MAX_VALUE : space * o.size();
    }
    boolean exhaustive = space <= EXACT_LIMIT;
    Combination chosen = exhaustive ? exhaustive() : heuristic();
    List<Combination> all = new ArrayList<>(built.values());
    all.sort(ORDER);
    Combination cheapest = null;
    if (chosen == null) {
      cheapest = all.stream().filter(c -> c.built().cost() != null)
          .min(Comparator.comparingDouble((Combination c) -> c.built().cost().pressure(budget)).thenComparing(ORDER))
          .orElse(null);
    }
    return new Result(chosen, cheapest, all, exhaustive, space, chosen == null ? null : binding(chosen, all));
  }

  private Combination exhaustive() {
    List<int[]> every = new ArrayList<>();
    int[] at = new int[options.size()];
    while (true) {
      every.add(at.clone());
      int k = at.length - 1;
      while (k >= 0 && ++at[k] == options.get(k).size()) {
        at[k--] = 0;
      }
      if (k < 0) {
        break;
      }
    }
    return best(evaluate(every));
  }

  private Combination heuristic() {
    Combination current = null;
    for (int[] start : summedFits()) {
      Combination c = evaluate(List.of(start)).get(0);
      if (c.fits(budget)) {
        current = c;
        break;
      }
    }
    if (current == null) {
      Combination c = evaluate(List.of(cheapestAlone())).get(0);
      if (!c.fits(budget)) {
        return null;
      }
      current = c;
    }
    while (built.size() < MAX_BUILDS) {
      List<int[]> moves = new ArrayList<>();
      for (int k = 0; k < options.size(); k++) {
        for (int i = 0; i < current.at()[k]; i++) {
          int[] next = current.at().clone();
          next[k] = i;
          if (!built.containsKey(key(next)) && built.size() + moves.size() < MAX_BUILDS) {
            moves.add(next);
          }
        }
      }
      if (moves.isEmpty()) {
        break;
      }
      Combination better = best(evaluate(moves));
      if (better == null || ORDER.compare(better, current) >= 0) {
        break;
      }
      current = better;
    }
    return current;
  }

  /** Up to {@value #START_TRIES} combinations whose summed stand-alone costs fit, by total loss. */
  private List<int[]> summedFits() {
    PriorityQueue<int[]> queue = new PriorityQueue<>(Comparator.comparingDouble(this::loss)
        .thenComparing(JointSearch::lexicographic));
    Set<List<Integer>> seen = new HashSet<>();
    int[] first = new int[options.size()];
    queue.add(first);
    seen.add(key(first));
    List<int[]> fits = new ArrayList<>();
    for (int steps = 0; !queue.isEmpty() && steps < MAX_SUMMED_STEPS && fits.size() < START_TRIES; steps++) {
      int[] at = queue.poll();
      DesignCost summed = null;
      for (int k = 0; k < at.length; k++) {
        DesignCost alone = options.get(k).get(at[k]).cost();
        summed = summed == null ? alone : summed.beside(alone);
      }
      if (summed.fits(budget)) {
        fits.add(at);
        continue; // its successors have a higher loss and cost no less to find: the next starts lie elsewhere
      }
      for (int k = 0; k < at.length; k++) {
        if (at[k] + 1 < options.get(k).size()) {
          int[] next = at.clone();
          next[k]++;
          if (seen.add(key(next))) {
            queue.add(next);
          }
        }
      }
    }
    return fits;
  }

  /** Each output's row that fills the budget least alone (ties: lower loss). */
  private int[] cheapestAlone() {
    int[] at = new int[options.size()];
    for (int k = 0; k < at.length; k++) {
      List<Candidate> o = options.get(k);
      int best = 0;
      for (int i = 1; i < o.size(); i++) {
        if (o.get(i).cost().pressure(budget) < o.get(best).cost().pressure(budget)) {
          best = i;
        }
      }
      at[k] = best;
    }
    return at;
  }

  private List<Combination> evaluate(List<int[]> combinations) {
    List<int[]> fresh = new ArrayList<>();
    for (int[] at : combinations) {
      if (!built.containsKey(key(at))) {
        fresh.add(at);
      }
    }
    if (!fresh.isEmpty()) {
      List<Built> results = build.apply(fresh);
      for (int i = 0; i < fresh.size(); i++) {
        built.put(key(fresh.get(i)), new Combination(fresh.get(i), loss(fresh.get(i)), results.get(i)));
      }
    }
    return combinations.stream().map(at -> built.get(key(at))).toList();
  }

  private Combination best(List<Combination> combinations) {
    return combinations.stream().filter(c -> c.fits(budget)).min(ORDER).orElse(null);
  }

  /** The resource most often over budget among the built combinations of lower loss than the chosen. */
  private Resource binding(Combination chosen, List<Combination> all) {
    Map<Resource, Integer> counts = new EnumMap<>(Resource.class);
    for (Combination c : all) {
      if (ORDER.compare(c, chosen) < 0 && c.built().cost() != null && !c.fits(budget)) {
        for (var e : budget.limits().entrySet()) {
          if (c.built().cost().amount(e.getKey()) > e.getValue()) {
            counts.merge(e.getKey(), 1, Integer::sum);
          }
        }
      }
    }
    return counts.entrySet().stream().max(Map.Entry.<Resource, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
  }

  double loss(int[] at) {
    double sum = 0;
    for (int k = 0; k < at.length; k++) {
      sum += options.get(k).get(at[k]).loss();
    }
    return sum;
  }

  /** By total loss, then by the rows in output order. */
  static final Comparator<Combination> ORDER = Comparator.comparingDouble(Combination::loss)
      .thenComparing((a, b) -> lexicographic(a.at(), b.at()));

  private static int lexicographic(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }

  private static List<Integer> key(int[] at) {
    return Arrays.stream(at).boxed().toList();
  }
}
