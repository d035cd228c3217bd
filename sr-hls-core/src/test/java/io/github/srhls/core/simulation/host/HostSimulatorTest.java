package io.github.srhls.core.simulation.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.diag.BuildLog;
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

  private SimulationReport simulate(Path project, List<String> flags, Duration timeout) {
    HostSimulator simulator = new HostSimulator(HostCompiler.locate(null), flags, timeout,
        StandinProjects.headers(), BuildLog.silent());
    return simulator.simulate(project, ProjectManifest.read(project), dir.resolve("work/affine"));
  }

  private SimulationReport simulate(Path project, List<String> flags) {
    return simulate(project, flags, Duration.ofMinutes(2));
  }

  @Test
  void aCorrectProjectPassesAndGetsAReport() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    SimulationReport report = simulate(project, List.of());

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

    JsonNode json = new ObjectMapper().readTree(work.resolve("report.json").toFile());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("model", "version", "digest", "vectors", "mismatches", "errorVsFloat64",
        "classAgreement", "overflows", "tolerance", "timings", "failures", "passed"), keys);
    assertTrue(json.get("classAgreement").isNull(), "the stand-in does not ask for class agreement");
    assertEquals("affine", json.get("model").asText());
    assertEquals("1.2.0", json.get("version").asText());
    assertEquals(List.of("y0", "y1"), iterate(json.get("errorVsFloat64")));
    // copied from the manifest, in key order
    assertEquals(List.of("y0", "y1"), iterate(json.get("overflows")));
    assertEquals(2, json.get("overflows").get("y0").asLong());
    assertEquals(0.01, json.get("tolerance").asDouble());
    assertTrue(json.get("timings").get("compileMillis").asLong() > 0);
    assertTrue(json.get("passed").asBoolean());
  }

  @Test
  void aWrongValueFailsThroughTheTestbenchAndTheComparison() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("tb_data/tb_output_predictions.dat"),
        text -> text.replace("0.921875 0.09375", "0.921875 0.09765625"));
    SimulationReport report = simulate(project, List.of());

    assertFalse(report.passed());
    assertEquals(1, report.mismatches().count());
    SimulationReport.Mismatch m = report.mismatches().first().get(0);
    assertEquals(new SimulationReport.Mismatch(3, "y1", 0.09765625, 0.09375), m);
    assertEquals(List.of("y0", "y1"), List.copyOf(report.mismatches().byOutput().keySet()));
    assertEquals(List.of(0, 1), List.copyOf(report.mismatches().byOutput().values()));
    assertEquals(2, report.failures().size(), report.failures().toString());
    assertEquals("the testbench returned exit code 1; its output is in csim.log beside the report",
        report.failures().get(0));
    assertEquals("1 of 16 values differ from tb_output_predictions.dat; first: vector 3, output y1: expected "
        + "0.09765625, got 0.09375", report.failures().get(1));
    assertTrue(Files.isRegularFile(dir.resolve("work/affine/report.json")));
  }

  @Test
  void ourComparisonCatchesMismatchesEvenWhenTheTestbenchExitsWithZero() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("tb_data/tb_output_predictions.dat"),
        text -> text.replace("1 0\n", "1 -0\n").replace("6.296875 0.046875", "6.296875 0.05"));
    SimulationReport report = simulate(project, List.of("-DSTANDIN_SKIP_CHECK"));

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
    assertFalse(Files.exists(dir.resolve("work/affine/report.json")));
  }

  @Test
  void anErrorAboveTheToleranceFails() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.manifest(project, 0.001, true);
    SimulationReport report = simulate(project, List.of());

    assertFalse(report.passed());
    assertEquals(0, report.mismatches().count());
    assertEquals(List.of("output y1 is up to " + Y1_MAX_ERROR + " away from the float64 reference (mean "
        + report.errorVsFloat64().get("y1").meanAbsError() + "), above the tolerance 0.001"), report.failures());
  }

  @Test
  void withoutToleranceTheFloatErrorIsOnlyReported() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.manifest(project, null, true);
    SimulationReport report = simulate(project, List.of());
    assertTrue(report.passed(), report.failures().toString());
    assertEquals(Y1_MAX_ERROR, report.errorVsFloat64().get("y1").maxAbsError());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aCrashFailsEvenWithCorrectResults() {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    SimulationReport report = simulate(project, List.of("-DSTANDIN_CRASH"));
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
  void aStaleReportIsRemovedWhenARunCannotMakeOne() throws Exception {
    Path project = StandinProjects.copy(dir.resolve("out"), "affine");
    simulate(project, List.of());
    Path report = dir.resolve("work/affine/report.json");
    assertTrue(Files.exists(report));
    Files.delete(project.resolve("tb_data/tb_output_float64.dat"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> simulate(project, List.of()));
    assertTrue(e.getMessage().contains("tb_output_float64.dat is missing; run sr-hls:generate again"),
        e.getMessage());
    StandinProjects.copy(dir.resolve("out"), "affine");
    StandinProjects.edit(project.resolve("firmware/affine.cpp"), text -> text + "\nsyntax error here\n");
    assertThrows(SrHlsException.class, () -> simulate(project, List.of()));
    assertFalse(Files.exists(report), "a report from an earlier run survived a failed compile");
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

  private static List<String> iterate(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
