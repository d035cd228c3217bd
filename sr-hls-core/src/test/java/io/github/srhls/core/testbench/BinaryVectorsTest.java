package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryVectorsTest {
  @TempDir Path dir;

  private static final double[][] ROWS = {
      {1.5, -0.0, Double.NaN}, {Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 0.1}, {-3.25e300, 7, 1.0 / 3}};

  @Test
  void theFileHoldsEveryDoubleBitForBitAfterItsHeader() throws IOException {
    byte[] bytes = BinaryVectors.encode(ROWS, 3);
    assertEquals(16 + 3 * 3 * 8, bytes.length);
    assertEquals("SRHLSF64", new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(bytes, 8, 16));
    // 1.5 = 0x3FF8000000000000, little-endian
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F}, Arrays.copyOfRange(bytes, 16, 24));

    Path file = dir.resolve("v.bin");
    Files.write(file, bytes);
    try (BinaryVectors.Reader r = BinaryVectors.Reader.open(file, 3, "output")) {
      assertEquals(3, r.vectors());
      double[] row = new double[3];
      for (double[] want : ROWS) {
        assertTrue(r.next(row));
        for (int i = 0; i < 3; i++) {
          assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(row[i]));
        }
      }
      assertFalse(r.next(row));
      assertArrayEquals(ROWS[1], r.vector(1));
    }
  }

  @Test
  void theStreamingWriterWritesWhatEncodeDoesAcrossManyBuffers() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    double[][] rows = new double[20_011][7];
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        row[i] = Double.longBitsToDouble(random.nextLong());
      }
    }
    Path file = dir.resolve("w.bin");
    try (BinaryVectors.Writer w = new BinaryVectors.Writer(file, 7)) {
      for (double[] row : rows) {
        w.write(row);
      }
    }
    assertArrayEquals(BinaryVectors.encode(rows, 7), Files.readAllBytes(file));
    try (BinaryVectors.Reader r = BinaryVectors.Reader.open(file, 7, "input")) {
      double[] row = new double[7];
      for (int v = 0; v < rows.length; v++) {
        assertTrue(r.next(row));
        for (int i = 0; i < 7; i++) {
          assertEquals(Double.doubleToRawLongBits(rows[v][i]), Double.doubleToRawLongBits(row[i]), "vector " + v);
        }
      }
      assertFalse(r.next(row));
    }
  }

  @Test
  void aBadFileIsOneClearErrorNamingIt() throws IOException {
    Path wrong = dir.resolve("wrong.bin");
    Files.write(wrong, BinaryVectors.encode(ROWS, 3));
    SrHlsException width = assertThrows(SrHlsException.class, () -> BinaryVectors.Reader.open(wrong, 2, "output"));
    assertEquals(wrong + ": has 3 values per vector but the model has 2 outputs; run sr-hls:generate again",
        width.getMessage());

    Path cut = dir.resolve("cut.bin");
    byte[] bytes = BinaryVectors.encode(ROWS, 3);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
    SrHlsException partial = assertThrows(SrHlsException.class, () -> BinaryVectors.Reader.open(cut, 3, "output"));
    assertEquals(cut + ": ends inside vector 2 (19 of its 24 bytes); run sr-hls:generate again",
        partial.getMessage());

    Path text = dir.resolve("text.bin");
    Files.writeString(text, "1.5 2.5\n");
    SrHlsException magic = assertThrows(SrHlsException.class, () -> BinaryVectors.Reader.open(text, 2, "input"));
    assertTrue(magic.getMessage().startsWith(text + ": not an sr-hls binary vector file"), magic.getMessage());

    SrHlsException missing = assertThrows(SrHlsException.class,
        () -> BinaryVectors.Reader.open(dir.resolve("none.bin"), 2, "input"));
    assertEquals(dir.resolve("none.bin") + ": no such file; run sr-hls:generate again", missing.getMessage());
  }
}
