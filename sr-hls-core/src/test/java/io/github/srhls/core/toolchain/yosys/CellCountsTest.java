package io.github.srhls.core.toolchain.yosys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Yosys's {@code stat -json} and adding its cells up the way a Vivado utilisation report names them. */
class CellCountsTest {

  /** The shape Yosys 0.23 writes (a multiply-add with a BRAM table and a LUT RAM, trimmed). */
  private static final String STAT = """
      {
         "creator": "Yosys 0.23 (git sha1 7ce5011c24b)",
         "invocation": "stat -json ",
         "modules": {
            "\\\\m": {
               "num_cells": 9,
               "num_cells_by_type": { "LUT2": 1 }
            }
         },
            "design": {
               "num_cells": 129,
               "num_cells_by_type": {
                  "CARRY4": 12, "CARRY8": 1, "DSP48E2": 3, "FDRE": 66, "FDSE": 2, "FDCE": 1,
                  "INV": 3, "LUT1": 1, "LUT2": 47, "LUT6": 5, "MUXF7": 2, "RAMB18E2": 1, "RAMB36E2": 2, "RAM64M": 3, "SRLC32E": 2
               }
            }
      }
      """;

  @Test
  void theDesignSectionIsAddedUpByKind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stat.json");
    Files.writeString(file, STAT);
    CellCounts c = CellCounts.read(file, "m");
    // an inverter is a LUT1 to Vivado
    assertEquals(Map.of("LUT1", 4L, "LUT2", 47L, "LUT3", 0L, "LUT4", 0L, "LUT5", 0L, "LUT6", 5L), c.lutBySize());
    assertEquals(56, c.lut());
    assertEquals(69, c.ff());
    assertEquals(13, c.carry());
    assertEquals(3, c.dsp());
    assertEquals(5, c.bram18k()); // a RAMB36E2 is two 18 Kb blocks
    assertEquals(14, c.lutram()); // a RAM64M takes four LUTs, a shift register one
    assertEquals(2L, c.cells().get("MUXF7")); // not classified, still reported
  }

  @Test
  void withoutADesignSectionTheTopModuleIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stat.json");
    Files.writeString(file, "{\"modules\": {\"\\\\m\": {\"num_cells_by_type\": {\"LUT3\": 4, \"FDRE\": 2}}}}");
    CellCounts c = CellCounts.read(file, "m");
    assertEquals(4, c.lut());
    assertEquals(2, c.ff());
  }

  @Test
  void brokenStatisticsAreOneClearError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stat.json");
    Files.writeString(file, "{\"design\": {\"num_cells_by_type\": {\"LUT3\": \"many\"}}}");
    SrHlsException e = assertThrows(SrHlsException.class, () -> CellCounts.read(file, "m"));
    assertTrue(e.getMessage().endsWith("the count of LUT3 is not a number: \"many\""), e.getMessage());
    Files.writeString(file, "{\"design\": ");
    e = assertThrows(SrHlsException.class, () -> CellCounts.read(file, "m"));
    assertTrue(e.getMessage().startsWith("cannot read Yosys's statistics " + file), e.getMessage());
  }

  @Test
  void theVersionIsWhatFollowsTheNameInYosysV() {
    assertEquals(Optional.of("0.23 (git sha1 7ce5011c24b)"),
        Yosys.parseVersion(List.of("Yosys 0.23 (git sha1 7ce5011c24b)")));
    assertEquals(Optional.empty(), Yosys.parseVersion(List.of("GNU bash, version 5.2")));
  }
}
