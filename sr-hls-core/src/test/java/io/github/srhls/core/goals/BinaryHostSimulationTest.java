package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.HostCompiler;
import io.github.srhls.core.simulation.host.HostSimulator;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host simulation from the exact binary data files gives what the decimal files give: the same result and
 * report, the same results file byte for byte, the same testbench output, with mismatches and without.
 */
class BinaryHostSimulationTest {
  @TempDir Path dir;

  private static final String MODEL = """
      format: sr-hls/v1
      name: tagger
      inputs: {count: 6, range: [-2, 2], type: 'ap_fixed<16,6>'}
      outputs:
        - {name: a, expression: "0.42*sin(x0 + x3)*cos(x5) + 0.31*x1*x2 - 0.18*x4"}
        - {name: b, expression: "x0*x1*x2 - 1e-6"}
        - {name: c, expression: "cos(x2 - x4)*x3 + 1000*x5"}
      precision: {default: 'ap_fixed<30,14>'}
      testbench: {vectors: 3000, seed: 9, classify: true}
      """;

  @Test
  void binaryAndDecimalDataGiveTheSameResultBitForBit() throws IOException {
    TempProject p = TempProject.with(dir.resolve("p"), "tagger.sr.yaml", MODEL);
    p.generate();
    Path project = p.out().resolve("tagger");
    for (String file : List.of(TestbenchData.INPUTS_BINARY, TestbenchData.EXPECTED_BINARY,
        TestbenchData.FLOAT64_BINARY)) {
      assertTrue(Files.isRegularFile(project.resolve(file)), file + " is generated");
    }
    // the binary files hold the decimal files' doubles
    for (String[] pair : new String[][] {{TestbenchData.INPUTS, TestbenchData.INPUTS_BINARY, "6"},
        {TestbenchData.EXPECTED, TestbenchData.EXPECTED_BINARY, "3"}, {TestbenchData.FLOAT64,
        TestbenchData.FLOAT64_BINARY, "3"}}) {
      int width = Integer.parseInt(pair[2]);
      double[][] rows = TestbenchData.read(project.resolve(pair[0]), width, "value").vectors()
          .toArray(double[][]::new);
      assertArrayEquals(BinaryVectors.encode(rows, width), Files.readAllBytes(project.resolve(pair[1])), pair[1]);
    }

    compareBothWays(project, "passing");

    // mismatches: the same expected values changed in both forms
    Path expectedFile = project.resolve(TestbenchData.EXPECTED);
    double[][] expected = TestbenchData.read(expectedFile, 3, "output").vectors().toArray(double[][]::new);
    for (int v = 5; v < expected.length; v += 97) {
      expected[v][v % 3] = v % 2 == 0 ? expected[v][v % 3] + 0x1p-16 : -expected[v][v % 3];
    }
    Files.writeString(expectedFile, TestbenchData.format(expected));
    Files.write(project.resolve(TestbenchData.EXPECTED_BINARY), BinaryVectors.encode(expected, 3));
    SimulationResult failing = compareBothWays(project, "failing");
    assertFalse(failing.passed());
    assertTrue(failing.mismatches().count() > 20, failing.mismatches().toString());
  }

  /** The JUnit report shows a mismatching vector's inputs, read from the binary file by its index alone. */
  @Test
  void aMismatchShowsItsInputsFromTheBinaryFile() throws IOException {
    TempProject p = TempProject.with(dir.resolve("p"), "tagger.sr.yaml", MODEL);
    p.generate();
    Path project = p.out().resolve("tagger");
    Path expectedFile = project.resolve(TestbenchData.EXPECTED);
    double[][] expected = TestbenchData.read(expectedFile, 3, "output").vectors().toArray(double[][]::new);
    expected[2500][1] += 1;
    Files.writeString(expectedFile, TestbenchData.format(expected));
    Files.write(project.resolve(TestbenchData.EXPECTED_BINARY), BinaryVectors.encode(expected, 3));
    // the decimal inputs file no longer says anything: what is shown comes from the binary one
    double[] inputs = TestbenchData.read(project.resolve(TestbenchData.INPUTS), 6, "input").vectors().get(2500);
    Files.writeString(project.resolve(TestbenchData.INPUTS), "");

    Path reports = dir.resolve("reports");
    assertThrows(SrHlsException.class, () -> new TestOrchestrator().run(TestRequest.builder()
        .projectDirectory(p.root()).outputDirectory(p.out()).workDirectory(p.work()).reportsDirectory(reports)
        .log(BuildLog.silent()).build()));
    String xml = Files.readString(reports.resolve("TEST-sr-hls.tagger.xml"));
    StringBuilder shown = new StringBuilder("  vector 2500 (");
    for (int i = 0; i < inputs.length; i++) {
      shown.append(i == 0 ? "" : ", ").append('x').append(i).append('=').append(inputs[i]);
    }
    assertTrue(xml.contains(shown.append("): expected ").toString()), xml);
  }

