/**
 * Deterministic zips ({@link io.github.srhls.core.packaging.ProjectZip},
 * {@link io.github.srhls.core.packaging.DeterministicZip}): the same files give byte-identical archives on every
 * machine, time zone and run, with entry times from {@link io.github.srhls.core.packaging.OutputTimestamp}, and an
 * archive never holds an entry that could land outside the directory it is extracted into
 * ({@link io.github.srhls.core.packaging.EntryNames}).
 *
 * <p>In the pipeline: report → <b>packaging</b>, the last stage.
 *
 * <p>May use (layer 18 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 17; today diag and testbench (the names of the test data files).
 */
package io.github.srhls.core.packaging;
