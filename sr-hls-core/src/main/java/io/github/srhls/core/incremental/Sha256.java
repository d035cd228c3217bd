package io.github.srhls.core.incremental;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, the one hash sr-hls uses for fingerprints, manifests and reports. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest; every Java runtime has the algorithm, so its absence is no user error. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * The digest of a file's bytes as 64 lower-case hex digits, read in chunks so a large file is not held in memory.
   *
   * @throws SrHlsException when the file cannot be read
   */
  public static String ofFile(Path file) {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        md.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
