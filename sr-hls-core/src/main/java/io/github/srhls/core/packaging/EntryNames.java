package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;

/** Zip entry names that cannot escape the extraction directory on any OS ("zip slip"). */
public final class EntryNames {

  /** Longest name the zip header's 16-bit length field can hold, in UTF-8 bytes. */
  static final int MAX_BYTES = 0xFFFF;

  private EntryNames() {}

  /**
   * Checks an entry name: not empty, relative ({@code /} or a drive letter first is absolute), {@code /}
   * separators only (no backslash), no empty, {@code .} or {@code ..} segment, no control characters, and no
   * {@code :} (a drive or an NTFS stream on Windows).
   *
   * @throws SrHlsException naming the entry and the rule it breaks
   */
  public static String requireSafe(String name) {
    if (name == null || name.isEmpty()) {
      throw new SrHlsException("zip entry name is empty");
    }
    String problem = null;
    if (name.startsWith("/")) {
      problem = "it is absolute";
    } else if (name.indexOf('\\') >= 0) {
      problem = "it contains a backslash; use '/'";
    } else if (name.indexOf(':') >= 0) {
      problem = "it contains ':' (a drive or stream name on Windows)";
    } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      problem = "it contains a control character";
    } else if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problem = "it is longer than " + MAX_BYTES + " bytes";
    } else {
      for (String segment : name.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          problem = "it has an empty, '.' or '..' path segment";
          break;
        }
      }
    }
    if (problem != null) {
      throw new SrHlsException("refusing zip entry '" + name + "': " + problem);
    }
    return name;
  }

  /** The entry name of a file below a base directory: its relative path joined with {@code /}. */
  public static String of(Path base, Path file) {
    Path relative = base.relativize(file);
    StringJoiner joiner = new StringJoiner("/");
    relative.forEach(part -> joiner.add(part.toString()));
    return requireSafe(joiner.toString());
  }
}
