package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Sha256;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A digest of the sr-hls core jar that is running. Part of the incremental-build key beside the plugin version: a
 * rebuilt SNAPSHOT keeps its version but may generate different code, and must not be taken as up to date.
 */
final class CoreFingerprint {
  private static final String VALUE = compute();

  private CoreFingerprint() {}

  static String value() {
    return VALUE;
  }

  private static String compute() {
    try {
      Path source = Path.of(CoreFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(source)) {
        return "classes"; // running from a build directory (tests): the version stands alone
      }
      return Sha256.ofFile(source);
    } catch (SrHlsException | URISyntaxException | SecurityException | NullPointerException e) {
      return "unknown";
    }
  }
}
