/**
 * The Maven goals {@code sr-hls:generate}, {@code sr-hls:test} and {@code sr-hls:package}
 * ({@link io.github.srhls.plugin.GenerateMojo}, {@link io.github.srhls.plugin.TestMojo},
 * {@link io.github.srhls.plugin.PackageMojo}, on the abstract bases {@link io.github.srhls.plugin.AbstractSrHlsMojo}
 * and {@link io.github.srhls.plugin.AbstractVendorMojo}), Maven toolchains of type {@code hls}
 * ({@link io.github.srhls.plugin.HlsToolchain}, read from the session by {@link io.github.srhls.plugin.HlsToolchains})
 * and the build log on Maven's
 * ({@link io.github.srhls.plugin.MavenBuildLog}). Each Mojo only maps its parameters to a request of
 * {@link io.github.srhls.core.goals}, runs the core's orchestrator and hands Maven what comes back; all the work is in
 * the core, so it can be tested without Maven.
 *
 * <p>In the pipeline: above all of it, the entry point that Maven calls.
 *
 * <p>May use, of the core: the packages goals and diag, and the values that the requests carry from other packages
 * ({@code VendorSettings}, {@code ToolchainEntry}, {@code Budgets}, {@code OutputTimestamp}); nothing else, which
 * {@code io.github.srhls.plugin.PluginDependenciesTest} checks.
 */
package io.github.srhls.plugin;
