/**
 * The contract between {@code sr-hls:generate} and the goals after it: the manifest each generated project
 * carries, and deterministic JSON files.
 */
package io.github.srhls.core.project;
