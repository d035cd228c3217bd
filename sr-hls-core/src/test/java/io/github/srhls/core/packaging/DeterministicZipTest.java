package io.github.srhls.core.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterministicZipTest {

  private static final Instant TIME = Instant.parse("2026-11-21T13:45:17Z");

  @TempDir Path dir;

  private Path tree() throws Exception {
    Path root = dir.resolve("tree");
    write(root.resolve("firmware/m.cpp"), "int m() { return 1; }\n");
    write(root.resolve("firmware/m.h"), "int m();\n");
    write(root.resolve("m_test.cpp"), "int main() {}\n");
    write(root.resolve("tb_data/big.dat"), "0.5 0.25\n".repeat(20_000));
    write(root.resolve("model/ünïcode name.sr.yaml"), "name: m\n");
    write(root.resolve("empty.txt"), "");
    return root;
  }

  /**
   * The zip gets the mode of any file the build writes (0644 under the usual umask 022), not the 0600 of a temp
   * file, so a CI archive step, a web server or another user can read it.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theZipGetsTheModeOfAnOrdinaryNewFileNotATempFiles() throws Exception {
    Path zip = dir.resolve("out/m.zip");
    DeterministicZip.write(zip, ProjectZip.filesOf(tree()), TIME);
    Path ordinary = Files.createFile(dir.resolve("out/ordinary.txt"));

    assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertEquals(List.of("m.zip", "ordinary.txt"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void theSameTreeGivesByteIdenticalZipsInAnyTimeZoneAndWithAnyFileTimes() throws Exception {
    Path root = tree();
    Path first = dir.resolve("a/first.zip");
    DeterministicZip.write(first, ProjectZip.filesOf(root), TIME);

    // Other file times, another listing order, another default time zone: none may show in the bytes.
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
      }
    }
    List<ZipEntrySource> reversed = new ArrayList<>(ProjectZip.filesOf(root));
    Collections.reverse(reversed);
    TimeZone zone = TimeZone.getDefault();
    Path second = dir.resolve("b/second.zip");
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      DeterministicZip.write(second, reversed, TIME);
    } finally {
      TimeZone.setDefault(zone);
    }
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  /**
   * Pins every byte of a small zip (headers, extra fields, central directory) so a change to the writer cannot
   * alter its output unnoticed. The deflated data comes from the JDK's zlib; the contents are kept tiny so that
   * any zlib gives the same bytes for them.
   */
  @Test
  void aSmallZipHasExactlyThePinnedBytes() throws Exception {
    write(dir.resolve("src/empty"), "");
    write(dir.resolve("src/hello"), "hello\n");
    Path zip = dir.resolve("pinned.zip");
    DeterministicZip.write(zip, List.of(
        new ZipEntrySource("b/ünïcode.txt", dir.resolve("src/hello")),
        new ZipEntrySource("a.txt", dir.resolve("src/empty"))), Instant.parse("2024-02-29T23:59:59Z"));
    byte[] bytes = Files.readAllBytes(zip);
    assertEquals(PINNED_LENGTH, bytes.length);
    assertEquals(PINNED_SHA256,
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  private static final int PINNED_LENGTH = 260;
  private static final String PINNED_SHA256 = "f322c9adfdeb50cc2f7e03fb04b9193ab7f60f819e954f6e84494ed58ef1d3d6";

  @Test
  void entriesAreSortedFilesWithTheGivenTimeAndContent() throws Exception {
    Path root = tree();
    Path zip = dir.resolve("out.zip");
    DeterministicZip.write(zip, ProjectZip.filesOf(root), TIME);

    try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      assertEquals(List.of("empty.txt", "firmware/m.cpp", "firmware/m.h", "m_test.cpp", "model/ünïcode name.sr.yaml",
          "tb_data/big.dat"), names);
      for (ZipEntry entry : Collections.list(file.entries())) {
        assertFalse(entry.isDirectory());
        assertEquals(TIME.getEpochSecond(), entry.getLastModifiedTime().toInstant().getEpochSecond(),
            entry.getName());
        assertArrayEquals(Files.readAllBytes(root.resolve(entry.getName())),
            file.getInputStream(entry).readAllBytes(), entry.getName());
      }
      ZipEntry big = file.getEntry("tb_data/big.dat");
      // The DOS time of the first local header is the instant's UTC wall time, to even seconds.
      byte[] bytes = Files.readAllBytes(zip);
      int time = (bytes[10] & 0xFF) | (bytes[11] & 0xFF) << 8;
      int date = (bytes[12] & 0xFF) | (bytes[13] & 0xFF) << 8;
      assertEquals(List.of(2026, 11, 21, 13, 45, 16), List.of(1980 + (date >> 9), date >> 5 & 0xF, date & 0x1F,
          time >> 11, time >> 5 & 0x3F, (time & 0x1F) * 2));
      assertTrue(big.getCompressedSize() < big.getSize() / 10, "entries are deflated");
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void unzipSeesUnixModeUtcTimesAndAnIntactArchive() throws Exception {
    Path zip = dir.resolve("out.zip");
    DeterministicZip.write(zip, ProjectZip.filesOf(tree()), TIME);
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    ToolResult test;
    try {
      test = runner.run(ToolInvocation.of("unzip", List.of("unzip", "-t", zip.toString())));
    } catch (SrHlsException e) {
      org.junit.jupiter.api.Assumptions.abort("unzip is not installed");
      return;
    }
    assertEquals(0, test.exitCode(), test.lines().toString());
    assertTrue(test.lines().get(test.lines().size() - 1).contains("No errors detected"), test.lines().toString());

    ToolResult info = runner.run(ToolInvocation.of("zipinfo", List.of("unzip", "-Z", "-l", "-T", zip.toString()))
        .withEnvironment(java.util.Map.of("TZ", "UTC")));
    List<String> rows = info.lines().stream().filter(l -> l.startsWith("-")).toList();
    assertEquals(6, rows.size(), info.lines().toString());
    for (String row : rows) {
      assertTrue(row.startsWith("-rw-r--r--  2.0 unx"), row);
      assertTrue(row.contains(" 20261121.134517 "), row + " (from the extended timestamp)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "../up.txt", "a/../../b", "a\\b.txt", "C:/x", "a//b", "./a", "a/.",
      "a/b/", "nul\u0000.txt", "line\nbreak"})
  void hostileNamesAreRefused(String name) {
    SrHlsException e = assertThrows(SrHlsException.class, () -> new ZipEntrySource(name, dir.resolve("x")));
    assertTrue(e.getMessage().startsWith(name.isEmpty() ? "zip entry name is empty" : "refusing zip entry '"),
        e.getMessage());
  }

  @Test
  void duplicatesAreRefusedAndNothingIsLeftBehind() throws Exception {
    write(dir.resolve("src/a.txt"), "a");
    write(dir.resolve("src/b.txt"), "b");
    Path zip = dir.resolve("zips/x.zip");
    SrHlsException e = assertThrows(SrHlsException.class, () -> DeterministicZip.write(zip, List.of(
        new ZipEntrySource("same.txt", dir.resolve("src/a.txt")),
        new ZipEntrySource("same.txt", dir.resolve("src/b.txt"))), TIME));
    assertTrue(e.getMessage().startsWith("two files would become zip entry 'same.txt'"), e.getMessage());
    assertFalse(Files.exists(zip));
  }

  @Test
  void aFailureHalfwayLeavesNeitherTheZipNorATemporaryFile() throws Exception {
    write(dir.resolve("src/a.txt"), "a");
    Path zips = Files.createDirectories(dir.resolve("zips"));
    Path zip = zips.resolve("x.zip");
    SrHlsException e = assertThrows(SrHlsException.class, () -> DeterministicZip.write(zip, List.of(
        new ZipEntrySource("a.txt", dir.resolve("src/a.txt")),
        new ZipEntrySource("b.txt", dir.resolve("src/missing.txt"))), TIME));
    assertTrue(e.getMessage().startsWith("cannot write " + zip + ": "), e.getMessage());
    try (Stream<Path> left = Files.list(zips)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void replacesAnExistingZip() throws Exception {
    write(dir.resolve("src/a.txt"), "new");
    Path zip = write(dir.resolve("x.zip"), "old junk");
    DeterministicZip.write(zip, List.of(new ZipEntrySource("a.txt", dir.resolve("src/a.txt"))), null);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry("a.txt");
      assertEquals("new", new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(DeterministicZip.DEFAULT_TIME, entry.getLastModifiedTime().toInstant());
    }
  }

  @Test
  void timesAZipCannotHoldAreRefused() {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> DeterministicZip.write(dir.resolve("x.zip"), List.of(), Instant.parse("1979-12-31T23:59:59Z")));
    assertTrue(e.getMessage().startsWith("the zip timestamp 1979-12-31T23:59:59Z is outside"), e.getMessage());
    assertThrows(SrHlsException.class,
        () -> DeterministicZip.write(dir.resolve("x.zip"), List.of(), Instant.parse("2040-01-01T00:00:00Z")));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void symbolicLinksAreNotFollowedOutOfTheProject() throws Exception {
    Path root = Files.createDirectories(dir.resolve("project"));
    write(dir.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> ProjectZip.filesOf(root));
    assertEquals(root.resolve("link.txt") + " is a symbolic link; sr-hls packages only regular files of the "
        + "generated project", e.getMessage());
  }

  private static Path write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
