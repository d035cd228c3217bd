package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work {@code sr-hls:generate} does, seen through a probe rather than a clock: an unchanged model is neither
 * read nor evaluated, and models generated in parallel give the serial run's files and log, byte for byte.
 */
class GenerateWorkTest {
  @TempDir Path dir;

  private static String model(String name, String expression, String testbench) {
    return "format: sr-hls/v1\nname: " + name + "\ninputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}]\n"
        + "outputs: [{name: y, expression: '" + expression + "'}]\ntestbench: " + testbench + "\n";
  }

  /** Counts what the goal did. */
  static final class Counting implements GenerateProbe {
    final List<String> read = Collections.synchronizedList(new ArrayList<>());
    final List<String> evaluated = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void read(String modelFile) {
      read.add(modelFile);
    }

    @Override
    public void evaluated(String model, long vectors) {
      evaluated.add(model + ":" + vectors);
    }
  }

  private static GenerateResult generate(TempProject p, Counting probe) {
    return new GenerateOrchestrator(2, probe).run(p.generateRequest().build());
  }

  @Test
  void anUnchangedModelIsNeitherReadNorEvaluatedAgain() throws IOException {
    TempProject p = TempProject.with(dir, "vec.sr.yaml", model("vec", "a * b + 0.5", "{inputs: vectors.dat}"));
    Files.writeString(p.models().resolve("vectors.dat"), "0.5 0.25\n-0.5 0.75\n");
    Files.writeString(p.models().resolve("rnd.sr.yaml"), model("rnd", "a - b", "{vectors: 3000, seed: 7}"));

    Counting first = new Counting();
    assertEquals(List.of("rnd", "vec"), generate(p, first).generated());
    assertEquals(List.of("rnd:3000", "vec:2"), sorted(first.evaluated));

    Counting warm = new Counting();
    GenerateResult again = generate(p, warm);
    assertEquals(List.of("rnd", "vec"), again.upToDate());
    assertEquals(List.of(), warm.read, "an up-to-date model is not parsed nor compiled");
    assertEquals(List.of(), warm.evaluated, "an up-to-date model is not evaluated");

    // a referenced file changed: that model alone is read and evaluated again
    Files.writeString(p.models().resolve("vectors.dat"), "0.5 0.25\n-0.5 0.5\n0 0\n");
    Counting changed = new Counting();
    GenerateResult third = generate(p, changed);
    assertEquals(List.of("vec"), third.generated());
    assertEquals(List.of("rnd"), third.upToDate());
    assertEquals(List.of("src/main/sr/vec.sr.yaml"), changed.read);
    assertEquals(List.of("vec:3"), changed.evaluated);

    // the output was deleted behind the goal's back: generated again
    Files.delete(p.out().resolve("rnd").resolve("sr-hls-manifest.json"));
    Counting deleted = new Counting();
    assertEquals(List.of("rnd"), generate(p, deleted).generated());
    assertEquals(List.of("rnd:3000"), deleted.evaluated);
  }

  @Test
  void aHallOfFameFoundInADirectoryIsLookedUpEveryTimeButNotEvaluatedWhenUnchanged() throws IOException {
    TempProject p = TempProject.at(dir);
    Path run = dir.resolve("outputs/20260101_120000_aaaaaa");
    Files.createDirectories(run);
    Files.writeString(run.resolve("hall_of_fame_output1.csv"), "Complexity,Loss,Equation\n1,0.5,\"x0\"\n3,0.1,\"x0 * x1\"\n");
    Files.writeString(p.models().resolve("hof.sr.yaml"), "format: sr-hls/v1\nname: hof\n"
        + "inputs: [{name: a, range: [-1, 1]}, {name: b, range: [-1, 1]}]\n"
        + "outputs: [{name: y, pysr: {file: ../../../outputs, output: 1}}]\ntestbench: {vectors: 10, seed: 1}\n");
    assertEquals(List.of("hof"), generate(p, new Counting()).generated());

    Counting warm = new Counting();
    assertEquals(List.of("hof"), generate(p, warm).upToDate());
    assertEquals(List.of("src/main/sr/hof.sr.yaml"), warm.read, "which run is newest is only known by looking");
    assertEquals(List.of(), warm.evaluated);

    Path newer = dir.resolve("outputs/20260102_120000_bbbbbb");
    Files.createDirectories(newer);
    Files.writeString(newer.resolve("hall_of_fame_output1.csv"), "Complexity,Loss,Equation\n3,0.1,\"x0 - x1\"\n");
    Counting later = new Counting();
    assertEquals(List.of("hof"), generate(p, later).generated(), "a newer run is a change");
    assertEquals(List.of("hof:10"), later.evaluated);
  }

  @Test
  void modelsGeneratedInParallelGiveTheSerialFilesAndLog() throws IOException {
    List<String> serial = null;
    Map<String, String> serialFiles = null;
    for (int threads : new int[] {1, 4}) {
      TempProject p = TempProject.at(dir.resolve("t" + threads));
      for (int k = 0; k < 6; k++) {
        Files.writeString(p.models().resolve("m" + k + ".sr.yaml"),
            model("m" + k, "a * " + (k + 1) + ".25 - b * b", "{vectors: " + (500 * (6 - k)) + ", seed: " + k + "}"));
      }
      // errors, which must come out in model order: a bad expression and a name used twice
      Files.writeString(p.models().resolve("m2.sr.yaml"), model("m2", "a * (b", "{vectors: 10, seed: 1}"));
      Files.writeString(p.models().resolve("z.sr.yaml"), model("m4", "a", "{vectors: 10, seed: 1}"));
      Lines log = new Lines();
      Set<Thread> readers = ConcurrentHashMap.newKeySet();
      GenerateProbe probe = new GenerateProbe() {
        @Override
        public void read(String modelFile) {
          readers.add(Thread.currentThread());
        }
      };
      // the user's parameter (sr-hls.threads), through the request
      String error = assertThrows(SrHlsException.class,
          () -> new GenerateOrchestrator(0, probe).run(p.generateRequest().threads(threads).log(log).build()))
          .getMessage();
      log.lines.add("error: " + error);
      assertTrue(readers.size() <= threads, () -> readers.size() + " threads read models, at most " + threads);
      Map<String, String> files = tree(p.out());
      if (serial == null) {
        serial = log.lines;
        serialFiles = files;
        assertTrue(serial.stream().filter(l -> l.startsWith("info: Generated m")).count() == 5, serial::toString);
      } else {
        assertEquals(serial, log.lines, "the log of a parallel run is the serial one, line for line");
        assertEquals(serialFiles, files, "every generated file is the same");
      }
    }
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.sort(copy);
    return copy;
  }

  /** Every line in order, its level first, with the milliseconds a model took taken out. */
  private static final class Lines implements BuildLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
      lines.add("info: " + message.replaceAll(" in \\d+ ms:", " in _ ms:"));
    }

    @Override
    public void warn(String message) {
      lines.add("warn: " + message);
    }

    @Override
    public void debug(String message) {
      lines.add("debug: " + message);
    }
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        // bytes as Latin-1 text: the binary vector files compare byte for byte like the others
        files.put(root.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
