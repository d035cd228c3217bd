package io.github.srhls.core.model;

import java.nio.file.Path;

/**
 * How the generated testbench gets its vectors and judges the outputs.
 *
 * @param vectors how many random vectors, uniform over the input ranges (1 to 10,000,000; default 1000); not used
 *     when {@code inputs} is set
 * @param seed the random seed (default 1); not used when {@code inputs} is set
 * @param inputs a vector file (hls4ml {@code .dat} or {@code .csv}, see {@link VectorFile}), absolute, normalized
 *     and inside the project; null for random vectors
 * @param tolerance the largest |output − float64 reference| allowed, at least 0; null when not checked
 */
public record TestbenchSpec(int vectors, long seed, Path inputs, Double tolerance) {
  public static final int DEFAULT_VECTORS = 1000;
  public static final int MAX_VECTORS = 10_000_000;
  public static final long DEFAULT_SEED = 1;
}
