package io.github.srhls.core.project;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees sr-hls owns (generated projects, staging and work directories). */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Removes {@code dir} and everything below it; nothing there is fine. Symbolic links are removed, never followed,
   * so a link inside the tree (or {@code dir} itself being one) cannot make this delete files outside it.
   *
   * @throws SrHlsException when something cannot be removed
   */
  public static void delete(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
