package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.FileClock;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.Xml;
import io.github.srhls.core.simulation.host.StandinProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class TestOrchestratorTest {

  @TempDir Path dir;

  private final RecordingBuildLog log = new RecordingBuildLog();

  private TestResult run(Path out) {
    return new TestOrchestrator(StandinProjects.headers())
        .run(TestRequest.builder().projectDirectory(dir).outputDirectory(out).workDirectory(dir.resolve("work"))
            .reportsDirectory(dir.resolve("reports")).log(log).build());
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
    assertTrue(log.infos.contains("vendor calls vendor math functions that only the vendor's HLS tools can simulate; "
        + "skipping its host simulation"), log.infos.toString());
    int alpha = indexOfMatch("alpha: 8 vectors match bit for bit \\(\\d+\\.\\d s\\)");
    int zeta = indexOfMatch("zeta: 8 vectors match bit for bit \\(\\d+\\.\\d s\\)");
    assertTrue(alpha >= 0 && alpha < zeta, log.infos.toString());
    assertEquals(List.of(), log.warnings);

    // JUnit XML: one suite per model, one passing case per output; the vendor-only model's outputs are skipped
    Element alphaSuite = suite("alpha");
    assertEquals("2", alphaSuite.getAttribute("tests"));
    assertEquals("0", alphaSuite.getAttribute("failures"));
    assertEquals(List.of("y0", "y1"), Xml.children(alphaSuite, "testcase").stream().map(c -> c.getAttribute("name"))
        .toList());
    assertTrue(Xml.children(alphaSuite, "testcase").stream().noneMatch(Element::hasChildNodes));
    Element vendor = suite("vendor");
    assertEquals("2", vendor.getAttribute("skipped"));
    assertTrue(Files.notExists(dir.resolve("reports/TEST-sr-hls.not_ours.xml")));
  }

  @Test
  void removesTheTestReportOfAModelThatIsGoneAndLeavesOtherReportsAlone() throws Exception {
    Path out = dir.resolve("out");
    StandinProjects.copy(out, "kept");
    Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("reports/TEST-sr-hls.gone.xml"), "<testsuite/>");
    Files.writeString(dir.resolve("reports/TEST-com.example.FooTest.xml"), "<testsuite/>");

    run(out);

    assertTrue(Files.isRegularFile(dir.resolve("reports/TEST-sr-hls.kept.xml")));
    assertTrue(Files.notExists(dir.resolve("reports/TEST-sr-hls.gone.xml")));
    assertTrue(Files.isRegularFile(dir.resolve("reports/TEST-com.example.FooTest.xml")));
  }

  @Test
  void aModelThatPassedIsNotSimulatedAgainUntilItsProjectOrCompilerFlagsChange() throws Exception {
    Path out = dir.resolve("out");
    Path project = StandinProjects.copy(out, "m");
    Path executable = dir.resolve("work/m/csim.exe");
    run(out);
    FileTime built = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(executable, built);
    Files.delete(dir.resolve("reports/TEST-sr-hls.m.xml"));

    TestResult again = run(out);
    assertEquals(built, Files.getLastModifiedTime(executable), "not compiled again");
    assertEquals(List.of(new TestResult.ModelOutcome("m", 8, 0, dir.resolve("work/m/report.json"))),
        again.models());
    assertEquals("m: up to date, not simulated again (the generated project, compiler and flags are unchanged "
        + "since it passed with 8 vectors)", log.infos.get(log.infos.size() - 1));
    assertEquals("2", suite("m").getAttribute("tests"), "the JUnit XML is written from the earlier report");

    // other compiler flags: simulated again
    new TestOrchestrator(StandinProjects.headers())
        .run(TestRequest.builder().projectDirectory(dir).outputDirectory(out).workDirectory(dir.resolve("work"))
            .compilerFlags(List.of("-O1")).log(log).build());
    assertTrue(Files.getLastModifiedTime(executable).compareTo(built) > 0);

    // a changed generated project: simulated again, and a failure is never taken as up to date
    Files.setLastModifiedTime(executable, built);
    StandinProjects.edit(project.resolve("tb_data/tb_output_predictions.dat"),
        t -> t.replace("0.875 -6.25", "0.875 -6"));
    assertThrows(SrHlsException.class, () -> run(out));
    assertTrue(Files.getLastModifiedTime(executable).compareTo(built) > 0);
    Files.setLastModifiedTime(executable, built);
    assertThrows(SrHlsException.class, () -> run(out));
    assertTrue(Files.getLastModifiedTime(executable).compareTo(built) > 0);
  }

  @Test
  void aWarmRunReadsNoFileOfTheUnchangedProjectAndAFileRewrittenWithTheSameSizeAndTimeIsReadAgain()
      throws Exception {
    Path out = dir.resolve("out");
    Path project = StandinProjects.copy(out, "m");
    long files;
    try (var walk = Files.walk(project)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    FileClock.pastChangesUnder(project);
    Map<String, Integer> read = new TreeMap<>();
    TestProbe probe = new TestProbe() {
      @Override
      public void filesRead(String model, int n) {
        read.put(model, n);
      }
    };
    TestRequest request = TestRequest.builder().projectDirectory(dir).outputDirectory(out)
        .workDirectory(dir.resolve("work")).log(log).build();
    TestOrchestrator orchestrator = new TestOrchestrator(StandinProjects.headers(), System.getenv(), 1, probe);
    orchestrator.run(request);
    assertEquals(Map.of("m", (int) files), read, "a cold run reads every file of the generated project");
    orchestrator.run(request);
    assertEquals(Map.of("m", 0), read, "a warm run reads none");
    assertTrue(log.infos.get(log.infos.size() - 1).startsWith("m: up to date"), log.infos.toString());

    // the expected outputs rewritten with the same size and their old modification time: read, and simulated
    Path expected = project.resolve("tb_data/tb_output_predictions.dat");
    FileTime modified = Files.getLastModifiedTime(expected);
    long size = Files.size(expected);
    StandinProjects.edit(expected, t -> t.replace("0.875 -6.25", "0.875 -6.75"));
    Files.setLastModifiedTime(expected, modified);
    assertEquals(size, Files.size(expected));
    assertThrows(SrHlsException.class, () -> orchestrator.run(request));
    assertEquals(Map.of("m", 1), read);
  }

  @Test
  void eachRunWritesTheReportAndOneThatCannotSimulateRemovesTheEarlierOne() throws Exception {
    Path out = dir.resolve("out");
    Path project = StandinProjects.copy(out, "m");
    run(out);
    ModelReport report = ModelReport.read(dir.resolve("work/m")).orElseThrow();
    assertEquals("m", report.model());
    assertEquals(8, report.host().vectors());
    assertTrue(report.host().passed());

    StandinProjects.edit(project.resolve("firmware/m.cpp"), text -> text + "\nsyntax error here\n");
    assertThrows(SrHlsException.class, () -> run(out));
    assertFalse(Files.exists(dir.resolve("work/m/report.json")), "a report of an earlier run survived");
  }

  private int indexOfMatch(String regex) {
    for (int i = 0; i < log.infos.size(); i++) {
      if (log.infos.get(i).matches(regex)) {
        return i;
      }
    }
    return -1;
  }

  private Element suite(String model) throws Exception {
    return Xml.parse(dir.resolve("reports/TEST-sr-hls." + model + ".xml")).getDocumentElement();
  }

  private static Element only(Element parent, String tag) {
    List<Element> found = Xml.children(parent, tag);
    assertEquals(1, found.size(), tag);
    return found.get(0);
  }

  @Test
  void runsEveryModelThenFailsListingEachFailureAndWhy() throws Exception {
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
    assertTrue(lines[2].startsWith("  strict: output y1 is up to 0.00366 away from the float64 reference"),
        lines[2]);
    assertTrue(lines[3].startsWith("  uncompilable: cannot compile the host simulation of model 'uncompilable'"),
        lines[3]);
    assertTrue(e.getMessage().contains(uncompilable.resolve("uncompilable_test.cpp").toAbsolutePath() + ":"));
    assertFalse(e.getMessage().contains("good"));
    assertTrue(Files.isRegularFile(dir.resolve("work/good/report.json")), "models after a failure still ran");

    // JUnit XML: the mismatching output fails with its first mismatching vector and that vector's inputs
    Element brokenSuite = suite("broken");
    assertEquals("1", brokenSuite.getAttribute("failures"));
    List<Element> brokenCases = Xml.children(brokenSuite, "testcase");
    assertFalse(brokenCases.get(0).hasChildNodes(), "y0 matches");
    Element failure = only(brokenCases.get(1), "failure");
    assertEquals("sr-hls.mismatch", failure.getAttribute("type"));
    assertEquals("y1: 1 of 8 values differ from the bit-accurate expectation", failure.getAttribute("message"));
    assertTrue(failure.getTextContent().contains("  vector 4 (x0=2.0, x1=-3.125): expected -6.0, got -6.25\n"),
        failure.getTextContent());
    // the tolerance failure is on the output that is too far from float64
    Element tolerance = only(Xml.children(suite("strict"), "testcase").get(1), "failure");
    assertEquals("sr-hls.tolerance", tolerance.getAttribute("type"));
    String toleranceMessage = tolerance.getAttribute("message");
    assertTrue(toleranceMessage.startsWith("y1: up to 0.00366 away from the float64 reference (mean "),
        toleranceMessage);
    assertTrue(toleranceMessage.contains("), above the tolerance 1e-06; if that error is acceptable, raise"
        + " testbench.tolerance to 0.0037, else make the firmware more precise"), toleranceMessage);
    assertTrue(Xml.children(suite("strict"), "testcase").get(0).getChildNodes().getLength() == 0);
    // a project that does not compile errors on every output, with the compiler's message
    Element uncompilableSuite = suite("uncompilable");
    assertEquals("2", uncompilableSuite.getAttribute("errors"));
    Element error = only(Xml.children(uncompilableSuite, "testcase").get(0), "error");
    assertTrue(error.getAttribute("message").startsWith("cannot compile the host simulation of model"),
        error.getAttribute("message"));
    assertTrue(error.getTextContent().contains("uncompilable_test.cpp:"), error.getTextContent());
    assertEquals("0", suite("good").getAttribute("failures"));
  }

  @Test
  void nothingToSimulateIsNotAnError() {
    TestResult result = run(dir.resolve("missing"));
    assertEquals(List.of(), result.models());
    assertEquals(List.of("no generated project to simulate under " + dir.resolve("missing")), log.infos);
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefusedWithWhereToSetIt() {
    for (Duration timeout : List.of(Duration.ZERO, Duration.ofSeconds(-5))) {
      SrHlsException e = assertThrows(SrHlsException.class,
          () -> TestRequest.builder().projectDirectory(dir).outputDirectory(dir.resolve("out"))
              .workDirectory(dir.resolve("work")).timeout(timeout).log(log).build());
      assertEquals("sr-hls:test timeout must be a positive number of seconds, not " + timeout.toSeconds()
          + " (set <timeout> or -Dsr-hls.timeout)", e.getMessage());
    }
  }
}
