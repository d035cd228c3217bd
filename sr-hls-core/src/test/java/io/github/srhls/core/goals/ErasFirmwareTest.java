package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every equation of the repository's own hall of fame of every era becomes firmware through a model file, as a user
 * names it (the era's file, its multi-output files by {@code output}, a PySR 1.x run, a
 * SymbolicRegression.jl file with {@code variables: one-based}), and the host simulation agrees bit for bit with the
 * Java model. {@link CorpusFirmwareTest} does the same on the real files where {@code ../shared} is present.
 */
class ErasFirmwareTest {
  /** Each output source: what the model writes after {@code pysr:}, and how many rows it has. */
  private record Source(String pysr, int rows) {}

  private static final List<Source> SOURCES = List.of(
      new Source("file: pysr/pysr-0.5/hall_of_fame_2021-03-14_153000.csv", 5),
      new Source("file: pysr/pysr-0.8-multi/hall_of_fame_2021-11-02_080910.csv, output: 1", 4),
      new Source("file: pysr/pysr-0.8-multi/hall_of_fame_2021-11-02_080910.csv, output: 2", 3),
      new Source("file: pysr/pysr-0.16/hall_of_fame_2023-02-17_093012.481.csv", 6),
      new Source("file: pysr/pysr-0.16-multi/hall_of_fame_2023-05-30_171819.004.csv, output: 1", 3),
      new Source("file: pysr/pysr-0.16-multi/hall_of_fame_2023-05-30_171819.004.csv, output: 2", 2),
      new Source("file: pysr/pysr-1.3/outputs/20240611_142233_k3Jq9Z/hall_of_fame.csv", 6),
      new Source("file: pysr/symbolicregression-jl/hall_of_fame.csv, variables: one-based", 5));

  @TempDir Path project;

  @Test
  void everyEquationOfEveryEraCompilesAndSimulatesBitAccurately() throws IOException, URISyntaxException {
    Path eras = Path.of(getClass().getResource("/io/github/srhls/core/pysr/eras").toURI());
    StringBuilder model = new StringBuilder("format: sr-hls/v1\nname: eras\n"
        + "inputs: {count: 5, range: [0.5, 2]}\noutputs:\n");
    int outputs = 0;
    for (int s = 0; s < SOURCES.size(); s++) {
      for (int r = 0; r < SOURCES.get(s).rows(); r++) {
        model.append("  - {name: s").append(s).append("_row").append(r).append(", pysr: {")
            .append(SOURCES.get(s).pysr()).append(", select: {row: ").append(r).append("}}}\n");
        outputs++;
      }
    }
    model.append("precision: {default: \"ap_fixed<24,10,AP_RND,AP_SAT>\"}\ntestbench: {vectors: 300}\n");
    TempProject temp = TempProject.with(project, "eras.sr.yaml", model.toString());
    copyTree(eras, temp.models().resolve("pysr"));

    assertEquals(List.of("eras"), temp.generate().generated());
    TestResult simulated = temp.simulate();
    assertEquals(1, simulated.models().size());
    TestResult.ModelOutcome m = simulated.models().get(0);
    assertEquals(300, m.vectors());
    assertEquals(0, m.mismatches());
    assertEquals(34, outputs, "equations in the fixtures: 5 + 4 + 3 + 6 + 3 + 2 + 6 + 5");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
