/**
 * Emitters for the HLS C++ target: firmware, testbench and the testbench's data files. Each reads a
 * {@link io.github.srhls.core.design.Design} and writes text; same design, same bytes.
 */
package io.github.srhls.core.backend.hls;
