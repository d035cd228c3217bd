package io.github.srhls.core.simulation.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class HostCompilerTest {

  @TempDir Path dir;

  @Test
  void theParameterWinsAndIsSplitOnWhitespace() {
    HostCompiler c = HostCompiler.locate("  ccache  g++-12 -m64 ", Map.of("CXX", "clang++", "PATH", ""));
    assertEquals(List.of("ccache", "g++-12", "-m64"), c.command());
    assertEquals("ccache", c.name());
  }

  @Test
  void cxxComesNext() {
    HostCompiler c = HostCompiler.locate(" ", Map.of("CXX", "/opt/gcc/bin/g++ -O1", "PATH", ""));
    assertEquals(List.of("/opt/gcc/bin/g++", "-O1"), c.command());
    assertEquals("g++", c.name());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void thenGccThenClangOnThePath() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    executable(first.resolve("clang++"));
    Files.writeString(second.resolve("g++"), "not executable");
    String path = first + File.pathSeparator + second;
    assertEquals(List.of(first.resolve("clang++").toString()),
        HostCompiler.locate(null, Map.of("PATH", path)).command(), "a non-executable g++ does not count");

    executable(second.resolve("g++"));
    assertEquals(List.of(second.resolve("g++").toString()),
        HostCompiler.locate(null, Map.of("PATH", path)).command(), "g++ is preferred over clang++");
  }

  @Test
  void noCompilerIsAClearError() {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> HostCompiler.locate(null, Map.of("PATH", dir.toString())));
    assertEquals("no C++ compiler found: install g++ or set CXX or the compiler parameter", e.getMessage());
  }

  private static void executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
