package io.github.srhls.core.packaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zips as another program might write them, built here with java.util.zip and patched where it cannot go. */
class ForeignZipTest {

  @TempDir Path dir;

  @Test
  void anOrdinaryIpZipWithDirectoryEntriesPasses() throws IOException {
    Path zip = zip("ip.zip", List.of("component.xml", "hdl/", "hdl/verilog/", "hdl/verilog/top.v", "xgui/a b.tcl"));
    assertDoesNotThrow(() -> ForeignZip.requireContained(zip, "the vendor's IP zip"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../evil.txt", "hdl/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "C:evil.txt",
      "..\\..\\evil.txt", "\\evil.txt", "hdl//x.v", "./x.v"})
  void anEntryThatWouldLandOutsideIsRefusedByName(String name) throws IOException {
    Path zip = zip("ip.zip", List.of("component.xml", name));

    SrHlsException e = assertThrows(SrHlsException.class,
        () -> ForeignZip.requireContained(zip, "the vendor's IP zip"));

    assertTrue(e.getMessage().startsWith("the vendor's IP zip " + zip + " holds the entry '" + name + "': "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("sr-hls does not package such a zip: find what put that entry into the export"
        + " (the tool's export step, an IP repository or a hook script it runs), remove it and package again"),
        e.getMessage());
  }

  @Test
  void aSymbolicLinkEntryIsRefused() throws IOException {
    Path zip = zip("ip.zip", List.of("component.xml", "hdl"));
    // Made by Unix (3), mode lrwxrwxrwx in the high half of the external attributes of the second entry.
    patchCentralHeader(zip, 1, 5, new byte[] {3});
    patchCentralHeader(zip, 1, 38, le32(0120777 << 16));

    SrHlsException e = assertThrows(SrHlsException.class, () -> ForeignZip.requireContained(zip, "the IP zip"));

    assertTrue(e.getMessage().startsWith("the IP zip " + zip + " holds the entry 'hdl': it is a symbolic link, which"
        + " can point outside that folder. "), e.getMessage());
  }

  @Test
  void aLocalHeaderNameDifferentFromTheDirectorysIsCheckedToo() throws IOException {
    Path zip = zip("ip.zip", List.of("component.xml", "aa/evil.txt"));
    byte[] bytes = Files.readAllBytes(zip);
    // the first occurrence is the local header's copy of the name; the central directory keeps "aa/evil.txt"
    int at = indexOf(bytes, "aa/evil.txt".getBytes(StandardCharsets.US_ASCII));
    bytes[at] = '.';
    bytes[at + 1] = '.';
    Files.write(zip, bytes);

    SrHlsException e = assertThrows(SrHlsException.class, () -> ForeignZip.requireContained(zip, "the IP zip"));

    assertTrue(e.getMessage().contains("holds the entry '../evil.txt': it has an empty, '.' or '..' path segment, so"
        + " it would be unpacked outside the folder the zip is unpacked in."), e.getMessage());
  }

  @Test
  void somethingThatIsNotAZipIsAClearError() throws IOException {
    Path zip = dir.resolve("broken.zip");
    Files.writeString(zip, "not a zip at all");

    SrHlsException e = assertThrows(SrHlsException.class, () -> ForeignZip.requireContained(zip, "the IP zip"));

    assertEquals("the IP zip " + zip + " cannot be read as a zip (no end of central directory record); sr-hls does"
        + " not package it: export it again", e.getMessage());
  }

  private Path zip(String file, List<String> names) throws IOException {
    Path zip = dir.resolve(file);
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : names) {
        z.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          z.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
        }
        z.closeEntry();
      }
    }
    return zip;
  }

  /** Overwrites bytes at an offset inside the index-th central directory header. */
  private static void patchCentralHeader(Path zip, int index, int offset, byte[] value) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    int found = -1;
    for (int i = 0, n = 0; i + 4 <= bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && n++ == index) {
        found = i;
        break;
      }
    }
    assertTrue(found >= 0, "test setup: no central header " + index);
    System.arraycopy(value, 0, bytes, found + offset, value.length);
    Files.write(zip, bytes);
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("test setup: not found");
  }
}
