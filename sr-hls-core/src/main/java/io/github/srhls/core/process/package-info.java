/**
 * Running external programs (compilers, simulations, vendor tools) without a shell: an argument list, a working
 * directory, a timeout that stops the whole process tree, and output streamed line by line into the build log and a log
 * file ({@link io.github.srhls.core.process.ToolRunner}). Each program runs in a process group of its own that ends
 * with it, on timeout, and with the JVM however it dies ({@code ProcessGroups}). Programs are found on a PATH value
 * ({@link io.github.srhls.core.process.Executables}) without asking a shell either.
 *
 * <p>In the pipeline: at the bottom: simulations and toolchains run their programs through it.
 *
 * <p>May use (layer 1 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): diag.
 */
package io.github.srhls.core.process;
