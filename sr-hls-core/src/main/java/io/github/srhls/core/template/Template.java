package io.github.srhls.core.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file with named placeholders, {@code {{name}}} (a lower-case letter, then lower-case letters, digits and
 * {@code _}). Everything else is literal text, kept byte for byte: line ends, a final newline or its absence,
 * white space. Braces that do not form such a placeholder stay literal, so {@code {{{part}}}} is a placeholder
 * inside Tcl braces; a C++ initializer like {@code {{x}}} would read as a placeholder, and then fails loudly for
 * want of a value rather than going out unnoticed.
 *
 * <p>Rendering puts each value in verbatim: values are not searched for placeholders (a value containing
 * {@code {{name}}} comes out as that text) and nothing is escaped, since what is safe differs between C++, Tcl
 * and config files; callers quote values for the file they write. Every placeholder needs a value and every value
 * a placeholder, so a template and its caller cannot drift apart silently.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]*)}}");

  private final String name;
  /** The literal text around the placeholders: one more piece than there are placeholders. */
  private final List<String> texts = new ArrayList<>();
  /** The placeholders in order of appearance, repeats included. */
  private final List<String> placeholders = new ArrayList<>();

  private Template(String name, String text) {
    this.name = name;
    Matcher m = PLACEHOLDER.matcher(text);
    int from = 0;
    while (m.find()) {
      texts.add(text.substring(from, m.start()));
      placeholders.add(m.group(1));
      from = m.end();
    }
    texts.add(text.substring(from));
  }

  /**
   * Loads a template from the classpath, from the package of a class: {@code load(TestbenchEmitter.class,
   * "testbench.cpp.tmpl")} reads {@code io/github/srhls/core/backend/hls/testbench.cpp.tmpl}.
   *
   * @param anchor a class in the package that holds the template
   * @param fileName the template's file name in that package
   * @throws IllegalStateException when there is no such resource, it cannot be read, or it is not UTF-8
   */
  public static Template load(Class<?> anchor, String fileName) {
    if (fileName.isEmpty() || fileName.startsWith("/")) {
      throw new IllegalArgumentException("a template is named relative to its package: '" + fileName + "'");
    }
    String name = anchor.getPackageName().replace('.', '/') + "/" + fileName;
    byte[] bytes;
    try (InputStream in = anchor.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " is not on the classpath");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("template " + name + " cannot be read: " + e.getMessage(), e);
    }
    try {
      // strict: a malformed byte is an error, not a replacement character in generated code
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return new Template(name, text);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("template " + name + " is not UTF-8", e);
    }
  }

  /**
   * The template's text with each placeholder replaced by its value.
   *
   * @param values by placeholder name: exactly the template's placeholders, none null
   * @throws IllegalStateException naming the template and the placeholders, when one has no value or a value
   *     has no placeholder
   */
  public String render(Map<String, String> values) {
    TreeSet<String> missing = new TreeSet<>();
    for (String p : placeholders) {
      if (values.get(p) == null) {
        missing.add(p);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("template " + name + ": no value for placeholder " + names(missing));
    }
    TreeSet<String> unused = new TreeSet<>(values.keySet());
    placeholders.forEach(unused::remove);
    if (!unused.isEmpty()) {
      throw new IllegalStateException("template " + name + " has no placeholder " + names(unused)
          + " for the value given");
    }
    StringBuilder b = new StringBuilder(texts.get(0));
    for (int i = 0; i < placeholders.size(); i++) {
      b.append(values.get(placeholders.get(i))).append(texts.get(i + 1));
    }
    return b.toString();
  }

  private static String names(TreeSet<String> placeholders) {
    return String.join(", ", placeholders.stream().map(p -> "{{" + p + "}}").toList());
  }
}
