package io.github.srhls.core.testbench;

import io.github.srhls.core.model.InputSpec;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.TestbenchSpec;
import io.github.srhls.core.model.VectorFile;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** The inputs a model is tested with: the vectors of its vector file, or random ones drawn from its seed. */
public final class TestVectors {
  private TestVectors() {}

  /**
   * The vectors from the model's file, or random ones from the seed: uniform over the declared ranges, or standard
   * normal.
   *
   * @param project the project directory, against which the vector file is named in messages
   */
  public static double[][] of(ModelSpec spec, Path project) {
    TestbenchSpec testbench = spec.testbench();
    Path file = testbench.inputs();
    if (file != null) {
      return VectorFile.read(file, ProjectPaths.shown(file, project), spec.inputNames());
    }
    SplittableRandom random = new SplittableRandom(testbench.seed());
    double[][] rows = new double[testbench.vectors()][spec.inputs().size()];
    for (double[] row : rows) {
      switch (testbench.distribution()) {
        case UNIFORM -> {
          for (int i = 0; i < row.length; i++) {
            InputSpec in = spec.inputs().get(i);
            row[i] = in.min() + (in.max() - in.min()) * random.nextDouble();
          }
        }
        case NORMAL -> standardNormal(random, row);
      }
    }
    return rows;
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
