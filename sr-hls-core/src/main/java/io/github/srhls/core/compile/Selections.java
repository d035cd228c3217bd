package io.github.srhls.core.compile;

import io.github.srhls.core.model.PysrSource;
import io.github.srhls.core.model.SelectionSpec;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.HallOfFameLocator;
import io.github.srhls.core.pysr.Selection;
import java.nio.file.Path;

/** Resolves a model's {@code pysr:} reference: which file, and which row of it. */
final class Selections {
  private Selections() {}

  static Path locate(PysrSource src) {
    return HallOfFameLocator.locate(src.file(), src.output());
  }

  static HallOfFame.Row select(PysrSource src, HallOfFame hof) {
    return selection(src.select()).select(hof);
  }

  static Selection selection(SelectionSpec spec) {
    if (spec instanceof SelectionSpec.Accuracy) {
      return new Selection.Accuracy();
    }
    if (spec instanceof SelectionSpec.Score) {
      return new Selection.Score();
    }
    if (spec instanceof SelectionSpec.Best) {
      return new Selection.Best();
    }
    if (spec instanceof SelectionSpec.Complexity c) {
      return new Selection.Complexity(c.complexity());
    }
    return new Selection.Row(((SelectionSpec.Row) spec).index());
  }
}