  /** Simulates the project from its binary files, then from its decimal files only, and compares everything. */
  private SimulationResult compareBothWays(Path project, String label) throws IOException {
    ProjectManifest manifest = ProjectManifest.read(project);
    HostSimulator simulator = new HostSimulator(HostCompiler.locate(null), List.of(), Duration.ofMinutes(3),
        IncludeHeaders.builtIn(), BuildLog.silent());
    Path binaryWork = dir.resolve(label + "-binary");
    SimulationResult binary = simulator.simulate(project, manifest, binaryWork);
    assertTrue(Files.isRegularFile(binaryWork.resolve("csim_comparison.txt")), "compared by the testbench");

    Path decimalProject = dir.resolve(label + "-decimal/tagger");
    copy(project, decimalProject);
    for (String file : List.of(TestbenchData.INPUTS_BINARY, TestbenchData.EXPECTED_BINARY,
        TestbenchData.FLOAT64_BINARY)) {
      Files.delete(decimalProject.resolve(file));
    }
    Path decimalWork = dir.resolve(label + "-decimal-work");
    SimulationResult decimal = simulator.simulate(decimalProject, manifest, decimalWork);
    assertFalse(Files.exists(decimalWork.resolve("csim_comparison.txt")), "compared in Java");

    assertEquals(decimal.vectors(), binary.vectors());
    assertEquals(decimal.mismatches(), binary.mismatches());
    assertEquals(decimal.errorVsFloat64(), binary.errorVsFloat64());
    assertEquals(decimal.classAgreement(), binary.classAgreement());
    assertEquals(decimal.failures(), binary.failures());
    assertArrayEquals(Files.readAllBytes(decimalWork.resolve(TestbenchData.RESULTS)),
        Files.readAllBytes(binaryWork.resolve(TestbenchData.RESULTS)), "csim_results.dat, byte for byte");
    assertEquals(Files.readString(decimalWork.resolve("csim.log")), Files.readString(binaryWork.resolve("csim.log")));
    return binary;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /**
   * The testbench's own decimal printer writes what printf("%.17g") writes, for doubles of every kind: fixed-point
   * values, ties at the 17th digit, integers, tiny and huge values, subnormals, zeros, infinities and NaN.
   */
  @Test
  void theFastDecimalPrinterIsPrintf() throws IOException, InterruptedException {
    Path include = IncludeHeaders.builtIn().extractTo(dir.resolve("include"));
    Path source = dir.resolve("g17.cpp");
    Files.writeString(source, """
        #include "srhls_csim_io.h"
        #include <cmath>
        #include <cstdlib>
        #include <cstring>
        static unsigned long long state = 88172645463325252ULL;
        static unsigned long long next() {  // xorshift64
          state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state;
        }
        int main(int, char **argv) {
          long n = std::atol(argv[1]), bad = 0, checked = 0;
          const double fixed[] = {1000000000000000.25, 1000000000000000.75, 0.5, 2.5, 1e17, 99999999999999999.0,
              9.9999999999999995e-5, 1e-5, 0.0001, 123456789012345678.0, 1e300, 5e-324, -0.0, 0.0, 1.0 / 3, 0.1,
              4503599627370497.5, 9007199254740993.0, 1e16, 99999999999999990.0, 0.00010000000000000001, -1e-4,
              INFINITY, -INFINITY, NAN, -NAN, 3.814697265625e-06, 1e-320};
          char a[64], b[64];
          for (long i = 0; i < n + (long)(sizeof fixed / sizeof fixed[0]); i++) {
            double x;
            if (i < (long)(sizeof fixed / sizeof fixed[0])) {
              x = fixed[i];
            } else {
              const unsigned long long v = next();
              switch (i % 4) {
                case 0: std::memcpy(&x, &v, 8); break;
                case 1: x = std::ldexp((double)(long long)(v >> (v % 40)), -(int)(next() % 64)); break;
                case 2: x = std::ldexp((double)(long long)(v % 2000001) - 1000000, -(int)(next() % 30)); break;
                default: x = (double)(long long)(v >> (next() % 64)) * (next() % 2 ? 1 : -1) + (double)(next() % 4) / 4;
              }
            }
            const int la = srhls_csim_io::g17(x, a);
            a[la] = 0;
            std::snprintf(b, sizeof b, "%.17g", x);
            checked++;
            if (std::strcmp(a, b) != 0 && bad++ < 10) std::printf("%s instead of %s\\n", a, b);
          }
          std::printf("%ld of %ld differ\\n", bad, checked);
          return bad != 0;
        }
        """);
    Path exe = dir.resolve("g17");
    assertEquals(0, run(List.of("g++", "-std=c++14", "-O2", "-Wall", "-Wextra", "-Werror", "-I" + include,
        source.toString(), "-o", exe.toString())), "compiles");
    Path out = dir.resolve("g17.out");
    ProcessBuilder pb = new ProcessBuilder(exe.toString(), "2000000").redirectErrorStream(true)
        .redirectOutput(out.toFile());
    Process process = pb.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finishes");
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.startsWith("0 of 2000028 differ"), output);
  }

  private int run(List<String> command) throws IOException, InterruptedException {
    Path log = dir.resolve("run.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    if (p.exitValue() != 0) {
      System.out.println(Files.readString(log));
    }
    return p.exitValue();
  }
}
