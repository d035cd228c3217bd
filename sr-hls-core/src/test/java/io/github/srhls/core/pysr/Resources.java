package io.github.srhls.core.pysr;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test CSVs and run layouts under src/test/resources/io/github/srhls/core/pysr. */
final class Resources {
  private Resources() {}

  static Path path(String relative) {
    try {
      return Path.of(Resources.class.getResource("/io/github/srhls/core/pysr").toURI()).resolve(relative);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
