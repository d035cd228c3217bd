package io.github.srhls.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.goals.RecordingBuildLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void progressIsLoggedOnlyWhenALoopTakesLong() {
    RecordingBuildLog log = new RecordingBuildLog();
    long[] now = {0};
    Progress p = new Progress(log, "m: %,d of %,d done (%s)", 3_000_000, () -> now[0]);
    p.done(1);
    now[0] = Progress.INTERVAL_NANOS - 1;
    p.done(1_000_000);
    assertEquals(List.of(), log.infos);
    now[0] = Progress.INTERVAL_NANOS;
    p.done(1_500_000);
    now[0] += 1;
    p.done(1_500_001);
    now[0] = 3 * Progress.INTERVAL_NANOS + 5 * 60_000_000_000L;
    p.done(2_999_999);
    assertEquals(List.of("m: 1,500,000 of 3,000,000 done (10 s)", "m: 2,999,999 of 3,000,000 done (5 min 30 s)"),
        log.infos);
  }
}
