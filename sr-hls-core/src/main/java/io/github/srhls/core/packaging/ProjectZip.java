package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The entries of a generated project's zip: every file of the project, plus extra files at its root. */
public final class ProjectZip {

  private ProjectZip() {}

  /**
   * Lists every regular file below {@code directory} as an entry named by its relative path.
   *
   * @throws SrHlsException on a symbolic link (it could pull in files from outside the project) or an unsafe name
   */
  public static List<ZipEntrySource> filesOf(Path directory) {
    List<ZipEntrySource> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isSymbolicLink(file)) {
          throw new SrHlsException(file + " is a symbolic link; sr-hls packages only regular files of the "
              + "generated project");
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          entries.add(new ZipEntrySource(EntryNames.of(directory, file), file));
        }
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    return entries;
  }
}
