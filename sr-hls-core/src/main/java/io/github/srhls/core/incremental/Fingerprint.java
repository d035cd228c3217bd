package io.github.srhls.core.incremental;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over a sequence of labelled parts (texts, byte arrays, files, directory trees). Every part is
 * length-prefixed, so no two different sequences give the same input to the hash.
 */
public final class Fingerprint {

  private final MessageDigest digest;

  private Fingerprint() {
    digest = Sha256.digest();
  }

  public static Fingerprint start() {
    return new Fingerprint();
  }

  public Fingerprint text(String label, String value) {
    return bytes(label, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
  }

  public Fingerprint bytes(String label, byte[] value) {
    part(label.getBytes(StandardCharsets.UTF_8));
    part(value);
    return this;
  }

  /**
   * A file's content, under the given label (for example its path relative to a root). Read in pieces, so that a
   * file of any size (test vectors of gigabytes) is digested without being held; the digest is the same as
   * {@link #bytes} of its content.
   */
  public Fingerprint file(String label, Path file) {
    part(label.getBytes(StandardCharsets.UTF_8));
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      for (int i = 7; i >= 0; i--) {
        digest.update((byte) (size >>> (8 * i)));
      }
      byte[] buffer = new byte[1 << 16];
      long read = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        read += n;
      }
      if (read != size) {
        throw new SrHlsException("cannot read " + file + ": it changed while being read");
      }
      return this;
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A file by its SHA-256 as {@code digests} gives it (remembered from an earlier build when the file is unchanged,
   * see {@link FileDigests}), under the given label: a file need not be read to be fingerprinted.
   */
  public Fingerprint file(String label, Path file, FileDigests digests) {
    return text(label, digests.sha256(file));
  }

  /** Every regular file below {@code dir}, by its {@code /}-separated relative path, in path order. */
  public Fingerprint tree(String label, Path dir) {
    return tree(label, dir, null);
  }

  /**
   * As {@link #tree(String, Path)}, each file by its digest from {@code digests}
   * ({@link #file(String, Path, FileDigests)}).
   */
  public Fingerprint tree(String label, Path dir, FileDigests digests) {
    text("tree", label);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new SrHlsException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    for (Path f : files) {
      String relative = dir.relativize(f).toString().replace('\\', '/');
      if (digests == null) {
        file(relative, f);
      } else {
        file(relative, f, digests);
      }
    }
    return this;
  }

  /** {@code sha256:<64 hex digits>}; the fingerprint cannot be added to afterwards. */
  public String done() {
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  private void part(byte[] b) {
    long n = b.length;
    for (int i = 7; i >= 0; i--) {
      digest.update((byte) (n >>> (8 * i)));
    }
    digest.update(b);
  }
}
