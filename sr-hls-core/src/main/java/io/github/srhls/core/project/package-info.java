/**
 * The layout of a generated project, the contract between {@code sr-hls:generate} and the goals after it: the manifest
 * each project carries ({@link io.github.srhls.core.project.ProjectManifest}), where the projects are
 * ({@link io.github.srhls.core.project.GeneratedProjects}), deterministic JSON files
 * ({@link io.github.srhls.core.project.JsonFiles}) and removing the directory trees sr-hls owns without following links
 * ({@link io.github.srhls.core.project.FileTrees}).
 *
 * <p>In the pipeline: at the bottom: the files that the stages after generation read and write.
 *
 * <p>May use (layer 1 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): diag.
 */
package io.github.srhls.core.project;
