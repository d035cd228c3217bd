/**
 * What every layer reports through: {@link io.github.srhls.core.diag.SrHlsException}, the one error type, which carries
 * a position in the user's files ({@link io.github.srhls.core.diag.SourcePosition}) and a suggestion of what to do
 * ({@link io.github.srhls.core.diag.Suggestions}, "did you mean"); {@link io.github.srhls.core.diag.BuildLog}, the log
 * that the Maven plugin or a test supplies; and {@link io.github.srhls.core.diag.Progress} for long steps.
 *
 * <p>In the pipeline: at the bottom, beside every stage: each reports its errors and log lines with it.
 *
 * <p>May use (layer 0 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): no other package of sr-hls.
 */
package io.github.srhls.core.diag;
