package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {
  @TempDir Path dir;

  static final List<String> ABC = List.of("a", "b", "c");

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private String error(String name, String content) throws Exception {
    Path f = write(name, content);
    return assertThrows(SrHlsException.class, () -> VectorFile.read(f, Path.of(name), ABC)).getMessage();
  }

  private static void assertAt(String message, String where, String... words) {
    assertTrue(message.startsWith(where + ": "), () -> "expected '" + where + ": ...', got: " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }

  @Test
  void readsHls4mlDatFiles() throws Exception {
    Path f = write("tb_input_features.dat", "0.5 -1 2e-3\n\n  \t\n1\t2   3.25\r\n-0 +4 .5\n");
    double[][] v = VectorFile.read(f, f, ABC);
    assertEquals(3, v.length);
    assertArrayEquals(new double[] {0.5, -1, 2e-3}, v[0]);
    assertArrayEquals(new double[] {1, 2, 3.25}, v[1]);
    assertArrayEquals(new double[] {-0.0, 4, 0.5}, v[2]);
  }

  @Test
  void readsCsvFilesMappingColumnsByName() throws Exception {
    Path f = write("v.csv", "\uFEFFc, a ,\"b\"\n3,1,2\n\n6,4,\"5\"\n");
    double[][] v = VectorFile.read(f, f, ABC);
    assertEquals(2, v.length);
    assertArrayEquals(new double[] {1, 2, 3}, v[0]);
    assertArrayEquals(new double[] {4, 5, 6}, v[1]);
  }

  @Test
  void datErrors() throws Exception {
    assertAt(error("v.dat", "1 2 3\n1 2\n"), "v.dat:2:4", "this vector has 2 values, but the model has 3 inputs");
    assertAt(error("v.dat", "1 2 3\n\n1 2 3 4 5\n"), "v.dat:3:7", "this vector has 5 values, but the model has 3");
    assertAt(error("v.dat", "1 2 3\n1  x 3\n"), "v.dat:2:4", "'x' is not a number");
    assertAt(error("v.dat", "1,2,3\n"), "v.dat:1:1", "'1,2,3' is not a number", "*.csv");
    assertAt(error("v.dat", "1 nan 3\n"), "v.dat:1:3", "'nan' is not a number");
    assertAt(error("v.dat", "1 1.0f 3\n"), "v.dat:1:3", "'1.0f' is not a number");
    assertAt(error("v.dat", "1 1e999 3\n"), "v.dat:1:3", "too large");
    assertEquals("v.dat: the vector file holds no vectors; write one vector a line", error("v.dat", "\n \n"));
  }

  @Test
  void aLongDigitRunIsJudgedAtOnceAndEchoedInPart() throws Exception {
    // a backtracking pattern took 39 s for 30,000 digits; the time bound only catches a hang
    String digits = "1".repeat(200_000);
    String dat = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> error("v.dat", "1 " + digits + "x 3\n"));
    assertAt(dat, "v.dat:1:3", "'" + "1".repeat(40) + "… (200001 characters)' is not a number");
    assertTrue(dat.length() < 400, dat);
    String csv = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> error("v.csv", "a,b,c\n1," + digits + ".5.5,3\n"));
    assertAt(csv, "v.csv:2:3", "(200004 characters)' is not a number");
    assertTrue(csv.length() < 400, csv);
  }

  @Test
  void csvErrors() throws Exception {
    assertAt(error("v.csv", "a,bb,c\n1,2,3\n"), "v.csv:1:3", "column 'bb' is not an input", "(a, b, c)",
        "Did you mean 'b'?");
    assertAt(error("v.csv", "a,c\n1,3\n"), "v.csv:1:1", "no column for input 'b'");
    assertAt(error("v.csv", "a,b,c,a\n1,2,3,4\n"), "v.csv:1:7", "column 'a' appears twice", "first at column 1");
    assertAt(error("v.csv", "a,b,c\n1,2\n"), "v.csv:2:3", "this row has 2 values, but the header has 3 columns");
    assertAt(error("v.csv", "a,b,c\n1,2,3\n1,2,3,4\n"), "v.csv:3:7", "this row has 4 values");
    assertAt(error("v.csv", "a,b,c\n1,2,3\n1, zz ,3\n"), "v.csv:3:3", "'zz' is not a number");
    assertAt(error("v.csv", "a,b,c\n1,\"2,3\n"), "v.csv:3:1", "CSV syntax error", "closing quote");
    assertEquals("v.csv: the vector file holds no vectors; write one vector a line", error("v.csv", "a,b,c\n"));
  }

  @Test
  void missingFile() {
    String m = assertThrows(SrHlsException.class,
        () -> VectorFile.read(dir.resolve("none.dat"), Path.of("none.dat"), ABC)).getMessage();
    assertEquals("none.dat: vector file not found", m);
  }
}
