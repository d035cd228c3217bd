package io.github.srhls.core.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {

  @TempDir Path dir;

  @Test
  void readsJavaAndPrintfSpellingsExactly() throws Exception {
    Path file = dir.resolve("v.dat");
    Files.writeString(file, "0.1 1.0E-5 -0\n\n0.10000000000000001 1.0000000000000001e-05\t3\r\nnan -inf Infinity\n");
    VectorFile v = VectorFile.read(file, 3);
    assertEquals(3, v.size());
    assertArrayEquals(new double[] {0.1, 1.0E-5, -0.0}, v.vectors().get(0));
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(v.vectors().get(0)[2]));
    assertArrayEquals(new double[] {0.1, 1.0E-5, 3}, v.vectors().get(1));
    assertArrayEquals(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
        v.vectors().get(2));
  }

  @Test
  void aBadValueIsReportedWithLineAndColumn() throws Exception {
    Path file = dir.resolve("v.dat");
    Files.writeString(file, "1 2\n3  4x\n");
    SrHlsException e = assertThrows(SrHlsException.class, () -> VectorFile.read(file, 2));
    assertEquals(file + ":2:4: '4x' is not a number", e.getMessage());

    Files.writeString(file, "1 2\n3 4f\n");
    e = assertThrows(SrHlsException.class, () -> VectorFile.read(file, 2));
    assertEquals(file + ":2:3: '4f' is not a number", e.getMessage());
  }

  @Test
  void aVectorOfTheWrongWidthIsReportedWithItsLine() throws Exception {
    Path file = dir.resolve("v.dat");
    Files.writeString(file, "1 2\n3\n");
    SrHlsException e = assertThrows(SrHlsException.class, () -> VectorFile.read(file, 2));
    assertEquals(file + ":2: expected 2 values per line, found 1", e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> VectorFile.read(dir.resolve("nope.dat"), 1));
    assertEquals(dir.resolve("nope.dat") + " does not exist", e.getMessage());
  }
}
