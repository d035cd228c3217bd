package io.github.srhls.core.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), md)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | SecurityException
        | NullPointerException e) {
      return "unknown";
    }
  }
}
