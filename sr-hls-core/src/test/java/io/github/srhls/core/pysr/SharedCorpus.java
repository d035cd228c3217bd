package io.github.srhls.core.pysr;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real hall-of-fame files in {@code ../shared/corpus} beside the project root. CI always has them; a user's
 * fresh clone does not, and there the tests that read them are skipped with the reason (the repository's own
 * fixtures still cover every CSV era).
 */
public final class SharedCorpus {
  private SharedCorpus() {}

  /** The folder of the real files; aborts the calling test, as skipped, when it is absent. */
  public static Path directory() {
    String shared = System.getProperty("srhls.shared");
    assertNotNull(shared, "surefire sets srhls.shared");
    Path corpus = location(shared);
    Assumptions.assumeTrue(Files.isDirectory(corpus), () -> "skipped: the shared corpus is not at " + corpus
        + " (CI puts ../shared beside the project root; without it only the repository's own fixtures are read)");
    return corpus;
  }

  /** The folder of the real files when it is there, for a run that goes on without them (a benchmark). */
  public static Optional<Path> find() {
    String shared = System.getProperty("srhls.shared");
    return shared == null ? Optional.empty() : Optional.of(location(shared)).filter(Files::isDirectory);
  }

  private static Path location(String shared) {
    return Path.of(shared, "corpus", "pysr-hall-of-fame").normalize();
  }

  /** The real hall-of-fame CSV files, sorted by name; aborts the calling test, as skipped, when they are absent. */
  public static List<Path> csvFiles() throws IOException {
    try (Stream<Path> list = Files.list(directory())) {
      return list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }
}
