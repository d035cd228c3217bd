/**
 * The testbench's data, whatever back end or simulation uses it: the test vectors
 * ({@link io.github.srhls.core.testbench.TestVectors}: a model's vector file, or random ones from its seed), the
 * outputs they must give ({@link io.github.srhls.core.testbench.ExpectedOutputs}: bit-accurate and float64), how
 * closely a simulation must match them ({@link io.github.srhls.core.testbench.Tolerance}), and the {@code .dat}
 * data-file format that carries them into a generated project and back
 * ({@link io.github.srhls.core.testbench.TestbenchData}: file names, writing, reading) with its exact binary copy
 * ({@link io.github.srhls.core.testbench.BinaryVectors}, which the host simulation reads), and what the RTL's
 * simulation needs to turn them into raw bits ({@link io.github.srhls.core.testbench.RtlTestbench}: the ports' types,
 * the latency and clock, in {@code rtl/sr-hls-rtl.json}). With {@code testbench.labels}, the outputs' ROC AUC
 * ({@link io.github.srhls.core.testbench.RocAuc}) and argmax accuracy against the labels, for the bit-accurate and the
 * float64 outputs ({@link io.github.srhls.core.testbench.LabelReport}, in {@code tb_data/labels.json}).
 *
 * <p>In the pipeline: planned design → <b>testbench</b> → back ends and simulation, whose test programs read these
 * files. Emitters, simulations and toolchains use it; it knows none of them.
 *
 * <p>May use (layer 10 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 9; today diag, fixed, project, model, ir and design.
 */
package io.github.srhls.core.testbench;
