/**
 * From a model file as read to the IR: {@link io.github.srhls.core.compile.ModelCompiler} parses every expression,
 * checks and expands the custom operators, takes the selected PySR equations and lowers all outputs into one graph, a
 * {@link io.github.srhls.core.compile.CompiledModel}; {@link io.github.srhls.core.compile.ModelScope} resolves the
 * names an expression may use.
 *
 * <p>In the pipeline: the step from model files to the IR.
 *
 * <p>May use (layer 7 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 6; today diag, fixed, expr, pysr, model and ir.
 */
package io.github.srhls.core.compile;
