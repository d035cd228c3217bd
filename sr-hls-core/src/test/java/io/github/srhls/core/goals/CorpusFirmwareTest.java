package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every equation of the real PySR hall-of-fame files in ../shared/corpus becomes firmware, and the host simulation
 * of that firmware agrees bit for bit with the Java model: one model per file, one output per row.
 */
class CorpusFirmwareTest {
  @TempDir Path project;

  @Test
  void everyCorpusEquationCompilesAndSimulatesBitAccurately() throws IOException {
    List<Path> files = SharedCorpus.csvFiles();
    assertEquals(4, files.size(), "the corpus holds four files");
    TempProject temp = TempProject.at(project);
    Path models = temp.models();
    Files.createDirectories(models.resolve("pysr"));
    int rows = 0;
    for (int f = 0; f < files.size(); f++) {
      // a working copy inside the project, as a model file may only reference files there (not committed)
      Path csv = Files.copy(files.get(f), models.resolve("pysr/corpus" + f + ".csv"));
      int n = HallOfFame.read(csv).rows().size();
      rows += n;
      StringBuilder model = new StringBuilder("format: sr-hls/v1\nname: corpus" + f + "\n"
          + "inputs: {count: 30, range: [0.5, 2]}\noutputs:\n");
      for (int r = 0; r < n; r++) {
        model.append("  - {name: row").append(r).append(", pysr: {file: pysr/corpus").append(f)
            .append(".csv, select: {row: ").append(r).append("}, variables: one-based}}\n");
      }
      model.append("precision: {default: \"ap_fixed<24,10,AP_RND,AP_SAT>\"}\ntestbench: {vectors: 300}\n");
      Files.writeString(models.resolve("corpus" + f + ".sr.yaml"), model);
    }
    GenerateResult generated = temp.generate();
    assertEquals(4, generated.generated().size());
    TestResult simulated = temp.simulate();
    assertEquals(4, simulated.models().size());
    for (TestResult.ModelOutcome m : simulated.models()) {
      assertEquals(300, m.vectors(), m.model());
      assertEquals(0, m.mismatches(), m.model());
    }
    assertEquals(29, rows, "equations in the corpus: 7 + 5 + 9 + 8");
  }
}
