package io.github.srhls.core.incremental;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 digests of files, remembered between builds in a small JSON file with what the file system said about
 * each file when it was read, so that an up-to-date check reads only the files that may have changed (test vectors
 * of gigabytes are read once, not on every build).
 *
 * <p>A remembered digest is used again only when the file's size, modification time, change time and identity
 * (device and inode where the system has them) are all as they were, <em>and</em> both times were strictly before
 * the file system's clock as read (by writing a probe file) just before the file was digested. The second condition
 * is the "racily clean" rule: a file rewritten with the same size within the timestamp granularity of its last
 * reading keeps its modification time, but then that time was not strictly before the clock reading, so the file is
 * read again. A file changed later gets a later time (the change time cannot be set back by tools that preserve
 * modification times, {@code touch -d}, {@code cp -p}, archives), and a file replaced by another gets another
 * identity. Times come from the file system, not from this machine's clock, so a network file system's own clock
 * is the one compared.
 *
 * <p>Not safe for use by several threads at once; one per model's work directory.
 */
public final class FileDigests {

  /** The probe file beside the remembered digests: written to read the file system's clock. */
  private static final String CLOCK_SUFFIX = ".clock";

  private final Path store;
  private final Map<String, Entry> earlier;
  private final Map<String, Entry> now = new TreeMap<>();
  private long clock = Long.MIN_VALUE;
  private int read;

  /**
   * What is remembered of one file.
   *
   * @param size bytes
   * @param modified modification time, ns since the epoch
   * @param changed change time (inode), ns since the epoch; the modification time where the system has none
   * @param identity device and inode, or whatever identity the system gives a file; empty when none
   * @param readAfter the file system's clock, ns since the epoch, just before the file was read
   * @param sha256 the digest of its bytes, 64 hex digits
   */
  public record Entry(long size, long modified, long changed, String identity, long readAfter, String sha256) {
    public Entry {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(sha256, "sha256");
    }

    /** Whether the file, as it is now, is the one this digest was made of. */
    boolean stillDescribes(Entry stat) {
      return size == stat.size && modified == stat.modified && changed == stat.changed
          && identity.equals(stat.identity) && Math.max(modified, changed) < readAfter;
    }
  }

  /** The remembered digests' file format. */
  public record Stored(Map<String, Entry> files) {
    public Stored {
      files = new TreeMap<>(files);
    }
  }

  private FileDigests(Path store, Map<String, Entry> earlier) {
    this.store = store;
    this.earlier = earlier;
  }

  /** The digests remembered in {@code store}; none when it is missing or unreadable (then every file is read). */
  public static FileDigests load(Path store) {
    return new FileDigests(store,
        JsonFiles.readIfValid(store, Stored.class).map(Stored::files).orElseGet(TreeMap::new));
  }

  /** The SHA-256 of the file's bytes (64 hex digits), read from the file unless it is remembered and unchanged. */
  public String sha256(Path file) {
    String key = file.toAbsolutePath().normalize().toString();
    Entry stat = stat(file);
    Entry known = earlier.get(key);
    if (known != null && known.stillDescribes(stat)) {
      now.put(key, known);
      return known.sha256();
    }
    long readAfter = clock();
    String digest = Sha256.ofFile(file);
    read++;
    // the stat taken before reading: a change while it was read makes the next build read the file again
    now.put(key, new Entry(stat.size, stat.modified, stat.changed, stat.identity, readAfter, digest));
    return digest;
  }

  /** How many files were read (digested) since this was loaded: the probe of the up-to-date check's cost. */
  public int filesRead() {
    return read;
  }

  /**
   * Remembers the digests of the files asked for since loading, and only those (so the store does not grow); writes
   * nothing when none was asked for or nothing changed.
   */
  public void save() {
    if (!now.isEmpty() && !now.equals(earlier)) {
      JsonFiles.write(store, new Stored(now));
    }
  }

  /** The file system's clock, read once (before the first file is digested) by writing a probe file. */
  private long clock() {
    if (clock == Long.MIN_VALUE) {
      Path probe = store.resolveSibling(store.getFileName() + CLOCK_SUFFIX);
      try {
        Files.createDirectories(probe.toAbsolutePath().getParent());
        Files.write(probe, new byte[0]);
        clock = nanos(Files.getLastModifiedTime(probe));
      } catch (IOException e) {
        throw new SrHlsException("cannot write " + probe + ": " + e.getMessage(), e);
      }
    }
    return clock;
  }

  private static Entry stat(Path file) {
    try {
      BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
      long modified = nanos(basic.lastModifiedTime());
      long changed = modified;
      String identity = basic.fileKey() == null ? "" : basic.fileKey().toString();
      try {
        Map<String, Object> unix = Files.readAttributes(file, "unix:ctime,ino,dev");
        changed = nanos((FileTime) unix.get("ctime"));
        identity = unix.get("dev") + ":" + unix.get("ino");
      } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
        // no change time on this system: the modification time and the file key are what there is
      }
      return new Entry(basic.size(), modified, changed, identity, 0, "");
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
