/**
 * The HLS C++ back end: emitters that read a {@link io.github.srhls.core.design.Design} and write text, same design,
 * same bytes. {@link io.github.srhls.core.backend.hls.FirmwareEmitter} writes the firmware ({@code firmware/defines.h},
 * {@code <name>.h}, {@code <name>.cpp}); {@link io.github.srhls.core.backend.hls.TestbenchEmitter} writes
 * {@code <name>_test.cpp}, which runs the firmware on the testbench's data files and compares bit for bit.
 *
 * <p>In the pipeline: planned design → <b>back ends</b> → simulation. An RTL back end goes beside this one, as
 * {@code backend.rtl}.
 *
 * <p>May use (layer 11 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 10; today diag, fixed, expr, ir, design.units and design. Not another back end.
 */
package io.github.srhls.core.backend.hls;
