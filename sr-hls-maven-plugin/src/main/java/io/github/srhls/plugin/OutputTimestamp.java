package io.github.srhls.plugin;

import io.github.srhls.core.diag.SrHlsException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads {@code project.build.outputTimestamp} the way Maven's archivers do, so the zips are as reproducible as the
 * project's jars: an ISO-8601 date-time with offset, or seconds since the epoch.
 */
final class OutputTimestamp {
  // What a zip entry's DOS date-time can hold, with its 2-second resolution.
  static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:02Z");
  static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");

  private OutputTimestamp() {}

  /**
   * @return the instant, or null when there is no timestamp (unset, or one character: the usual way to switch an
   *     inherited timestamp off)
   * @throws SrHlsException when the value is neither form or out of the zip format's range
   */
  static Instant parse(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Instant instant;
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      instant = epochSeconds(value);
    } else if (value.length() < 2) {
      return null;
    } else {
      try {
        instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
      } catch (DateTimeParseException e) {
        throw invalid(value, "it is neither an ISO-8601 date-time like 2026-01-31T12:00:00Z nor seconds since 1970");
      }
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(value, "zip entries can only hold times from " + EARLIEST + " to " + LATEST);
    }
    return instant;
  }

  private static Instant epochSeconds(String digits) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(digits));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw invalid(digits, "the number of seconds is too large");
    }
  }

  private static SrHlsException invalid(String value, String why) {
    return new SrHlsException("Invalid project.build.outputTimestamp '" + value + "': " + why);
  }
}
