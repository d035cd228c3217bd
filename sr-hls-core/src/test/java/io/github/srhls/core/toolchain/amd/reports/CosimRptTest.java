package io.github.srhls.core.toolchain.amd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CosimRptTest {
  @TempDir Path dir;

  private Path write(String table) throws Exception {
    Path file = dir.resolve("top_cosim.rpt");
    Files.writeString(file, "================================================================\n"
        + "== Vitis HLS Report for 'top'\n"
        + "+------------+--------+-----+-----+-----+-----+-----+-----+\n"
        + "|     RTL    | Status | min | avg | max | min | avg | max |\n"
        + "+------------+--------+-----+-----+-----+-----+-----+-----+\n" + table
        + "+------------+--------+-----+-----+-----+-----+-----+-----+\n");
    return file;
  }

  @Test
  void readsTheSimulatedLanguagesRow() throws Exception {
    CosimReport r = CosimRpt.read(write("|      VHDL  |      NA|   NA|   NA|   NA|   NA|   NA|   NA|\n"
        + "| Verilog|    Pass|  248|  251|  278|  248|  251|  278|\n"));
    assertEquals(new CosimReport("Verilog", "Pass", new CosimReport.Span(248L, 251L, 278L),
        new CosimReport.Span(248L, 251L, 278L)), r);
    assertTrue(r.passed());
  }

  @Test
  void ignoresColumnsNewerReleasesAdd() throws Exception {
    CosimReport r = CosimRpt.read(write("|   Verilog  |    Fail|   12|   12|   13|    1|    1|    1|  0.52 us|\n"));
    assertEquals("Fail", r.status());
    assertFalse(r.passed());
    assertEquals(13L, r.latency().max());
  }

  @Test
  void aReportWithoutRowsOrWithBadCellsIsAnError() throws Exception {
    Path empty = write("");
    SrHlsException e = assertThrows(SrHlsException.class, () -> CosimRpt.read(empty));
    assertTrue(e.getMessage().contains(empty + " has no '| Verilog | Pass | ...' row"), e.getMessage());
    Path bad = write("| Verilog|    Pass|  many|  251|  278|  248|  251|  278|\n");
    e = assertThrows(SrHlsException.class, () -> CosimRpt.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ":6: 'many' is not a number of cycles"), e.getMessage());
  }
}
