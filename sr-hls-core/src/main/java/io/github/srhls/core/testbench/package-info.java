/**
 * The testbench's data: the input vectors, the expected outputs, and the data-file format they are written in
 * ({@code tb_data/*.dat}, hls4ml's layout: one vector a line, values separated by spaces), written by
 * {@link io.github.srhls.core.testbench.DatFile} and read back as a {@link io.github.srhls.core.testbench.DataFile}.
 * One package and one name for the format, whatever back end or simulation reads it.
 *
 * <p>In the pipeline: planned design → <b>testbench</b> → back ends and simulation, whose test programs read these
 * files.
 *
 * <p>May use (layer 10 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 9; today diag and model.
 */
package io.github.srhls.core.testbench;
