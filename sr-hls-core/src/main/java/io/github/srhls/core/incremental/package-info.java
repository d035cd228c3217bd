/**
 * Up-to-date checks between builds: a fingerprint of everything a step's result depends on, kept beside the
 * result, lets the next build skip the step when nothing it depends on has changed. {@link
 * io.github.srhls.core.incremental.Sha256} is the one place SHA-256 digests (of files, too) are made.
 */
package io.github.srhls.core.incremental;
