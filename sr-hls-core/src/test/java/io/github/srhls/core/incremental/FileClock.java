package io.github.srhls.core.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The file system's clock, for tests of {@link FileDigests}. */
public final class FileClock {
  private FileClock() {}

  /**
   * Waits until the file system's clock has moved past the last change of every file under {@code root}, so that
   * their first digests are trusted by the next build (a condition, not a duration: it polls a probe file's time).
   */
  public static void pastChangesUnder(Path root) throws IOException {
    long newest;
    try (Stream<Path> walk = Files.walk(root)) {
      newest = walk.mapToLong(FileClock::changed).max().orElse(0);
    }
    Path probe = root.resolveSibling(root.getFileName() + ".clockprobe");
    for (int i = 0; i < 10_000; i++) {
      Files.write(probe, new byte[0]);
      if (Files.getLastModifiedTime(probe).to(TimeUnit.NANOSECONDS) > newest) {
        Files.delete(probe);
        return;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    throw new IOException("the file system's clock did not move in 10,000 tries");
  }

  private static long changed(Path p) {
    try {
      return ((FileTime) Files.getAttribute(p, "unix:ctime")).to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
