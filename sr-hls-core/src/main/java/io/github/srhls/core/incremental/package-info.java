/**
 * Up-to-date checks between builds: a fingerprint of everything a step's result depends on
 * ({@link io.github.srhls.core.incremental.Fingerprint}), kept beside the result as the step's state
 * ({@link io.github.srhls.core.incremental.StepState}), lets the next build skip the step when nothing it depends on
 * has changed. {@link io.github.srhls.core.incremental.Sha256} is the one place SHA-256 digests (of files, too) are
 * made.
 *
 * <p>In the pipeline: at the bottom: the goals and the toolchains skip work with it.
 *
 * <p>May use (layer 2 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 and
 * 1; today diag and project.
 */
package io.github.srhls.core.incremental;
