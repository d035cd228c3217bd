package io.github.srhls.core.report;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link TestSuite} in the JUnit XML dialect that Maven Surefire writes and Jenkins, GitLab and IDEs read.
 *
 * <p>The JDK's own StAX writer does the escaping. What it cannot escape, characters XML 1.0 forbids (most control
 * characters, which compiler output or a model name in a message could carry), is replaced by a visible
 * {@code \\uXXXX}; attribute values are kept to one line, as XML parsers would fold line breaks in them anyway.
 */
public final class JUnitXml {

  /** The JDK's implementation, whatever other StAX provider a build puts on the class path. */
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private JUnitXml() {}

  /** {@code TEST-<suite>.xml}, the name Surefire gives its reports and CI tools look for. */
  public static String fileName(String suiteName) {
    return "TEST-" + suiteName + ".xml";
  }

  /**
   * Writes {@code directory/TEST-<suite>.xml}, creating the directory.
   *
   * @return the file written
   */
  public static Path write(Path directory, TestSuite suite) {
    Path file = directory.resolve(fileName(suite.name()));
    try {
      Files.createDirectories(directory);
      Files.writeString(file, toXml(suite), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot write the test report " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The XML text; the same suite always gives the same text. */
  public static String toXml(TestSuite suite) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      attribute(xml, "name", suite.name());
      attribute(xml, "tests", Integer.toString(suite.cases().size()));
      attribute(xml, "failures", Long.toString(suite.failures()));
      attribute(xml, "errors", Long.toString(suite.errors()));
      attribute(xml, "skipped", Long.toString(suite.skipped()));
      attribute(xml, "time", seconds(suite.seconds()));
      if (!suite.properties().isEmpty()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (Map.Entry<String, String> p : suite.properties().entrySet()) {
          xml.writeCharacters("\n    ");
          xml.writeEmptyElement("property");
          attribute(xml, "name", p.getKey());
          attribute(xml, "value", p.getValue());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      for (TestCase c : suite.cases()) {
        xml.writeCharacters("\n  ");
        testCase(xml, c);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML for " + suite.name(), e);
    }
    return text.toString();
  }

  private static void testCase(XMLStreamWriter xml, TestCase c) throws XMLStreamException {
    if (c.outcome() instanceof Outcome.Passed) {
      xml.writeEmptyElement("testcase");
      caseAttributes(xml, c);
      return;
    }
    xml.writeStartElement("testcase");
    caseAttributes(xml, c);
    xml.writeCharacters("\n    ");
    if (c.outcome() instanceof Outcome.Failed f) {
      problem(xml, "failure", f.type(), f.message(), f.detail());
    } else if (c.outcome() instanceof Outcome.Errored e) {
      problem(xml, "error", e.type(), e.message(), e.detail());
    } else if (c.outcome() instanceof Outcome.Skipped s) {
      xml.writeEmptyElement("skipped");
      attribute(xml, "message", s.message());
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void caseAttributes(XMLStreamWriter xml, TestCase c) throws XMLStreamException {
    attribute(xml, "name", c.name());
    attribute(xml, "classname", c.className());
    attribute(xml, "time", seconds(c.seconds()));
  }

  private static void problem(XMLStreamWriter xml, String element, String type, String message, String detail)
      throws XMLStreamException {
    xml.writeStartElement(element);
    attribute(xml, "message", message);
    attribute(xml, "type", type);
    xml.writeCharacters(legal(detail));
    xml.writeEndElement();
  }

  private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, legal(value).replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** The text with every character XML 1.0 does not allow replaced by {@code \\uXXXX}. */
  static String legal(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (allowed) {
        b.appendCodePoint(c);
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04x", c));
      }
      i += Character.charCount(c);
    }
    return b.toString();
  }
}
