package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A zip another program wrote (the vendor tool's IP export) that sr-hls puts unchanged into the zip it attaches.
 * Whoever unpacks the attached zip will unpack this one too (Vivado's IP catalog does), so every entry must stay
 * inside the folder it is unpacked in ("zip slip"): no absolute name, drive letter, backslash or {@code ..}
 * segment ({@link EntryNames}), and no symbolic link, which could point anywhere.
 *
 * <p>Names are checked where an unpacker may read them: in the central directory and in each entry's local
 * header (which a streaming unpacker reads instead). The zip is read byte by byte: {@code java.util.zip} shows
 * neither an entry's Unix file type nor both of its names.
 */
public final class ForeignZip {

  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_LENGTH = 22;
  private static final int CENTRAL_LENGTH = 46;
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int LOCAL_LENGTH = 30;
  private static final int FLAG_UTF8 = 1 << 11;
  private static final int MADE_BY_UNIX = 3;
  private static final int FILE_TYPE = 0170000;
  private static final int SYMBOLIC_LINK = 0120000;
  /** Longest entry name quoted in a message. */
  private static final int SHOWN = 200;

  private ForeignZip() {}

  /**
   * Checks every entry of {@code zip}.
   *
   * @param what how the zip is called in messages, e.g. "the vendor's IP zip"
   * @throws SrHlsException naming the zip, the first offending entry, why, and what to do; or when the zip cannot
   *     be read
   */
  public static void requireContained(Path zip, String what) {
    try {
      check(zip, what);
    } catch (IOException e) {
      throw new SrHlsException(what + " " + zip + " cannot be read as a zip (" + e.getMessage() + "); sr-hls does "
          + "not package it: export it again", e);
    }
  }

  private static void check(Path zip, String what) throws IOException {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = channel.size();
      int tailLength = (int) Math.min(size, END_LENGTH + 0xFFFF);
      ByteBuffer tail = read(channel, size - tailLength, tailLength);
      int end = -1;
      for (int i = tailLength - END_LENGTH; i >= 0; i--) {
        if (tail.getInt(i) == END_OF_CENTRAL_DIRECTORY) {
          end = i;
          break;
        }
      }
      if (end < 0) {
        throw new IOException("no end of central directory record");
      }
      long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
      long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
      if (directoryOffset + directorySize > size || directorySize > Integer.MAX_VALUE) {
        throw new IOException("its central directory lies outside the file (a ZIP64 or damaged archive)");
      }
      int count = Short.toUnsignedInt(tail.getShort(end + 10));
      ByteBuffer directory = read(channel, directoryOffset, (int) directorySize);
      int at = 0;
      int seen = 0;
      while (at + CENTRAL_LENGTH <= directorySize && directory.getInt(at) == CENTRAL_HEADER) {
        seen++;
        int madeBy = Short.toUnsignedInt(directory.getShort(at + 4)) >>> 8;
        int flags = Short.toUnsignedInt(directory.getShort(at + 8));
        int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
        int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
        int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
        long attributes = Integer.toUnsignedLong(directory.getInt(at + 38));
        long localHeader = Integer.toUnsignedLong(directory.getInt(at + 42));
        if (at + CENTRAL_LENGTH + nameLength > directorySize) {
          throw new IOException("an entry name runs past the central directory");
        }
        byte[] bytes = new byte[nameLength];
        directory.get(at + CENTRAL_LENGTH, bytes);
        String name = name(bytes, flags);
        checkName(zip, what, name);
        if (madeBy == MADE_BY_UNIX && ((attributes >>> 16) & FILE_TYPE) == SYMBOLIC_LINK) {
          throw refused(zip, what, name, "it is a symbolic link, which can point outside that folder");
        }
        // A streaming unpacker reads the name in the entry's local header instead, which may differ.
        if (localHeader + LOCAL_LENGTH > size) {
          throw new IOException("entry '" + shown(name) + "' starts outside the file");
        }
        ByteBuffer local = read(channel, localHeader, LOCAL_LENGTH);
        if (local.getInt(0) != LOCAL_HEADER) {
          throw new IOException("entry '" + shown(name) + "' has no local header where the directory says");
        }
        int localNameLength = Short.toUnsignedInt(local.getShort(26));
        if (localHeader + LOCAL_LENGTH + localNameLength > size) {
          throw new IOException("the local name of entry '" + shown(name) + "' runs past the end of the file");
        }
        ByteBuffer localName = read(channel, localHeader + LOCAL_LENGTH, localNameLength);
        checkName(zip, what, name(localName.array(), Short.toUnsignedInt(local.getShort(6))));
        at += CENTRAL_LENGTH + nameLength + extraLength + commentLength;
      }
      if (count != 0xFFFF && seen != count) {
        throw new IOException("its central directory lists " + seen + " entries, its end record " + count);
      }
    }
  }

  /** The checks look only at ASCII characters, which every encoding a zip may use keeps as they are. */
  private static String name(byte[] bytes, int flags) {
    return new String(bytes, (flags & FLAG_UTF8) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** A directory entry ends with {@code /}; the rest must be a safe name. */
  private static void checkName(Path zip, String what, String name) {
    String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    Optional<String> problem = EntryNames.problem(path);
    if (problem.isPresent()) {
      throw refused(zip, what, name, problem.get() + ", so it would be unpacked outside the folder the zip is "
          + "unpacked in");
    }
  }

  private static SrHlsException refused(Path zip, String what, String name, String why) {
    return new SrHlsException(what + " " + zip + " holds the entry '" + shown(name) + "': " + why + ". sr-hls does "
        + "not package such a zip: find what put that entry into the export (the tool's export step, an IP "
        + "repository or a hook script it runs), remove it and package again");
  }

  /** The name as a message can show it: control characters made visible, at most {@link #SHOWN} characters. */
  private static String shown(String name) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (; i < name.length() && b.length() < SHOWN; i++) {
      char c = name.charAt(i);
      b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return i < name.length() ? b + "..." : b.toString();
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the file ends early");
      }
    }
    return buffer.flip();
  }
}
