package io.github.srhls.core.toolchain.amd.detect;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AMD tool release, {@code 2023.2} or with an update number {@code 2023.2.2}.
 *
 * @param year the release year
 * @param release the release within the year (1 or 2)
 * @param update the update number, 0 when there is none
 */
public record HlsVersion(int year, int release, int update) implements Comparable<HlsVersion> {

  /** {@code v2023.2}, {@code v2023.2.2}: how banners and {@code -version} print it (the {@code v} is optional). */
  private static final Pattern IN_TEXT = Pattern.compile("(?<![0-9.])v?(\\d{4})\\.(\\d)(?:\\.(\\d+))?(?![0-9])");
  private static final Pattern BANNER = Pattern.compile("\\bv(\\d{4})\\.(\\d)(?:\\.(\\d+))?(?![0-9])");

  private static final Comparator<HlsVersion> ORDER = Comparator.comparingInt(HlsVersion::year)
      .thenComparingInt(HlsVersion::release).thenComparingInt(HlsVersion::update);

  public HlsVersion {
    if (year < 2000 || year > 2999 || release < 0 || update < 0) {
      throw new IllegalArgumentException("not a tool release: " + year + "." + release + "." + update);
    }
  }

  /** The first {@code v2023.2[.n]} in a tool's output line, as banners print it. */
  public static Optional<HlsVersion> fromBanner(String line) {
    return match(BANNER.matcher(line));
  }

  /** A version written without the {@code v}, as in toolchains.xml or an install directory name. */
  public static Optional<HlsVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = IN_TEXT.matcher(text.strip());
    return m.matches() ? match(m.reset()) : Optional.empty();
  }

  private static Optional<HlsVersion> match(Matcher m) {
    if (!m.find()) {
      return Optional.empty();
    }
    int update = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return Optional.of(new HlsVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), update));
  }

  /** Whether this is the given release or an earlier one, whatever its update number. */
  public boolean atMost(int year, int release) {
    return this.year < year || this.year == year && this.release <= release;
  }

  /** Whether this is the given release or a later one. */
  public boolean atLeast(int year, int release) {
    return this.year > year || this.year == year && this.release >= release;
  }

  /** Same year and release; the update number does not change the flow. */
  public boolean sameRelease(HlsVersion other) {
    return year == other.year && release == other.release;
  }

  @Override
  public int compareTo(HlsVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return year + "." + release + (update == 0 ? "" : "." + update);
  }
}
