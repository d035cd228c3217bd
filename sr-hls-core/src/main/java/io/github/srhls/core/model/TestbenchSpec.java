package io.github.srhls.core.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How the generated testbench gets its vectors and judges the outputs.
 *
 * @param vectors how many random vectors (1 to 10,000,000; default 1000); not used when {@code inputs} is set
 * @param seed the random seed (default 1); not used when {@code inputs} is set
 * @param distribution what the random vectors are drawn from (default {@link Distribution#UNIFORM}); not used when
 *     {@code inputs} is set
 * @param inputs a vector file (hls4ml {@code .dat} or {@code .csv}, see {@link VectorFile}), absolute, normalized
 *     and inside the project; null for random vectors
 * @param tolerance the largest |output − float64 reference| allowed, at least 0; null when not checked
 * @param classify whether to report the share of vectors whose largest output is the same output as float64's
 *     (for classifiers, whose predicted class is the largest output); default false
 * @param labels a file of the true class (or per-output targets) of each vector of {@code inputs} ({@code .csv}, see
 *     {@link LabelFile}), absolute, normalized and inside the project; null for none. Set only with {@code inputs}
 */
public record TestbenchSpec(int vectors, long seed, Distribution distribution, Path inputs, Double tolerance,
    boolean classify, Path labels) {
  public static final int DEFAULT_VECTORS = 1000;
  public static final int MAX_VECTORS = 10_000_000;
  public static final long DEFAULT_SEED = 1;

  public TestbenchSpec {
    Objects.requireNonNull(distribution, "distribution");
    if (labels != null && inputs == null) {
      throw new IllegalArgumentException("labels belong to the vectors of an inputs file");
    }
  }

  /** A testbench without labels. */
  public TestbenchSpec(int vectors, long seed, Distribution distribution, Path inputs, Double tolerance,
      boolean classify) {
    this(vectors, seed, distribution, inputs, tolerance, classify, null);
  }

  /** What a model file without a {@code testbench} section means. */
  public static TestbenchSpec defaults() {
    return new TestbenchSpec(DEFAULT_VECTORS, DEFAULT_SEED, Distribution.UNIFORM, null, null, false);
  }

  /** The distribution of each input of a random vector, independent per input. */
  public enum Distribution {
    /** Uniform over the input's declared range. */
    UNIFORM,
    /**
     * Standard normal, N(0, 1), whatever the range: the inputs of models trained on standardized features. Values
     * beyond the range are kept, so the test shows what the firmware does with them; the range still bounds the
     * precision analysis.
     */
    NORMAL;

    /** As written in the model file. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
