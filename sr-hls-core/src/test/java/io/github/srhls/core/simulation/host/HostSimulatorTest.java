package io.github.srhls.core.simulation.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the stand-in project with the real host compiler. */
class HostSimulatorTest {

  /** Largest truncation error in the stand-in data: 0.507568359375 - 0.50390625 (vector 5, y1). */
  private static final double Y1_MAX_ERROR = 0.003662109375;

  @TempDir Path dir;

  private SimulationResult simulate(Path project, List<String> flags, Duration timeout) {
    HostSimulator simulator = new HostSimulator(HostCompiler.locate(null), flags, timeout,
        StandinProjects.headers(), BuildLog.silent());
    return simulator.simulate(project, ProjectManifest.read(project), dir.resolve("work/affine"));
  }

  private SimulationResult simulate(Path project, List<String> flags) {
    return simulate(project, flags, Duration.ofMinutes(2));
  }

  @Test
  void aCorrectProjectPasses() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    SimulationResult report = simulate(project, List.of());

    assertTrue(report.passed(), report.failures().toString());
    assertEquals(List.of(), report.failures());
    assertEquals(8, report.vectors());
    assertEquals(0, report.mismatches().count());
    assertEquals(0.0, report.errorVsFloat64().get("y0").maxAbsError());
    assertEquals(Y1_MAX_ERROR, report.errorVsFloat64().get("y1").maxAbsError());
    double meanY1 = (0.003662109375 + 0.002197265625 + 0.003662109375) / 8;
    assertEquals(meanY1, report.errorVsFloat64().get("y1").meanAbsError(), 1e-15);

    Path work = dir.resolve("work/affine");
    assertTrue(Files.isRegularFile(work.resolve("include/standin_quantize.h")));
    assertTrue(Files.isRegularFile(work.resolve("csim.exe")));
    assertEquals(StandinProjects.lines(project.resolve("tb_data/tb_output_predictions.dat")),
        StandinProjects.lines(work.resolve("csim_results.dat")));
    assertTrue(Files.readString(work.resolve("csim.log")).contains("affine: 8 vectors, 0 mismatches"));

