package io.github.srhls.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ExecutablesTest {

  @TempDir Path dir;

  @Test
  void theFirstDirectoryWithAnExecutableWinsAndOddEntriesAreSkipped() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Path third = Files.createDirectories(dir.resolve("third"));
    Files.writeString(first.resolve("tool"), "not executable");
    Files.createDirectories(second.resolve("tool")); // a directory is no program
    executable(third.resolve("tool"));
    String path = String.join(File.pathSeparator, "", first.toString(), "bad\0entry", second.toString(),
        third.toString());

    assertEquals(Optional.of(third.resolve("tool")), Executables.onPath("tool", path));
    assertEquals(Optional.empty(), Executables.onPath("other", path));
    assertEquals(Optional.empty(), Executables.onPath("tool", null));
  }

  @Test
  void namesAreTriedInOrderWithinEachDirectoryBeforeTheNextDirectory() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    executable(first.resolve("b"));
    executable(second.resolve("a"));
    executable(second.resolve("b"));
    String path = first + File.pathSeparator + second;

    assertEquals(Optional.of(first.resolve("b")), Executables.onPath(List.of("a", "b"), path));
    assertEquals(Optional.of(second.resolve("a")), Executables.onPath(List.of("a"), path));
  }

  @Test
  void inLooksInOneDirectoryOnly() throws Exception {
    executable(dir.resolve("tool"));
    assertEquals(Optional.of(dir.resolve("tool")), Executables.in(dir, "tool"));
    assertEquals(Optional.empty(), Executables.in(dir.resolve("elsewhere"), "tool"));
    assertEquals(Optional.empty(), Executables.in(dir, "bad\0name"));
    assertEquals("tool", Executables.name(dir.resolve("tool")));
  }

  private static void executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
