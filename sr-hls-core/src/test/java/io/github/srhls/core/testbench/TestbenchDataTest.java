package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbenchDataTest {

  @TempDir Path dir;

  @Test
  void readsJavaAndPrintfSpellingsExactly() throws Exception {
    Path file = dir.resolve("v.dat");
    Files.writeString(file, "0.1 1.0E-5 -0\n\n0.10000000000000001 1.0000000000000001e-05\t3\r\nnan -inf Infinity\n");
    TestbenchData v = TestbenchData.read(file, 3, "output");
    assertEquals(3, v.size());
    assertArrayEquals(new double[] {0.1, 1.0E-5, -0.0}, v.vectors().get(0));
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(v.vectors().get(0)[2]));
    assertArrayEquals(new double[] {0.1, 1.0E-5, 3}, v.vectors().get(1));
    assertArrayEquals(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
        v.vectors().get(2));
  }

  @Test
  void writesOneVectorALineThatReadsBackToTheSameDoubles() throws Exception {
    double[][] rows = {{0.1, -0.0, 1.0E-5}, {Double.MAX_VALUE, Double.MIN_VALUE, -3}};
    String text = TestbenchData.format(rows);
    assertEquals("0.1 -0.0 1.0E-5\n1.7976931348623157E308 4.9E-324 -3.0\n", text);
    Path file = Files.writeString(dir.resolve("w.dat"), text);
    TestbenchData back = TestbenchData.read(file, 3, "output");
    for (int v = 0; v < rows.length; v++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(Double.doubleToLongBits(rows[v][i]), Double.doubleToLongBits(back.vectors().get(v)[i]));
      }
    }
    assertEquals("", TestbenchData.format(new double[0][]));
  }

  @Test
  void theStreamingWriterWritesWhatFormatGivesByteForByte() throws Exception {
    double[][] inputs = {{0.1, -0.0, 1e-300}, {Double.NaN, Double.POSITIVE_INFINITY, -1.5}, {3, 4.25, -7e22}};
    double[][] expected = {{0.5}, {Double.NEGATIVE_INFINITY}, {Double.MIN_VALUE}};
    double[][] float64 = {{1.0 / 3}, {-0.0}, {123456789.125}};
    try (TestbenchData.Writer w = TestbenchData.writer(dir)) {
      for (int v = 0; v < inputs.length; v++) {
        w.accept(inputs[v], expected[v], float64[v]);
      }
    }
    assertEquals(TestbenchData.format(inputs), Files.readString(dir.resolve(TestbenchData.INPUTS)));
    assertEquals(TestbenchData.format(expected), Files.readString(dir.resolve(TestbenchData.EXPECTED)));
    assertEquals(TestbenchData.format(float64), Files.readString(dir.resolve(TestbenchData.FLOAT64)));
  }

  @Test
  void readsTheDatLayoutWhateverTheFileName() throws Exception {
    Path file = Files.writeString(dir.resolve("results.csv"), "1 -inf\nNaN 2\n");
    TestbenchData v = TestbenchData.read(file, 2, "output");
    assertEquals(file, v.file());
    assertEquals(2, v.size());
    assertArrayEquals(new double[] {1, Double.NEGATIVE_INFINITY}, v.vectors().get(0));
    assertArrayEquals(new double[] {Double.NaN, 2}, v.vectors().get(1));
  }

  /** The message for a file of two-value vectors holding {@code content}. */
  private String error(String content, String valueName) throws Exception {
    Path file = Files.writeString(dir.resolve("v.dat"), content);
    return assertThrows(SrHlsException.class, () -> TestbenchData.read(file, 2, valueName)).getMessage();
  }

  @Test
  void aBadValueIsReportedWithLineAndColumn() throws Exception {
    Path file = dir.resolve("v.dat");
    assertEquals(file + ":2:4: '4x' is not a number; write decimal numbers such as -1.5 or 2e-3; .dat files separate"
        + " the values of a vector by spaces (name the file *.csv for comma-separated)",
        error("1 2\n3  4x\n", "output"));
    String suffix = error("1 2\n3 4f\n", "output");
    assertTrue(suffix.startsWith(file + ":2:3: '4f' is not a number;"), suffix);
  }

  @Test
  void aVectorOfTheWrongWidthIsReportedWithItsLineAndColumn() throws Exception {
    Path file = dir.resolve("v.dat");
    assertEquals(file + ":2:2: this vector has 1 value, but the model has 2 outputs; write one value per output on"
        + " each line", error("1 2\n3\n", "output"));
    String tooMany = error("1 2\n3 4 5\n", "input");
    assertTrue(tooMany.startsWith(file + ":2:5: this vector has 3 values, but the model has 2 inputs"), tooMany);
  }

  @Test
  void anEmptyFileHasNoVectors() throws Exception {
    Path file = Files.writeString(dir.resolve("v.dat"), "\n \n");
    assertEquals(0, TestbenchData.read(file, 2, "output").size());
  }

  @Test
  void aMissingFileIsNamed() {
    SrHlsException e =
        assertThrows(SrHlsException.class, () -> TestbenchData.read(dir.resolve("nope.dat"), 1, "output"));
    assertEquals(dir.resolve("nope.dat") + ": vector file not found", e.getMessage());
  }
}
