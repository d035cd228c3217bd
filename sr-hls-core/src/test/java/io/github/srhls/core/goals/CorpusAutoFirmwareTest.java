package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus equations that plan under {@code auto} (all but the one whose divisor is 0 inside [0.5, 2]^2, see
 * {@code design.CorpusAutoPlanTest}) become firmware whose host simulation agrees bit for bit with the Java model
 * and never overflows: the tighter ranges size integer bits that hold.
 */
class CorpusAutoFirmwareTest {
  @TempDir Path project;

  @Test
  void theCorpusUnderAutoSimulatesBitAccuratelyWithoutOverflow() throws IOException {
    List<Path> files = SharedCorpus.csvFiles();
    TempProject temp = TempProject.at(project);
    Path models = temp.models();
    Files.createDirectories(models.resolve("pysr"));
    int outputs = 0;
    for (int f = 0; f < files.size(); f++) {
      Path csv = Files.copy(files.get(f), models.resolve("pysr/corpus" + f + ".csv"));
      int n = HallOfFame.read(csv).rows().size();
      StringBuilder model = new StringBuilder("format: sr-hls/v1\nname: corpus" + f + "\n"
          + "inputs: {count: 30, range: [0.5, 2]}\noutputs:\n");
      for (int r = 0; r < n; r++) {
        if (files.get(f).getFileName().toString().startsWith("mis0butter_julia_learn") && r == 6) {
          continue;
        }
        outputs++;
        model.append("  - {name: row").append(r).append(", pysr: {file: pysr/corpus").append(f)
            .append(".csv, select: {row: ").append(r).append("}, variables: one-based}}\n");
      }
      model.append("precision: {default: \"ap_fixed<24,10,AP_RND,AP_SAT>\", internal: auto}\n"
          + "testbench: {vectors: 500}\n");
      Files.writeString(models.resolve("corpus" + f + ".sr.yaml"), model);
    }
    assertEquals(28, outputs);
    GenerateResult generated = temp.generate();
    assertEquals(4, generated.generated().size());
    TestResult simulated = temp.simulate();
    assertEquals(4, simulated.models().size());
    for (TestResult.ModelOutcome m : simulated.models()) {
      assertEquals(500, m.vectors(), m.model());
      assertEquals(0, m.mismatches(), m.model());
      String report = Files.readString(m.report());
      assertTrue(report.contains("\"overflows\" : { }"), m.model() + ": " + report);
    }
  }
}
