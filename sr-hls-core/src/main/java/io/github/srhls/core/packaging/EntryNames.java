package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
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
    Optional<String> problem = problem(name);
    if (problem.isPresent()) {
      throw new SrHlsException("refusing zip entry '" + name + "': " + problem.get());
    }
    return name;
  }

  /** What makes a name unsafe as {@link #requireSafe} says, as a phrase ("it is absolute"); empty when it is safe. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (name.startsWith("/")) {
      return Optional.of("it is absolute");
    }
    if (name.indexOf('\\') >= 0) {
      return Optional.of("it contains a backslash; use '/'");
    }
    if (name.indexOf(':') >= 0) {
      return Optional.of("it contains ':' (a drive or stream name on Windows)");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      return Optional.of("it contains a control character");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("it is longer than " + MAX_BYTES + " bytes");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return Optional.of("it has an empty, '.' or '..' path segment");
      }
    }
    return Optional.empty();
  }

  /** The entry name of a file below a base directory: its relative path joined with {@code /}. */
  public static String of(Path base, Path file) {
    Path relative = base.relativize(file);
    StringJoiner joiner = new StringJoiner("/");
    relative.forEach(part -> joiner.add(part.toString()));
    return requireSafe(joiner.toString());
  }
}
