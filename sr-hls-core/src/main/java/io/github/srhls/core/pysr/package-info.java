/**
 * Importing PySR / SymbolicRegression.jl results: finding a run's hall-of-fame CSV in any of the layouts PySR has used
 * ({@link io.github.srhls.core.pysr.HallOfFameLocator}), reading it ({@link io.github.srhls.core.pysr.HallOfFame},
 * {@link io.github.srhls.core.pysr.HallOfFameCsv}) and choosing one equation the way PySR's {@code model_selection}
 * does ({@link io.github.srhls.core.pysr.Selection}).
 *
 * <p>In the pipeline: part of reading model files: an output given as {@code pysr:} comes from here as an expression.
 *
 * <p>May use (layer 4 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 3; today diag and expr.
 */
package io.github.srhls.core.pysr;
