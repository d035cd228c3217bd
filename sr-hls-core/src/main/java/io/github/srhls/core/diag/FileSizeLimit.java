package io.github.srhls.core.diag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest a kind of input file may be, checked before the file is read: a parser given hundreds of megabytes
 * works for minutes (or fails deep inside with its own words) where the user should hear at once what the limit is.
 *
 * @param what the kind of file, for messages: {@code a model file}
 * @param bytes the largest size accepted, a whole number of MiB
 * @param advice what to do instead
 */
public record FileSizeLimit(String what, long bytes, String advice) {
  private static final long MIB = 1L << 20;

  public FileSizeLimit {
    if (bytes < MIB || bytes % MIB != 0) {
      throw new IllegalArgumentException("a limit is a whole number of MiB: " + bytes);
    }
  }

  /**
   * Refuses {@code file} if it is larger than the limit. A file that cannot be measured passes: the read that
   * follows reports why it cannot be read.
   *
   * @param shownAs the file as messages name it
   */
  public void check(Path file, Path shownAs) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return;
    }
    if (size > bytes) {
      throw new SrHlsException(shownAs + ": the file has " + String.format(Locale.ROOT, "%.1f", (double) size / MIB)
          + " MiB, more than the " + bytes / MIB + " MiB " + what + " may have; " + advice);
    }
  }
}
