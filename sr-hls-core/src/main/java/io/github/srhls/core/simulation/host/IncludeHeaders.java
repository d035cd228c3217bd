package io.github.srhls.core.simulation.host;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * C++ headers shipped as resources, extracted next to a build so the compiler can find them. The resource
 * directory lists them in {@code headers.list}, one file name per line ({@code #} starts a comment), because a
 * class loader cannot list a directory inside a jar.
 */
public final class IncludeHeaders {

  /** Where sr-hls's own {@code ap_fixed.h}, {@code ap_int.h} and their helpers live. */
  public static final String BUILT_IN = "io/github/srhls/core/include/";

  static final String LIST = "headers.list";

  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(h|hpp)");

  private final ClassLoader loader;
  private final String base;

  private IncludeHeaders(ClassLoader loader, String base) {
    this.loader = loader;
    this.base = base.endsWith("/") ? base : base + "/";
  }

  /** sr-hls's own fixed-point headers. */
  public static IncludeHeaders builtIn() {
    return new IncludeHeaders(IncludeHeaders.class.getClassLoader(), BUILT_IN);
  }

  /** Headers under another resource directory that has its own {@code headers.list}. */
  public static IncludeHeaders fromResources(ClassLoader loader, String resourceDirectory) {
    return new IncludeHeaders(loader, resourceDirectory);
  }

  /** The header file names, in list order. */
  public List<String> names() {
    String listing = new String(resource(LIST), StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    String[] lines = listing.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String name = lines[i].strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new SrHlsException("the sr-hls jar is broken: " + base + LIST + ":" + (i + 1) + ": '" + name
            + "' is not a plain header name");
      }
      names.add(name);
    }
    return names;
  }

  /** Every listed header's bytes by name, in list order: what a build against these headers depends on. */
  public Map<String, byte[]> contents() {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (String name : names()) {
      contents.put(name, resource(name));
    }
    return contents;
  }

  /**
   * Writes every listed header into {@code directory} (created if needed, files replaced) and returns it.
   */
  public Path extractTo(Path directory) {
    try {
      Files.createDirectories(directory);
      for (String name : names()) {
        Files.write(directory.resolve(name), resource(name));
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot extract the C++ headers to " + directory + ": " + e.getMessage(), e);
    }
    return directory;
  }

  private byte[] resource(String name) {
    try (InputStream in = loader.getResourceAsStream(base + name)) {
      if (in == null) {
        throw new SrHlsException("the sr-hls jar is incomplete: resource " + base + name + " is missing; "
            + "reinstall the plugin");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new SrHlsException("cannot read resource " + base + name + ": " + e.getMessage(), e);
    }
  }
}
