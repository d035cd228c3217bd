package io.github.srhls.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final String DIR = "io/github/srhls/core/template/";

  private static String bytesOf(String fileName) throws IOException {
    try (InputStream in = TemplateTest.class.getResourceAsStream(fileName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void keepsTheTextByteForByte() throws IOException {
    // a byte order mark, CRLF line ends, a tab, trailing blanks, a blank line and no final newline
    String raw = bytesOf("exact.tmpl");
    assertTrue(raw.startsWith("\ufeff") && raw.contains("  \r\n\r\n") && !raw.endsWith("\n"), raw);

    String rendered = Template.load(TemplateTest.class, "exact.tmpl").render(Map.of("x", "ü"));

    assertEquals(raw.replace("{{x}}", "ü"), rendered);
    assertEquals("\ufeffα ü\r\n\ttrailing white space  \r\n\r\nno final newline: ü", rendered);
    assertEquals("", Template.load(TemplateTest.class, "empty.tmpl").render(Map.of()));
  }

  @Test
  void leavesBracesThatAreNoPlaceholderAsTheyAre() throws IOException {
    String rendered = Template.load(TemplateTest.class, "braces.tmpl").render(Map.of("part", "xcvu9p"));

    assertEquals(bytesOf("braces.tmpl").replace("{{part}}", "xcvu9p"), rendered);
    assertTrue(rendered.startsWith("set_part {xcvu9p}\n"), rendered);
  }

  @Test
  void putsValuesInVerbatimWithoutRenderingThemAgain() {
    Template t = Template.load(TemplateTest.class, "repeated.tmpl");

    assertEquals("{{b}}, $1 \\n %s, {{b}}\n", t.render(Map.of("a", "{{b}}", "b", "$1 \\n %s")));
    assertEquals(", , \n", t.render(Map.of("a", "", "b", "")));
  }

  @Test
  void failsOnAPlaceholderWithoutAValue() {
    Template t = Template.load(TemplateTest.class, "repeated.tmpl");
    Map<String, String> nullValue = new HashMap<>(Map.of("a", "A"));
    nullValue.put("b", null);

    for (Map<String, String> values : List.of(Map.of("a", "A"), nullValue)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.render(values));
      assertEquals("template " + DIR + "repeated.tmpl: no value for placeholder {{b}}", e.getMessage());
    }
    IllegalStateException both = assertThrows(IllegalStateException.class, () -> t.render(Map.of()));
    assertEquals("template " + DIR + "repeated.tmpl: no value for placeholder {{a}}, {{b}}", both.getMessage());
  }

  @Test
  void failsOnAValueWithoutAPlaceholder() {
    Template t = Template.load(TemplateTest.class, "repeated.tmpl");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> t.render(Map.of("a", "A", "b", "B", "c", "C")));
    assertEquals("template " + DIR + "repeated.tmpl has no placeholder {{c}} for the value given", e.getMessage());
    // braces that are no placeholder cannot be given a value either
    Template braces = Template.load(TemplateTest.class, "braces.tmpl");
    IllegalStateException spaced = assertThrows(IllegalStateException.class,
        () -> braces.render(Map.of("part", "p", "Upper", "U")));
    assertTrue(spaced.getMessage().contains("{{Upper}}"), spaced.getMessage());
  }

  @Test
  void failsOnATemplateThatIsMissingOrNotUtf8() {
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> Template.load(TemplateTest.class, "no-such.tmpl"));
    assertEquals("template " + DIR + "no-such.tmpl is not on the classpath", missing.getMessage());

    IllegalStateException malformed = assertThrows(IllegalStateException.class,
        () -> Template.load(TemplateTest.class, "not-utf8.tmpl"));
    assertEquals("template " + DIR + "not-utf8.tmpl is not UTF-8", malformed.getMessage());

    assertThrows(IllegalArgumentException.class, () -> Template.load(TemplateTest.class, "/" + DIR + "empty.tmpl"));
  }
}
