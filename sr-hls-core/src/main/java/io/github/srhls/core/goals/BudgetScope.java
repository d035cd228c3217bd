package io.github.srhls.core.goals;

/**
 * What the build around a goal means for the synthesis budgets, which one goal may measure for another: in
 * {@code verify}, sr-hls:package synthesises before its IP export when sr-hls:test did not.
 *
 * @param enforce fail the build when budgets are set and nothing measured them ({@code sr-hls.enforceBudgets})
 * @param settledEarlier an earlier goal of this build already measured the budgets or said it could not
 * @param laterGoalMeasures a later goal of this build (sr-hls:package) will measure them when a tool is found
 */
public record BudgetScope(boolean enforce, boolean settledEarlier, boolean laterGoalMeasures) {

  /** A goal run on its own: it says what it could not check, and does not fail for it. */
  public static final BudgetScope ALONE = new BudgetScope(false, false, false);
}
