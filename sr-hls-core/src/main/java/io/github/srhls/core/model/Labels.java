package io.github.srhls.core.model;

import java.util.List;

/**
 * The true answers for a testbench's vectors, as {@link LabelFile} reads them: what the outputs of a classifier are
 * scored against.
 */
public sealed interface Labels {
  /** How many vectors are labelled. */
  int rows();

  /**
   * One class per vector: output {@code k} is the score of class {@code k}.
   *
   * @param classes each vector's class, from 0 to the number of outputs − 1
   */
  record Classes(int[] classes) implements Labels {
    @Override
    public int rows() {
      return classes.length;
    }
  }

  /**
   * One 0/1 target per output and vector (one-hot classes, or independent binary labels): output {@code k} is the
   * score of its target {@code k}.
   *
   * @param targets {@code targets[row][k]}: whether vector {@code row} is a positive of output {@code k}
   * @param outputs the outputs' names, in the order of {@code targets[row]}
   */
  record Targets(boolean[][] targets, List<String> outputs) implements Labels {
    public Targets {
      outputs = List.copyOf(outputs);
    }

    @Override
    public int rows() {
      return targets.length;
    }
  }
}
