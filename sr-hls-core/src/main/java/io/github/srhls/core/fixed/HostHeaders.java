package io.github.srhls.core.fixed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Our C++ host-simulation headers ({@code ap_fixed.h}, {@code ap_int.h} and their shared implementation), shipped
 * as resources of this library. Generated code includes the first two; the host build puts the directory they are
 * written to on the include path. They compute the same bits as {@link Fixed}.
 */
public final class HostHeaders {

  /** The file names, the ones generated code includes first. */
  public static final List<String> FILE_NAMES = List.of("ap_fixed.h", "ap_int.h", "srhls_ap_types.h");

  private static final String RESOURCE_DIR = "/io/github/srhls/core/include/";

  private HostHeaders() {
  }

  /** The text of one header, byte for byte as shipped. */
  public static byte[] content(String fileName) {
    if (!FILE_NAMES.contains(fileName)) {
      throw new IllegalArgumentException("no host header named '" + fileName + "'; there are " + FILE_NAMES);
    }
    try (InputStream in = HostHeaders.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
      if (in == null) {
        throw new IllegalStateException("the host header " + fileName + " is missing from the sr-hls-core jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the host header " + fileName, e);
    }
  }

  /** Writes every header into {@code dir} (created if needed), replacing older copies, and returns {@code dir}. */
  public static Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : FILE_NAMES) {
      Files.write(dir.resolve(name), content(name));
    }
    return dir;
  }
}
