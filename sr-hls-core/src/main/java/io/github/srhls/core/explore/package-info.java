/**
 * Exploring a hall of fame's trade-off between accuracy and hardware: every row of each output's front built and
 * costed like a real model ({@link io.github.srhls.core.explore.CandidateCosting}), the rows a budget chooses,
 * alone or jointly across outputs on the merged design ({@link io.github.srhls.core.explore.BudgetedSelection},
 * {@link io.github.srhls.core.explore.JointSearch}), and the {@code pareto.json} that records it all
 * ({@link io.github.srhls.core.explore.ParetoDocument}).
 *
 * <p>In the pipeline: before compiling, a model whose outputs say {@code select: budget} or
 * {@code select: {budget: ...}} is resolved here into fixed rows; {@code sr-hls:explore} writes the whole front.
 *
 * <p>May use (layer 12 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 11; today diag, project, pysr, model, compile, design, testbench and backend.rtl.
 */
package io.github.srhls.core.explore;
