package io.github.srhls.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.sim.StandinProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestOrchestratorTest {

  @TempDir Path dir;

  private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final BuildLog log = new BuildLog() {
    @Override
    public void info(String message) {
      infos.add(message);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public void debug(String message) {}
  };

  private TestResult run(Path out) {
    return new TestOrchestrator(StandinProjects.headers())
        .run(new TestRequest(dir, out, dir.resolve("work"), null, List.of(), null, log));
  }

  @Test
  void simulatesEveryGeneratedProjectInNameOrderAndSkipsVendorMathAndForeignDirectories() throws Exception {
    Path out = dir.resolve("out");
    StandinProjects.copy(out, "zeta");
    StandinProjects.copy(out, "alpha");
    StandinProjects.manifest(StandinProjects.copy(out, "vendor"), 0.01, false);
    Files.createDirectories(out.resolve("not_ours/firmware"));
    Files.writeString(out.resolve("stray.txt"), "a file, not a project");

    TestResult result = run(out);

    assertEquals(List.of(
        new TestResult.ModelOutcome("alpha", 8, 0, dir.resolve("work/alpha/report.json")),
        new TestResult.ModelOutcome("zeta", 8, 0, dir.resolve("work/zeta/report.json"))), result.models());
    assertTrue(Files.isRegularFile(dir.resolve("work/zeta/report.json")));
    assertFalse(Files.exists(dir.resolve("work/vendor")));
    assertFalse(Files.exists(dir.resolve("work/not_ours")));
    assertTrue(infos.contains("vendor calls vendor math functions that only the vendor's HLS tools can simulate; "
        + "skipping its host simulation"), infos.toString());
    assertTrue(infos.indexOf("alpha: 8 vectors match bit for bit")
        < infos.indexOf("zeta: 8 vectors match bit for bit"));
    assertEquals(List.of(), warnings);
  }

  @Test
  void runsEveryModelThenFailsListingEachFailureAndWhy() {
    Path out = dir.resolve("out");
    Path broken = StandinProjects.copy(out, "broken");
    StandinProjects.edit(broken.resolve("tb_data/tb_output_predictions.dat"),
        t -> t.replace("0.875 -6.25", "0.875 -6"));
    StandinProjects.copy(out, "good");
    Path strict = StandinProjects.copy(out, "strict");
    StandinProjects.manifest(strict, 1e-6, true);
    Path uncompilable = StandinProjects.copy(out, "uncompilable");
    StandinProjects.edit(uncompilable.resolve("uncompilable_test.cpp"), t -> t.replace("int main(", "int main(("));

    SrHlsException e = assertThrows(SrHlsException.class, () -> run(out));

    String[] lines = e.getMessage().split("\n");
    assertEquals("host simulation failed for 3 of 4 models:", lines[0]);
    assertTrue(lines[1].startsWith("  broken: the testbench returned exit code 1;"), lines[1]);
    assertTrue(lines[1].contains("1 of 16 values differ from tb_output_predictions.dat; first: vector 4, output y1: "
        + "expected -6.0, got -6.25"), lines[1]);
    assertTrue(lines[1].endsWith("(report: " + dir.resolve("work/broken/report.json") + ")"), lines[1]);
    assertTrue(lines[2].startsWith("  strict: output y1 is up to 0.003662109375 away from the float64 reference"),
        lines[2]);
    assertTrue(lines[3].startsWith("  uncompilable: cannot compile the host simulation of model 'uncompilable'"),
        lines[3]);
    assertTrue(e.getMessage().contains(uncompilable.resolve("uncompilable_test.cpp").toAbsolutePath() + ":"));
    assertFalse(e.getMessage().contains("good"));
    assertTrue(Files.isRegularFile(dir.resolve("work/good/report.json")), "models after a failure still ran");
  }

  @Test
  void nothingToSimulateIsNotAnError() {
    TestResult result = run(dir.resolve("missing"));
    assertEquals(List.of(), result.models());
    assertEquals(List.of("no generated project to simulate under " + dir.resolve("missing")), infos);
  }
}
