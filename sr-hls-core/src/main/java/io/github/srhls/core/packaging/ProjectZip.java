package io.github.srhls.core.packaging;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entries of a generated project's zip: every file of the project but those only the build itself reads, plus
 * extra files at its root.
 */
public final class ProjectZip {
  /**
   * The binary copies of the test data, which only sr-hls's own host and RTL simulations read, in the build that
   * generated them. The zip's consumer integrates the IP and may rerun the vendor's C simulation, which reads the
   * decimal {@code .dat} files beside them: the same doubles, so the copies would only double the test data.
   */
  public static final Set<String> BUILD_ONLY = Set.of(TestbenchData.INPUTS_BINARY, TestbenchData.EXPECTED_BINARY,
      TestbenchData.FLOAT64_BINARY);

  private ProjectZip() {}

  /**
   * Lists every regular file below {@code directory} as an entry named by its relative path, but {@link #BUILD_ONLY}.
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
          String name = EntryNames.of(directory, file);
          if (!BUILD_ONLY.contains(name)) {
            entries.add(new ZipEntrySource(name, file));
          }
        }
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    return entries;
  }
}
