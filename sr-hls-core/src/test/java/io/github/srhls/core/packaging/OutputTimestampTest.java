package io.github.srhls.core.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    "315532802, 1980-01-01T00:00:02Z",
    "2147483647, 2038-01-19T03:14:07Z",
    "2038-01-19T03:14:07.999Z, 2038-01-19T03:14:07Z",
    "2038-01-19T04:14:07+01:00, 2038-01-19T03:14:07Z"
  })
  void readsIsoDateTimesAndEpochSecondsUpToTheBounds(String value, String expected) {
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
  @ValueSource(strings = {"0", "315532801", "1979-12-31T23:59:59Z", "2147483648", "2038-01-19T03:14:08Z",
      "2099-12-31T23:59:59Z", "2100-01-01T00:00:00Z"})
  void refusesTimesAZipCannotHoldNamingThePropertyAndTheRange(String value) {
    SrHlsException e = assertThrows(SrHlsException.class, () -> OutputTimestamp.parse(value));
    assertEquals("Invalid project.build.outputTimestamp '" + value + "': zip entries can only hold times from "
        + "1980-01-01T00:00:02Z to 2038-01-19T03:14:07Z", e.getMessage());
  }

  @Test
  void refusesAnEpochCountBeyondAnyInstant() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> OutputTimestamp.parse("99999999999999999999"));
    assertEquals("Invalid project.build.outputTimestamp '99999999999999999999': the number of seconds is too large",
        e.getMessage());
  }

  /** The parser and the zip writer agree: what one accepts the other writes, what one refuses so does the other. */
  @Test
  void theBoundsAreWhatTheZipWriterHolds(@TempDir Path dir) {
    for (Instant bound : List.of(OutputTimestamp.EARLIEST, OutputTimestamp.LATEST)) {
      Path zip = dir.resolve(bound.getEpochSecond() + ".zip");
      DeterministicZip.write(zip, List.of(), OutputTimestamp.parse(bound.toString()));
      assertTrue(Files.isRegularFile(zip), bound::toString);
    }
    for (Instant outside : List.of(OutputTimestamp.EARLIEST.minusSeconds(1), OutputTimestamp.LATEST.plusSeconds(1))) {
      assertThrows(SrHlsException.class, () -> OutputTimestamp.parse(outside.toString()));
      assertThrows(SrHlsException.class, () -> DeterministicZip.write(dir.resolve("x.zip"), List.of(), outside));
    }
  }
}
