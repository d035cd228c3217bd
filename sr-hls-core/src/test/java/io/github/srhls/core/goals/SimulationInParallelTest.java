package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models simulated in parallel give the serial run's log, line for line, and its reports, byte for byte. */
class SimulationInParallelTest {
  @TempDir Path dir;

  @Test
  void modelsSimulatedInParallelGiveTheSerialLogAndReports() throws IOException {
    List<String> serialLog = null;
    Map<String, String> serialReports = null;
    for (int threads : new int[] {1, 3}) {
      TempProject p = TempProject.at(dir.resolve("t" + threads));
      for (int k = 0; k < 3; k++) {
        Files.writeString(p.models().resolve("m" + k + ".sr.yaml"), "format: sr-hls/v1\nname: m" + k + "\n"
            + "inputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}]\n"
            + "outputs: [{name: y, expression: 'a * " + (k + 2) + ".5 - b'}]\ntestbench: {vectors: 50, seed: " + k
            + "}\n");
      }
      // the user's parameter (sr-hls.threads), through the requests
      new GenerateOrchestrator().run(p.generateRequest().rtl(false).threads(threads).build());
      Lines log = new Lines();
      TestResult result = new TestOrchestrator(IncludeHeaders.builtIn(), System.getenv())
          .run(TestRequest.builder().projectDirectory(p.root()).outputDirectory(p.out()).workDirectory(p.work())
              .reportsDirectory(p.root().resolve("target/surefire-reports")).threads(threads).log(log).build());
      result.models().forEach(m -> log.lines.add("result: " + m.summary().replace(p.root().toString(), "")));
      Map<String, String> reports = reports(p.root().resolve("target"));
      if (serialLog == null) {
        serialLog = log.lines;
        serialReports = reports;
        assertTrue(serialLog.stream().filter(l -> l.contains("vectors match bit for bit")).count() == 3,
            serialLog::toString);
      } else {
        assertEquals(serialLog, log.lines, "the log of a parallel run is the serial one, line for line");
        assertEquals(serialReports, reports, "every report is the same");
      }
    }
  }

  /** Every line in order, its level first, with the seconds a step took and the process ids taken out. */
  private static final class Lines implements BuildLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
      // a tool's lines name its process, whose id differs from run to run, serial or not
      lines.add("info: " + message.replaceAll("\\(\\d+\\.\\d s\\)", "(_ s)").replaceAll("^\\[([\\w-]+):\\d+\\]", "[$1:_]"));
    }

    @Override
    public void warn(String message) {
      lines.add("warn: " + message);
    }

    @Override
    public void debug(String message) {}
  }

  /** The reports (report.json, JUnit XML) by path; the times measured taken out. */
  private static Map<String, String> reports(Path target) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String name = f.getFileName().toString();
        if (name.equals("report.json") || name.endsWith(".xml")) {
          files.put(target.relativize(f).toString(), Files.readString(f).replaceAll("time=\"[0-9.]+\"", "time=\"_\"")
              .replaceAll("\"(compileMillis|runMillis|vectorsPerSecond)\" : \\d+", "\"$1\" : _"));
        }
      }
    }
    return files;
  }
}
