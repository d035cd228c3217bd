package io.github.srhls.core.toolchain.amd.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToolLogTest {

  @Test
  void keepsTheLastVerdictsAndTheFirstErrorsOfAnyLengthOfOutput() {
    ToolLog log = new ToolLog();
    log.accept("INFO: [SIM 211-1] CSim done with 3 errors.");
    for (int i = 0; i < 1_000_000; i++) {
      log.accept("INFO: [HLS 200-1] chatter " + i);
      if (i % 100_000 == 0) {
        log.accept("ERROR: [HLS 200-1715] number " + i);
      }
    }
    log.accept("  INFO: [SIM 211-1] CSim done with 0 errors.");
    log.accept("sr-hls testbench: 40 vectors, 0 mismatches");
    log.accept("ERROR: [COSIM 212-4] *** C/RTL co-simulation finished: FAIL ***");

    assertEquals(Optional.of(0), log.csimErrors());
    assertEquals(Optional.of("FAIL"), log.cosimVerdict());
    assertArrayEquals(new int[] {40, 0}, log.testbenchSummary().orElseThrow());
    assertEquals(11, log.errorCount());
    assertEquals("\n    ERROR: [HLS 200-1715] number 0\n    ERROR: [HLS 200-1715] number 100000"
        + "\n    ERROR: [HLS 200-1715] number 200000\n    ERROR: [HLS 200-1715] number 300000"
        + "\n    ERROR: [HLS 200-1715] number 400000\n    ... and 6 more", log.quotedErrors());
  }

  @Test
  void aLogWithoutVerdictsHasNone() {
    ToolLog log = ToolLog.of(List.of("@E Simulation failed.", "invalid command name \"csim\""));
    assertEquals(Optional.empty(), log.csimErrors());
    assertEquals(Optional.empty(), log.cosimVerdict());
    assertEquals(Optional.empty(), log.testbenchSummary());
    assertEquals("\n    @E Simulation failed.\n    invalid command name \"csim\"", log.quotedErrors());
  }
}
