/**
 * The contract between {@code sr-hls:generate} and the goals after it: the manifest each generated project
 * carries, deterministic JSON files, and removing the directory trees sr-hls owns without following links.
 */
package io.github.srhls.core.project;
