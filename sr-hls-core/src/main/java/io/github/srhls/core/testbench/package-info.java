/**
 * The testbench's data, whatever back end or simulation uses it: the test vectors
 * ({@link io.github.srhls.core.testbench.TestVectors}: a model's vector file, or random ones from its seed), the
 * outputs they must give ({@link io.github.srhls.core.testbench.ExpectedOutputs}: bit-accurate and float64), how
 * closely a simulation must match them ({@link io.github.srhls.core.testbench.Tolerance}), and the {@code .dat}
 * data-file format that carries them into a generated project and back
 * ({@link io.github.srhls.core.testbench.TestbenchData}: file names, writing, reading).
 *
 * <p>May use the packages below it in the pipeline: {@code design} (the bit-accurate model), {@code ir} (float64
 * evaluation), {@code model} (the model's testbench section, users' vector files) and {@code diag}. Emitters,
 * simulations and toolchains use it; it knows none of them.
 */
package io.github.srhls.core.testbench;
