/**
 * Import of PySR / SymbolicRegression.jl results: finding a run's hall-of-fame CSV in any of the layouts PySR has
 * used ({@link io.github.srhls.core.pysr.HallOfFameLocator}), reading it ({@link io.github.srhls.core.pysr.HallOfFame})
 * and choosing one equation the way PySR's {@code model_selection} does ({@link io.github.srhls.core.pysr.Selection}).
 */
package io.github.srhls.core.pysr;
