package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads {@code project.build.outputTimestamp} the way Maven's archivers do, so the zips are as reproducible as the
 * project's jars: an ISO-8601 date-time with offset, or seconds since the epoch. Only times {@link DeterministicZip}
 * can write are accepted, so a bad value fails where it is read, naming the property.
 */
public final class OutputTimestamp {
  /** The earliest time accepted: {@link DeterministicZip#DEFAULT_TIME}. */
  public static final Instant EARLIEST = DeterministicZip.DEFAULT_TIME;
  /** The latest time accepted: {@link DeterministicZip#LATEST_TIME}. */
  public static final Instant LATEST = DeterministicZip.LATEST_TIME;

  private OutputTimestamp() {}

  /**
   * @return the instant, truncated to whole seconds, or null when there is no timestamp (unset, or one character:
   *     the usual way to switch an inherited timestamp off)
   * @throws SrHlsException when the value is neither form or outside {@link #EARLIEST} … {@link #LATEST}
   */
  public static Instant parse(String value) {
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
    } catch (NumberFormatException | DateTimeException e) {
      throw invalid(digits, "the number of seconds is too large");
    }
  }

  private static SrHlsException invalid(String value, String why) {
    return new SrHlsException("Invalid project.build.outputTimestamp '" + value + "': " + why);
  }
}
