/**
 * Model files ({@code *.sr.yaml}, {@code *.sr.yml}, {@code *.sr.json}, format {@code sr-hls/v1}) and testbench
 * vector files: {@link io.github.srhls.core.model.ModelReader} reads and validates a model into an immutable
 * {@link io.github.srhls.core.model.ModelSpec}; {@link io.github.srhls.core.model.VectorFile} reads vectors, from
 * users' files and from the testbench's {@code .dat} files alike.
 *
 * <p>Every error is an {@link io.github.srhls.core.diag.SrHlsException} naming {@code file:line:column} and what to
 * do. Jackson does the parsing; this package walks Jackson's token stream into a small tree that keeps each node's
 * position, because Jackson's own {@code JsonNode} tree forgets where things were.
 */
package io.github.srhls.core.model;
