/**
 * The Maven goals {@code sr-hls:generate}, {@code sr-hls:test} and {@code sr-hls:package}. Each Mojo only maps its
 * parameters to a request of {@link io.github.srhls.core.goals}, runs the core's orchestrator and hands Maven what
 * comes back; all the work is in the core, so it can be tested without Maven.
 */
package io.github.srhls.plugin;
