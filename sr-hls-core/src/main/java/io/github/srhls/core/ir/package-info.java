/**
 * The intermediate representation and its passes: one DAG over all outputs of a model
 * ({@link io.github.srhls.core.ir.Graph}), built by simplifying constructors in
 * {@link io.github.srhls.core.ir.GraphBuilder} (folding, sharing, canonical product chains, power chains); its
 * double-precision meaning ({@link io.github.srhls.core.ir.FloatEvaluator}); and the analyses that precision planning
 * starts from: value ranges ({@link io.github.srhls.core.ir.RangeAnalysis}: guaranteed enclosures, by outward-rounded
 * interval arithmetic, products as powers of their factors, and bounded subdivision where an operand must be shown
 * off 0, with {@link io.github.srhls.core.ir.DomainFinding}s where it cannot) and how much each node moves the
 * outputs ({@link io.github.srhls.core.ir.Sensitivity}).
 *
 * <p>In the pipeline: expressions → <b>IR and passes</b> → planned design.
 *
 * <p>May use (layer 6 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 5; today expr. It knows nothing of model files.
 */
package io.github.srhls.core.ir;
