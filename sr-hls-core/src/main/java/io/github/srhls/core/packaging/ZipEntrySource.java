package io.github.srhls.core.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to put in a zip.
 *
 * @param name the entry name: relative, {@code /}-separated, checked by {@link EntryNames#requireSafe}
 * @param file the file whose bytes become the entry
 */
public record ZipEntrySource(String name, Path file) {
  public ZipEntrySource {
    EntryNames.requireSafe(name);
    Objects.requireNonNull(file, "file");
  }
}
