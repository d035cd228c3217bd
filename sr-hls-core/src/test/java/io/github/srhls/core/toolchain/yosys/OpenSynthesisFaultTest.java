package io.github.srhls.core.toolchain.yosys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Yosys failing, printing errors, hanging or writing no statistics: one error with the tail of its messages and
 * where its log is, never figures. The failing Verilog goes through the real Yosys (it stops while reading, in well
 * under a second); the misbehaving programs are stand-ins, since the real one does not hang on request.
 */
class OpenSynthesisFaultTest {
  private static final ToolRunner RUNNER = new ToolRunner(BuildLog.silent());

  @Test
  void aSyntaxErrorFailsWithYosyssMessageNamingTheFileAndLine(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("broken.v");
    Files.writeString(source, "module broken(input wire a, output wire y);\n  assign y = a &;\nendmodule\n");
    Yosys yosys = Yosys.locate(RUNNER, null, System.getenv("PATH"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> new OpenSynthesis(RUNNER, yosys,
        Duration.ofMinutes(2), null).run("xcup", "broken", List.of(source), dir.resolve("work")));
    assertTrue(e.getMessage().startsWith("Yosys could not synthesise broken: it ended with exit code 1"),
        e.getMessage());
    assertTrue(e.getMessage().contains("broken.v:2: ERROR: syntax error"), e.getMessage());
    assertTrue(e.getMessage().contains("full log: " + dir.resolve("work").resolve(OpenSynthesis.LOG)),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("work").resolve(OpenSynthesis.STATISTICS)));
  }

  @Test
  void aHangingYosysIsStoppedAtTheTimeLimitAndItsLogTailShown(@TempDir Path dir) throws Exception {
    Path fake = program(dir, "echo 'reading the design' > yosys.log; echo 'still thinking' >> yosys.log; "
        + "sleep 600");
    SrHlsException e = assertThrows(SrHlsException.class, () -> new OpenSynthesis(RUNNER, new Yosys(fake, "9.9"),
        Duration.ofSeconds(2), null).run("xcup", "m", List.of(dir.resolve("m.v")), dir.resolve("work")));
    assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
    assertTrue(e.getMessage().contains("still thinking"), e.getMessage());
  }

  @Test
  void anErrorPrintedWithExitCodeZeroIsAFailure(@TempDir Path dir) throws Exception {
    Path fake = program(dir, "echo 'ERROR: something went wrong'; echo '{}' > stat.json");
    SrHlsException e = assertThrows(SrHlsException.class, () -> new OpenSynthesis(RUNNER, new Yosys(fake, "9.9"),
        Duration.ofMinutes(1), null).run("xcup", "m", List.of(dir.resolve("m.v")), dir.resolve("work")));
    assertTrue(e.getMessage().contains("it printed errors:\n  ERROR: something went wrong"), e.getMessage());
  }

  @Test
  void noStatisticsIsAFailure(@TempDir Path dir) throws Exception {
    Path fake = program(dir, "echo 'Warning: nothing to do'");
    SrHlsException e = assertThrows(SrHlsException.class, () -> new OpenSynthesis(RUNNER, new Yosys(fake, "9.9"),
        Duration.ofMinutes(1), null).run("xcup", "m", List.of(dir.resolve("m.v")), dir.resolve("work")));
    assertTrue(e.getMessage().contains("it wrote no stat.json:\n  Warning: nothing to do"), e.getMessage());
  }

  @Test
  void statisticsWithoutTheTopModuleAreAFailure(@TempDir Path dir) throws Exception {
    Path fake = program(dir, "echo '{\"modules\": {\"other\": {\"num_cells_by_type\": {}}}}' > stat.json");
    SrHlsException e = assertThrows(SrHlsException.class, () -> new OpenSynthesis(RUNNER, new Yosys(fake, "9.9"),
        Duration.ofMinutes(1), null).run("xcup", "m", List.of(dir.resolve("m.v")), dir.resolve("work")));
    assertTrue(e.getMessage().contains("holds no cell counts of module m"), e.getMessage());
  }

  @Test
  void aMissingYosysIsOneErrorSayingHowToGetIt(@TempDir Path dir) {
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> Yosys.locate(RUNNER, null, dir.toString()));
    assertTrue(e.getMessage().contains("no yosys is on the PATH; install it (Debian: apt-get install yosys)"),
        e.getMessage());
    e = assertThrows(SrHlsException.class,
        () -> Yosys.locate(RUNNER, dir.resolve("nope").toString(), dir.toString()));
    assertTrue(e.getMessage().contains("(sr-hls.yosys) is not an executable file"), e.getMessage());
  }

  /** A stand-in for yosys: a shell script run in the work directory. */
  private static Path program(Path dir, String body) throws Exception {
    Path file = dir.resolve("fake-yosys");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
