package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputTimestampTest {

  @Test
  void absentMeansNoTimestamp() {
    assertNull(OutputTimestamp.parse(null));
    assertNull(OutputTimestamp.parse(""));
  }

  @Test
  void oneCharacterSwitchesAnInheritedTimestampOff() {
    assertNull(OutputTimestamp.parse("x"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-21T00:00:00Z, 2026-11-21T00:00:00Z",
    "2019-10-05T20:37:42+06:00, 2019-10-05T14:37:42Z",
    "2026-11-21T00:00:00.987Z, 2026-11-21T00:00:00Z",
    "1767225600, 2026-01-01T00:00:00Z",
    "315532802, 1980-01-01T00:00:02Z"
  })
  void readsIsoDateTimesAndEpochSeconds(String value, String expected) {
    assertEquals(Instant.parse(expected), OutputTimestamp.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-11-21", "2026-11-21T00:00:00", "-5", "1.5"})
  void refusesWhatIsNeitherForm(String value) {
    SrHlsException e = assertThrows(SrHlsException.class, () -> OutputTimestamp.parse(value));
    assertTrue(
        e.getMessage().startsWith("Invalid project.build.outputTimestamp '" + value + "': it is neither"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1979-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "99999999999999999999"})
  void refusesTimesAZipCannotHold(String value) {
    SrHlsException e = assertThrows(SrHlsException.class, () -> OutputTimestamp.parse(value));
    assertTrue(e.getMessage().contains("Invalid project.build.outputTimestamp '" + value + "'"), e.getMessage());
  }
}
