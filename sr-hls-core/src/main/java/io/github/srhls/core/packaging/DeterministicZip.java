package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips whose bytes depend only on the entries' names and contents and the given time.
 *
 * <p>Written by hand rather than with {@code ZipOutputStream}, whose DOS times follow the JVM's time zone and
 * which cannot store Unix permissions. Every entry is a file (no directory entries; unzip tools create parents),
 * sorted by name, deflated, with mode 0644, UTF-8 name flag, the DOS time of {@code time} read in UTC and an
 * extended-timestamp field holding the same instant. No ZIP64: over 65535 entries or 4 GiB is refused.
 */
public final class DeterministicZip {

  /**
   * The earliest time written, used when the build sets no output timestamp: DOS dates start in 1980, and some tools
   * read a DOS date-time of all zeros as no time at all.
   */
  public static final Instant DEFAULT_TIME = Instant.parse("1980-01-01T00:00:02Z");

  /**
   * The latest time written, 2038-01-19T03:14:07Z: the extended timestamp is a signed 32-bit count of seconds. (The
   * DOS date-time alone would last until 2107.)
   */
  public static final Instant LATEST_TIME = Instant.ofEpochSecond(Integer.MAX_VALUE);

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int VERSION_NEEDED = 20;
  /** Made by Unix (3), so readers honour the permission bits in the external attributes. */
  private static final int VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
  private static final int FLAG_UTF8 = 1 << 11;
  private static final int METHOD_DEFLATED = 8;
  private static final int REGULAR_FILE_0644 = 0100644;
  private static final int EXTENDED_TIMESTAMP = 0x5455;
  /** The extra field: the timestamp's id and size (4 bytes), its flags (1) and the time (4). */
  private static final int EXTRA_LENGTH = 9;
  private static final long MAX_32 = 0xFFFF_FFFFL;

  private DeterministicZip() {}

  /**
   * Writes the zip to a temporary file beside {@code zip} and moves it into place, so a reader never sees a
   * half-written archive under the final name.
   *
   * @param time every entry's modification time; null means {@link #DEFAULT_TIME}
   * @throws SrHlsException on a duplicate or unsafe name, a time outside {@link #DEFAULT_TIME} … {@link #LATEST_TIME},
   *     an archive too big for a plain zip, or an I/O error
   */
  public static void write(Path zip, Collection<ZipEntrySource> entries, Instant time) {
    Instant when = time == null ? DEFAULT_TIME : time;
    if (when.isBefore(DEFAULT_TIME) || when.isAfter(LATEST_TIME)) {
      throw new SrHlsException("the zip timestamp " + when + " is outside " + DEFAULT_TIME + " … " + LATEST_TIME
          + "; set project.build.outputTimestamp inside that range");
    }
    List<ZipEntrySource> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(ZipEntrySource::name));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
        throw new SrHlsException("two files would become zip entry '" + sorted.get(i).name() + "': "
            + sorted.get(i - 1).file() + " and " + sorted.get(i).file());
      }
    }
    if (sorted.size() > 0xFFFF) {
      throw new SrHlsException("cannot zip " + sorted.size() + " files into " + zip + ": at most 65535");
    }

    Path directory = zip.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(directory);
      // not Files.createTempFile: its 0600 would stay with the zip after the move; a new file gets the umask's mode
      temp = directory.resolve("." + zip.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
        writeArchive(out, sorted, when, zip);
      }
      move(temp, zip);
      temp = null;
    } catch (IOException e) {
      throw new SrHlsException("cannot write " + zip + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void writeArchive(OutputStream stream, List<ZipEntrySource> entries, Instant when, Path zip)
      throws IOException {
    LocalDateTime utc = LocalDateTime.ofInstant(when, ZoneOffset.UTC);
    int dosTime = utc.getHour() << 11 | utc.getMinute() << 5 | utc.getSecond() / 2;
    int dosDate = (utc.getYear() - 1980) << 9 | utc.getMonthValue() << 5 | utc.getDayOfMonth();
    int seconds = (int) when.getEpochSecond();

    Counting out = new Counting(stream);
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    Little cd = new Little(central);
    for (ZipEntrySource entry : entries) {
      byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
      byte[] content = Files.readAllBytes(entry.file());
      CRC32 crc = new CRC32();
      crc.update(content);
      byte[] deflated = deflate(content);
      long offset = out.count;
      if (offset + deflated.length > MAX_32) {
        throw new SrHlsException("cannot write " + zip + ": it would exceed 4 GiB, which needs ZIP64");
      }

      Header header = new Header(name, dosTime, dosDate, seconds, crc.getValue(), deflated.length, content.length);

      Little local = new Little(out);
      local.int32(LOCAL_HEADER);
      header.writeFields(local);
      header.writeNameAndExtra(local);
      out.write(deflated);

      cd.int32(CENTRAL_HEADER);
      cd.int16(VERSION_MADE_BY);
      header.writeFields(cd);
      cd.int16(0); // comment length
      cd.int16(0); // disk number
      cd.int16(0); // internal attributes
      cd.int32((long) REGULAR_FILE_0644 << 16);
      cd.int32(offset);
      header.writeNameAndExtra(cd);
    }
    long centralOffset = out.count;
    if (centralOffset + central.size() > MAX_32) {
      throw new SrHlsException("cannot write " + zip + ": it would exceed 4 GiB, which needs ZIP64");
    }
    central.writeTo(out);
    Little end = new Little(out);
    end.int32(END_OF_CENTRAL_DIRECTORY);
    end.int16(0); // this disk
    end.int16(0); // disk with the central directory
    end.int16(entries.size());
    end.int16(entries.size());
    end.int32(central.size());
    end.int32(centralOffset);
    end.int16(0); // comment length
  }

  /**
   * What an entry's local header and its central directory header both hold, in the same order: the fields from
   * "version needed to extract" to "extra field length", then the name and the extra field.
   */
  private record Header(byte[] name, int dosTime, int dosDate, int seconds, long crc, long compressedSize,
      long size) {

    void writeFields(Little out) throws IOException {
      out.int16(VERSION_NEEDED);
      out.int16(FLAG_UTF8);
      out.int16(METHOD_DEFLATED);
      out.int16(dosTime);
      out.int16(dosDate);
      out.int32(crc);
      out.int32(compressedSize);
      out.int32(size);
      out.int16(name.length);
      out.int16(EXTRA_LENGTH);
    }

    /** The name, then an Info-ZIP extended timestamp (0x5455) holding only the modification time. */
    void writeNameAndExtra(Little out) throws IOException {
      out.out().write(name);
      out.int16(EXTENDED_TIMESTAMP);
      out.int16(EXTRA_LENGTH - 4);
      out.out().write(1); // flags: modification time present
      out.int32(seconds);
    }
  }

  private static byte[] deflate(byte[] content) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(content);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
      byte[] buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void move(Path temp, Path zip) throws IOException {
    try {
      Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stray temporary file is harmless; the error that got us here is what the user needs
    }
  }

  /** Little-endian integers, as every zip header field is. */
  private record Little(OutputStream out) {
    void int16(int value) throws IOException {
      out.write(value & 0xFF);
      out.write((value >>> 8) & 0xFF);
    }

    void int32(long value) throws IOException {
      int16((int) (value & 0xFFFF));
      int16((int) ((value >>> 16) & 0xFFFF));
    }
  }

  /** Tracks the offset of each local header. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
