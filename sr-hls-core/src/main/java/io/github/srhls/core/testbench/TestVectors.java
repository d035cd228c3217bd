package io.github.srhls.core.testbench;

import io.github.srhls.core.model.InputSpec;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.TestbenchSpec;
import io.github.srhls.core.model.VectorFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** The inputs a model is tested with: the vectors of its vector file, or random ones drawn from its seed. */
public final class TestVectors {
  private TestVectors() {}

  /**
   * The vectors from the model's file, or random ones from the seed: uniform over the declared ranges, or standard
   * normal. All of them in memory: for tests and small sets; generate streams them with {@link #source}.
   *
   * @param project the project directory, against which the vector file is named in messages
   */
  public static double[][] of(ModelSpec spec, Path project) {
    Source source = source(spec, project);
    List<double[]> rows = new ArrayList<>();
    source.forEach(row -> rows.add(row.clone()));
    return rows.toArray(new double[0][]);
  }

  /**
   * The same vectors as {@link #of}, one at a time: random ones are drawn as they are asked for, so that however
   * many there are only one is in memory. A vector file is read at once (it is bounded by
   * {@link VectorFile#SIZE_LIMIT}), and its errors are thrown here, before any vector is handed out.
   *
   * @param project the project directory, against which the vector file is named in messages
   * @throws io.github.srhls.core.diag.SrHlsException naming the vector file, line and column of a bad value
   */
  public static Source source(ModelSpec spec, Path project) {
    TestbenchSpec testbench = spec.testbench();
    Path file = testbench.inputs();
    if (file != null) {
      double[][] rows = VectorFile.read(file, ProjectPaths.shown(file, project), spec.inputNames());
      return new Source() {
        @Override
        public long size() {
          return rows.length;
        }

        @Override
        public void forEach(Consumer<double[]> sink) {
          for (double[] row : rows) {
            sink.accept(row);
          }
        }
      };
    }
    return new Source() {
      @Override
      public long size() {
        return testbench.vectors();
      }

      @Override
      public void forEach(Consumer<double[]> sink) {
        SplittableRandom random = new SplittableRandom(testbench.seed());
        double[] row = new double[spec.inputs().size()];
        for (long v = 0; v < testbench.vectors(); v++) {
          switch (testbench.distribution()) {
            case UNIFORM -> {
              for (int i = 0; i < row.length; i++) {
                InputSpec in = spec.inputs().get(i);
                row[i] = in.min() + (in.max() - in.min()) * random.nextDouble();
              }
            }
            case NORMAL -> standardNormal(random, row);
          }
          sink.accept(row);
        }
      }
    };
  }

  /** A model's test vectors, handed out in order; the same every time they are walked. */
  public interface Source {
    long size();

    /**
     * Hands every vector to {@code sink} in order. The array may be refilled for the next vector: a sink that keeps
     * a vector copies it.
     */
    void forEach(Consumer<double[]> sink);
  }

  /**
   * Fills {@code row} with independent N(0, 1) values by the Box-Muller transform, two per pair of uniforms. Not
   * {@code nextGaussian()}, whose algorithm the JDK does not specify, nor {@code Math}, whose results may differ
   * between platforms: StrictMath makes the vectors the same on every JDK and machine.
   */
  private static void standardNormal(SplittableRandom random, double[] row) {
    for (int i = 0; i < row.length; i += 2) {
      double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble())); // 1 - u is in (0, 1]
      double angle = 2 * StrictMath.PI * random.nextDouble();
      row[i] = radius * StrictMath.cos(angle);
      if (i + 1 < row.length) {
        row[i + 1] = radius * StrictMath.sin(angle);
      }
    }
  }
}
