package io.github.srhls.core.model;

import static io.github.srhls.core.model.ModelFiles.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.pysr.HallOfFame;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over its documented size limit is refused before it is parsed, naming the file, its size and the limit
 * (a 200 MB one-line description hung the YAML parser; 8 MB failed after 50 s). The files are sparse, so the
 * tests cost no disk; the time bound only catches a hang.
 */
class FileSizeLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir Path project;

  private Path sized(String relative, String head, long bytes) throws Exception {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, head);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
    return file;
  }

  @Test
  void aModelFileOverOneMebibyteIsRefusedAtOnce() throws Exception {
    Path file = sized("src/main/sr/m.sr.yaml", "format: sr-hls/v1\nname: m\ndescription: x", 8L << 20);
    String message = assertTimeoutPreemptively(HANG, () -> assertThrows(SrHlsException.class,
        () -> new ModelReader().read(file, project, VERSION)).getMessage());
    assertEquals(Path.of("src/main/sr/m.sr.yaml") + ": the file has 8.0 MiB, more than the 1 MiB a model file"
        + " may have; keep descriptions short and put test vectors in a file of their own (testbench.inputs)",
        message);
  }

  @Test
  void aModelFileJustUnderTheLimitIsParsedWhole() throws Exception {
    // the limit is below SnakeYAML's own (3 million code points); its parse time grows with the square of a long
    // scalar's length (about 10 s for 4 MiB here), so 1 MiB keeps a file at the limit quick
    String head = "format: sr-hls/v1\nname: m\ninputs: [{name: a, range: [0, 1]}]\n"
        + "outputs: [{name: y, expression: a}]\ndescription: ";
    Path file = project.resolve("src/main/sr/m.sr.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, head + "d".repeat((1 << 20) - head.length() - 1) + "\n");
    assertEquals(1 << 20, Files.size(file));
    ModelSpec spec = assertTimeoutPreemptively(HANG, () -> new ModelReader().read(file, project, VERSION));
    assertEquals("m", spec.name());
  }

  @Test
  void aHallOfFameOverTheLimitIsRefusedAtOnce() throws Exception {
    Path file = sized("pysr/hall_of_fame.csv", "Complexity,Loss,Equation\n", (16L << 20) + 1);
    String message = assertTimeoutPreemptively(HANG, () -> assertThrows(SrHlsException.class,
        () -> HallOfFame.read(file, Path.of("pysr/hall_of_fame.csv"))).getMessage());
    assertEquals(Path.of("pysr/hall_of_fame.csv") + ": the file has 16.0 MiB, more than the 16 MiB a hall-of-fame CSV"
        + " may have; point pysr.file at the hall_of_fame CSV PySR wrote", message);
  }

  @Test
  void aVectorFileOverTheLimitIsRefusedAtOnce() throws Exception {
    Path file = sized("v.dat", "1 2 3\n", (256L << 20) + 1);
    String message = assertTimeoutPreemptively(HANG, () -> assertThrows(SrHlsException.class,
        () -> VectorFile.read(file, Path.of("v.dat"), List.of("a", "b", "c"))).getMessage());
    assertEquals("v.dat: the file has 256.0 MiB, more than the 256 MiB a vector file may have; use fewer vectors"
        + " (split the file into several models' testbenches, or use random vectors: testbench.vectors)", message);
  }
}
