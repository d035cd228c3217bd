/**
 * Model files ({@code *.sr.yaml}, {@code *.sr.yml}, {@code *.sr.json}, format {@code sr-hls/v1}) and users' vector
 * files: {@link io.github.srhls.core.model.ModelReader} reads and validates a model into an immutable
 * {@link io.github.srhls.core.model.ModelSpec}; {@link io.github.srhls.core.model.VectorFile} reads vectors from
 * {@code .dat} and {@code .csv} files, {@link io.github.srhls.core.model.LabelFile} their labels
 * ({@code testbench.labels}). Every error is an {@link io.github.srhls.core.diag.SrHlsException} naming
 * {@code file:line:column} and what to do: Jackson does the parsing, and this package walks Jackson's token stream into
 * a small tree that keeps each node's position, which Jackson's own {@code JsonNode} forgets.
 *
 * <p>In the pipeline: <b>model files</b> → expressions → IR → planned design.
 *
 * <p>May use (layer 5 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 4; today diag, fixed, expr and pysr.
 */
package io.github.srhls.core.model;