    assertEquals(List.of("y0", "y1"), List.copyOf(report.errorVsFloat64().keySet()));
    assertNull(report.classAgreement(), "the stand-in does not ask for class agreement");
    assertTrue(report.timings().compileMillis() > 0);
    assertFalse(Files.exists(work.resolve("report.json")), "the report package writes the report");
  }

  @Test
  void aWrongValueFailsThroughTheTestbenchAndTheComparison() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("tb_data/tb_output_predictions.dat"),
        text -> text.replace("0.921875 0.09375", "0.921875 0.09765625"));
    SimulationResult report = simulate(project, List.of());

    assertFalse(report.passed());
    assertEquals(1, report.mismatches().count());
    SimulationResult.Mismatch m = report.mismatches().first().get(0);
    assertEquals(new SimulationResult.Mismatch(3, "y1", 0.09765625, 0.09375), m);
    assertEquals(List.of("y0", "y1"), List.copyOf(report.mismatches().byOutput().keySet()));
    assertEquals(List.of(0, 1), List.copyOf(report.mismatches().byOutput().values()));
    assertEquals(2, report.failures().size(), report.failures().toString());
    assertEquals("the testbench returned exit code 1; its output is in csim.log beside the report",
        report.failures().get(0));
    assertEquals("1 of 16 values differ from tb_output_predictions.dat; first: vector 3, output y1: expected "
        + "0.09765625, got 0.09375", report.failures().get(1));
  }

  @Test
  void ourComparisonCatchesMismatchesEvenWhenTheTestbenchExitsWithZero() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("tb_data/tb_output_predictions.dat"),
        text -> text.replace("1 0\n", "1 -0\n").replace("6.296875 0.046875", "6.296875 0.05"));
    SimulationResult report = simulate(project, List.of("-DSTANDIN_SKIP_CHECK"));

    assertFalse(report.passed());
    assertEquals(2, report.mismatches().count(), "-0 differs from 0 bit for bit, 0.05 from 0.046875");
    assertEquals(6, report.mismatches().first().get(0).vector());
    assertEquals(7, report.mismatches().first().get(1).vector());
    assertEquals(1, report.failures().size(), report.failures().toString());
  }

  @Test
  void aCompileErrorNamesTheGeneratedFileAndLine() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("firmware/affine.cpp"),
        text -> text.replace("  y[1] = standin_quantize(x[0] * x[1]);", "  y[1] = undeclared_thing(x[0]);"));
    int line = StandinProjects.lines(project.resolve("firmware/affine.cpp")).indexOf("  y[1] = undeclared_thing(x[0]);")
        + 1;
    SrHlsException e = assertThrows(SrHlsException.class, () -> simulate(project, List.of()));

    String message = e.getMessage();
    assertTrue(message.startsWith("cannot compile the host simulation of model 'affine' ("), message);
    String where = project.resolve("firmware/affine.cpp").toAbsolutePath() + ":" + line + ":";
    assertTrue(message.contains("\n  " + where), message);
    assertTrue(message.contains("error:") && message.contains("undeclared_thing"), message);
    assertTrue(message.endsWith("full compiler output: " + dir.resolve("work/affine/compile.log")), message);
  }

  @Test
  void anErrorAboveTheToleranceFails() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.manifest(project, 0.001, true);
    SimulationResult report = simulate(project, List.of());

    assertFalse(report.passed());
    assertEquals(0, report.mismatches().count());
    // numbers to three digits (they were raw doubles) and what to do
    assertEquals(List.of("output y1 is up to " + Decimal.brief(Y1_MAX_ERROR) + " away from the float64 reference"
        + " (mean " + Decimal.brief(report.errorVsFloat64().get("y1").meanAbsError()) + "), above the tolerance"
        + " 0.001; if that error is acceptable, raise testbench.tolerance to " + Decimal.ceiling(Y1_MAX_ERROR)
        + ", else make the firmware more precise: wider types (precision.default or the output's type), or"
        + " precision.internal: auto with precision.error below the tolerance"), report.failures());
  }

  @Test
  void withoutToleranceTheFloatErrorIsOnlyReported() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.manifest(project, null, true);
    SimulationResult report = simulate(project, List.of());
    assertTrue(report.passed(), report.failures().toString());
    assertEquals(Y1_MAX_ERROR, report.errorVsFloat64().get("y1").maxAbsError());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aCrashFailsEvenWithCorrectResults() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    SimulationResult report = simulate(project, List.of("-DSTANDIN_CRASH"));
    assertFalse(report.passed());
    assertEquals(0, report.mismatches().count());
    assertEquals(1, report.failures().size());
    assertTrue(report.failures().get(0).startsWith("the testbench crashed (exit status 134, probably signal 6, "
        + "SIGABRT)"), report.failures().get(0));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aHangingTestbenchIsStoppedAtTheTimeout() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> simulate(project, List.of("-DSTANDIN_HANG"), Duration.ofSeconds(4)));
    assertTrue(e.getMessage().startsWith("csim-affine did not finish within 4 s"), e.getMessage());
  }

  @Test
  void staleResultsAreRemovedWhenARunCannotMakeThem() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    simulate(project, List.of());
    Path results = dir.resolve("work/affine/csim_results.dat");
    assertTrue(Files.exists(results));
    Files.delete(project.resolve("tb_data/tb_output_float64.dat"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> simulate(project, List.of()));
    assertTrue(e.getMessage().contains("tb_output_float64.dat is missing; run sr-hls:generate again"),
        e.getMessage());
    StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("firmware/affine.cpp"), text -> text + "\nsyntax error here\n");
    assertThrows(SrHlsException.class, () -> simulate(project, List.of()));
    assertFalse(Files.exists(results), "results from an earlier run survived a failed compile");
  }

  @Test
  void compileFailureWithoutErrorLinesShowsTheLastOutput() {
    var result = new io.github.srhls.core.process.ToolResult("g++", 1, 1,
        List.of("/usr/bin/ld: main.o: undefined reference to `affine'", "collect2: error: ld returned 1 exit status"),
        Duration.ZERO);
    String message = HostSimulator.compileFailure("affine", result, Path.of("compile.log"));
    assertEquals("cannot compile the host simulation of model 'affine' (g++ exit code 1):\n"
        + "  /usr/bin/ld: main.o: undefined reference to `affine'\n"
        + "  collect2: error: ld returned 1 exit status\n"
        + "full compiler output: compile.log", message);
  }

  @Test
  void manyCompileErrorsAreCappedInTheMessage() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      lines.add("/p/firmware/m.cpp:" + i + ":3: error: problem " + i);
      lines.add("    context line " + i);
    }
    var result = new io.github.srhls.core.process.ToolResult("clang++", 1, 1, lines, Duration.ZERO);
    String message = HostSimulator.compileFailure("m", result, Path.of("compile.log"));
    assertTrue(message.contains("/p/firmware/m.cpp:5:3: error: problem 5"), message);
    assertFalse(message.contains("problem 6"), message);
    assertFalse(message.contains("context line"), message);
    assertTrue(message.contains("\n  ... and 3 more errors\n"), message);
  }
}
