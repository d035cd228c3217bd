package io.github.srhls.core.explore;

import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small project with two hall-of-fame outputs whose rows share sin(x0), and one row that cannot be parsed. */
final class ExploreFixture {
  static final String Y0 = """
      Complexity,Loss,Equation
      1,0.9,"0.3"
      3,0.5,"x0 * 0.87"
      4,0.1,"sin(x0) + x1"
      6,0.02,"sin(x0) + (x1 * 0.49)"
      8,0.01,"sin(x0 * 1.01) + ((x1 * x0) * 0.49)"
      10,0.005,"(sin(x0) * cos(x1)) + ((x1 * x0) * 0.49)"
      """;
  static final String Y1 = """
      Complexity,Loss,Equation
      1,0.8,"0.5"
      3,0.4,"x1 * 1.3"
      4,0.6,"frobnicate(x0)"
      5,0.05,"sin(x0) * x1"
      7,0.03,"(sin(x0) * x1) + (x0 * x0)"
      """;

  /** No row is free: every one needs logic. */
  static final String Y2 = """
      Complexity,Loss,Equation
      3,0.5,"x0 * 0.87"
      4,0.1,"sin(x0) + x1"
      """;

  private ExploreFixture() {}

  /** Writes the two fronts and a model file with the given outputs and extra top-level YAML. */
  static Path project(Path root, String outputs, String extra) throws IOException {
    Files.createDirectories(root.resolve("src/main/sr/pysr"));
    Files.writeString(root.resolve("src/main/sr/pysr/y0.csv"), Y0);
    Files.writeString(root.resolve("src/main/sr/pysr/y1.csv"), Y1);
    Files.writeString(root.resolve("src/main/sr/pysr/y2.csv"), Y2);
    Path file = root.resolve("src/main/sr/m.sr.yaml");
    Files.writeString(file, """
        format: sr-hls/v1
        name: m
        inputs: {count: 2, range: [-1, 1], type: 'ap_fixed<16,4>'}
        outputs:
        """ + outputs + """
        testbench: {vectors: 64, seed: 3}
        """ + extra);
    return file;
  }

  static String output(String name, String file, String select) {
    return "  - {name: " + name + ", type: 'ap_fixed<18,6>', pysr: {file: pysr/" + file + ", select: " + select
        + "}}\n";
  }

  static ModelSpec read(Path root, Path file) {
    return new ModelReader().read(file, root, "1.0.0");
  }

  static BudgetedSelection.Exploration explore(Path root, Path file, boolean everyFront) {
    return explore(root, file, everyFront, 2);
  }

  static BudgetedSelection.Exploration explore(Path root, Path file, boolean everyFront, int threads) {
    return new BudgetedSelection(read(root, file), root, "src/main/sr/m.sr.yaml", threads,
        io.github.srhls.core.diag.BuildLog.silent()).run(everyFront);
  }
}
