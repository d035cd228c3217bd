/**
 * The orchestration of the goals: {@link io.github.srhls.core.goals.GenerateOrchestrator},
 * {@link io.github.srhls.core.goals.TestOrchestrator} and {@link io.github.srhls.core.goals.PackageOrchestrator} each
 * take an immutable request ({@link io.github.srhls.core.goals.GenerateRequest}, ...), run the stages below for every
 * model and return a result. The Maven plugin only maps its parameters to a request and hands Maven what comes back, so
 * everything here runs, and is tested, without Maven.
 *
 * <p>In the pipeline: on top: it calls the stages; no stage calls it.
 *
 * <p>May use (layer 20 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): every other package of the
 * core.
 */
package io.github.srhls.core.goals;
