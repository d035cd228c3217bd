package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFileTest {
  @TempDir Path dir;

  static final List<String> ABC = List.of("a", "b", "c");
  static final Path VECTORS = Path.of("v.dat");

  private Labels read(String content, List<String> outputs, int vectors) throws Exception {
    Path f = Files.writeString(dir.resolve("l.csv"), content);
    return LabelFile.read(f, Path.of("l.csv"), outputs, vectors, VECTORS);
  }

  private String error(String content, int vectors) throws Exception {
    Path f = Files.writeString(dir.resolve("l.csv"), content);
    String m = assertThrows(SrHlsException.class, () -> LabelFile.read(f, Path.of("l.csv"), ABC, vectors, VECTORS))
        .getMessage();
    assertFalse(m.contains("Exception"), m);
    return m;
  }

  private static void assertAt(String message, String where, String... words) {
    assertTrue(message.startsWith(where + ": "), () -> "expected '" + where + ": ...', got: " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }

  @Test
  void oneClassARowWithOrWithoutAHeader() throws Exception {
    Labels plain = read("0\n2\n\n1\n2.0\n", ABC, 4);
    assertArrayEquals(new int[] {0, 2, 1, 2}, ((Labels.Classes) plain).classes());
    Labels headed = read("\uFEFFclass\r\n1\r\n0\r\n", ABC, 2);
    assertArrayEquals(new int[] {1, 0}, ((Labels.Classes) headed).classes());
  }

  @Test
  void oneTargetPerOutputNamedInAnyOrderOrInOutputOrder() throws Exception {
    Labels named = (Labels.Targets) read("c,a,b\n1,0,0\n0,1,1\n", ABC, 2);
    boolean[][] t = ((Labels.Targets) named).targets();
    assertArrayEquals(new boolean[] {false, false, true}, t[0]);
    assertArrayEquals(new boolean[] {true, true, false}, t[1]);
    Labels plain = read("1,0,0\n0,0,1\n", ABC, 2);
    assertArrayEquals(new boolean[] {false, false, true}, ((Labels.Targets) plain).targets()[1]);
    // a one-output model: its one column is the output's target, whatever the header calls it
    Labels binary = read("signal\n1\n0\n", List.of("y"), 2);
    assertArrayEquals(new boolean[] {true}, ((Labels.Targets) binary).targets()[0]);
  }

  @Test
  void rowCountsThatDifferFromTheVectorsAreErrorsAtTheRowOrTheEnd() throws Exception {
    assertAt(error("class\n0\n1\n2\n", 2), "l.csv:4:1", "the labels file has 3 rows of labels, but v.dat has 2"
        + " vectors");
    assertAt(error("0\n1\n", 3), "l.csv:3:1", "the labels file has 2 rows of labels, but v.dat has 3 vectors");
    assertAt(error("class\n", 3), "l.csv", "holds no labels");
  }

  @Test
  void aClassThatIsNoIntegerOrOutOfRangeIsAnErrorAtItsCell() throws Exception {
    assertAt(error("0\n1.5\n", 2), "l.csv:2:1", "'1.5' is not a class: write an integer from 0 to 2");
    assertAt(error("0\n  x\n", 2), "l.csv:2:3", "'x' is not a class");
    assertAt(error("0\n3\n", 2), "l.csv:2:1", "class 3 is out of range: the model has 3 outputs, so the classes"
        + " are 0 to 2", "0 = a, 1 = b, 2 = c");
    assertAt(error("0\n-1\n", 2), "l.csv:2:1", "class -1 is out of range");
  }

  @Test
  void targetsAreZeroOrOneInRowsOfTheRightWidth() throws Exception {
    assertAt(error("a,b,c\n0,2,0\n", 1), "l.csv:2:3", "target 2 is not 0 or 1", "output b");
    assertAt(error("1,0,0\n0,1\n", 2), "l.csv:2:3", "this row has 2 values, but the labels file has 3 columns");
    assertAt(error("1,0\n0,1\n", 2), "l.csv:1:1", "this row has 2 values, but a labels file has one column",
        "one column per output (3");
    assertAt(error("a,b,d\n1,0,0\n", 1), "l.csv:1:5", "column 'd' is not an output of the model");
    assertAt(error("a,b,a\n1,0,0\n", 1), "l.csv:1:5", "column 'a' appears twice");
  }

  @Test
  void brokenCsvAndTextThatIsNotUtf8AreNamedAsTheLabelsFile() throws Exception {
    assertEquals("l.csv:3:1: CSV syntax error: Missing closing quote for value", error("a,b,c\n1,\"0,0\n", 1));
    Path f = Files.write(dir.resolve("l.csv"), new byte[] {'0', '\n', (byte) 0xff, '\n'});
    String m = assertThrows(SrHlsException.class, () -> LabelFile.read(f, Path.of("l.csv"), ABC, 2, VECTORS))
        .getMessage();
    assertEquals("l.csv: not UTF-8 text; save the labels file as UTF-8 (or ASCII)", m);
  }

  @Test
  void aMissingFileIsNamed() {
    String m = assertThrows(SrHlsException.class, () -> LabelFile.read(dir.resolve("none.csv"), Path.of("none.csv"),
        ABC, 1, VECTORS)).getMessage();
    assertEquals("none.csv: labels file not found", m);
  }
}
