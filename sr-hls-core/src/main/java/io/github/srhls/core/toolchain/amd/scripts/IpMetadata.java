package io.github.srhls.core.toolchain.amd.scripts;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the IP export stamps on the IP: its VLNV (vendor, library, name, version) and description.
 *
 * @param vendor e.g. {@code xilinx.com} (the tools' default) or an organisation's domain
 * @param library e.g. {@code hls} (the tools' default)
 * @param name the IP name: the model's name
 * @param version {@code major.minor}, as the IP catalog wants it
 * @param description free text, one line in the scripts
 */
public record IpMetadata(String vendor, String library, String name, String version, String description) {

  public static final String DEFAULT_VENDOR = "xilinx.com";
  public static final String DEFAULT_LIBRARY = "hls";

  /** Vendor and library: domain-like words that need no quoting in Tcl or the config file. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}");
  private static final Pattern LEADING_VERSION = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?.*");

  public IpMetadata {
    requireWord("IP vendor", vendor);
    requireWord("IP library", library);
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("IP name '" + name + "' is not a C identifier");
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("IP version '" + version + "' is not major.minor (like 1.0)");
    }
    description = oneLine(Objects.requireNonNull(description, "description"));
  }

  /**
   * The IP of a model: its name, the {@code major.minor} of its version ({@code 1.2.3-SNAPSHOT} gives
   * {@code 1.2}, a version without leading digits {@code 1.0}) and its description.
   *
   * @param vendor null means {@value #DEFAULT_VENDOR}
   * @param library null means {@value #DEFAULT_LIBRARY}
   */
  public static IpMetadata of(String name, String modelVersion, String description, String vendor,
      String library) {
    return new IpMetadata(vendor == null ? DEFAULT_VENDOR : vendor, library == null ? DEFAULT_LIBRARY : library,
        name, ipVersion(modelVersion), description.isBlank() ? "sr-hls model " + name : description);
  }

  static String ipVersion(String modelVersion) {
    Matcher m = LEADING_VERSION.matcher(modelVersion == null ? "" : modelVersion.strip());
    if (!m.matches()) {
      return "1.0";
    }
    return Long.parseLong(m.group(1)) + "." + (m.group(2) == null ? "0" : Long.parseLong(m.group(2)));
  }

  /** The zip the export writes: {@code vendor_library_name_version.zip} with every {@code .} made {@code _}. */
  public String zipName() {
    return (vendor + "_" + library + "_" + name + "_" + version).replace('.', '_') + ".zip";
  }

  /** Whether a vendor or library value can be used; for parameter checks with a clear message. */
  public static boolean isWord(String value) {
    return value != null && WORD.matcher(value).matches();
  }

  private static void requireWord(String what, String value) {
    if (!isWord(value)) {
      throw new IllegalArgumentException(what + " '" + value + "' must be letters, digits, '_', '.' and '-' (at"
          + " most 64), not starting with '.' or '-'");
    }
  }

  /** Line breaks and runs of white space become one space; other control characters are dropped. */
  private static String oneLine(String text) {
    String spaced = text.replaceAll("\\s+", " ").strip();
    return spaced.replaceAll("\\p{Cntrl}", "");
  }
}
