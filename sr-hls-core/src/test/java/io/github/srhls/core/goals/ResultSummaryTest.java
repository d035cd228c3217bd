package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines the goals end with in the build log. */
class ResultSummaryTest {

  @Test
  void generateNamesTheModelsOfEachNonEmptyGroup() {
    assertEquals("sr-hls models: 1 generated [jet_tagger], 2 up to date [muon, tau], 0 removed",
        new GenerateResult(List.of("jet_tagger"), List.of("muon", "tau"), List.of()).summary());
    assertEquals("sr-hls models: 0 generated, 0 up to date, 1 removed [old]",
        new GenerateResult(List.of(), List.of(), List.of("old")).summary());
  }

  @Test
  void testGivesEachModelsVectorsMismatchesAndReport() {
    Path report = Path.of("target", "sr-hls", "m", "report.json");
    assertEquals("sr-hls simulation of m: 500 vectors, 3 mismatches; report " + report,
        new TestResult.ModelOutcome("m", 500, 3, report).summary());
  }
}
