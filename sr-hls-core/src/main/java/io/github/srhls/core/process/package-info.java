/**
 * Running external programs (compilers, simulations, vendor tools) without a shell: an argument list, a working
 * directory, a timeout that stops the whole process tree, and output streamed line by line into the build log
 * and a log file. Programs are found on a PATH value ({@link io.github.srhls.core.process.Executables}) without
 * asking a shell either.
 */
package io.github.srhls.core.process;
