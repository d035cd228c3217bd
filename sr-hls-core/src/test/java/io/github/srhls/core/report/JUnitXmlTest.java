package io.github.srhls.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {

  @TempDir Path dir;

  private static TestSuite suite(Outcome... outcomes) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("sr-hls.model", "m");
    properties.put("sr-hls.note", "a \"quoted\" <value> & more");
    List<TestCase> cases = new java.util.ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      cases.add(new TestCase("sr-hls.m", "y" + i, 0.25 * i, outcomes[i]));
    }
    return new TestSuite("sr-hls.m", 1.5, properties, cases);
  }

  @Test
  void writesTheSuiteCountsAndEachOutcomeAsSurefireDoes() throws Exception {
    Path file = JUnitXml.write(dir.resolve("reports"), suite(new Outcome.Passed(),
        new Outcome.Failed("sr-hls.mismatch", "y1: 1 of 8 values differ", "vector 3: expected 1.0, got 0.5\n"),
        new Outcome.Errored("sr-hls.error", "cannot compile", "full\ncompiler output"),
        new Outcome.Skipped("needs the vendor's tools")));

    assertEquals(dir.resolve("reports/TEST-sr-hls.m.xml"), file);
    Element suite = Xml.parse(file).getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("sr-hls.m", suite.getAttribute("name"));
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("errors"));
    assertEquals("1", suite.getAttribute("skipped"));
    assertEquals("1.500", suite.getAttribute("time"));
    List<Element> properties = Xml.children(Xml.children(suite, "properties").get(0), "property");
    assertEquals("a \"quoted\" <value> & more", properties.get(1).getAttribute("value"));

    List<Element> cases = Xml.children(suite, "testcase");
    assertEquals(List.of("y0", "y1", "y2", "y3"), cases.stream().map(c -> c.getAttribute("name")).toList());
    assertEquals("sr-hls.m", cases.get(0).getAttribute("classname"));
    assertEquals("0.250", cases.get(1).getAttribute("time"));
    assertFalse(cases.get(0).hasChildNodes());
    Element failure = Xml.children(cases.get(1), "failure").get(0);
    assertEquals("y1: 1 of 8 values differ", failure.getAttribute("message"));
    assertEquals("sr-hls.mismatch", failure.getAttribute("type"));
    assertEquals("vector 3: expected 1.0, got 0.5\n", failure.getTextContent());
    Element error = Xml.children(cases.get(2), "error").get(0);
    assertEquals("full\ncompiler output", error.getTextContent());
    assertEquals("needs the vendor's tools",
        Xml.children(cases.get(3), "skipped").get(0).getAttribute("message"));
  }

  @Test
  void markupAndCharactersXmlForbidsInMessagesCannotBreakTheFile() throws Exception {
    String hostile = "</failure><testcase name=\"fake\"/><![CDATA[ ]]> &amp; \u0000\u001b[31m\ud800";
    Path file = JUnitXml.write(dir, suite(new Outcome.Failed("t", "line one\nline two " + hostile, hostile)));

    Document doc = Xml.parse(file);
    List<Element> cases = Xml.children(doc.getDocumentElement(), "testcase");
    assertEquals(1, cases.size(), "no injected test case");
    Element failure = Xml.children(cases.get(0), "failure").get(0);
    String expected = "</failure><testcase name=\"fake\"/><![CDATA[ ]]> &amp; \\u0000\\u001b[31m\\ud800";
    assertEquals(expected, failure.getTextContent());
    assertEquals("line one line two " + expected, failure.getAttribute("message"));
  }

  @Test
  void sameSuiteSameBytes() throws Exception {
    TestSuite s = suite(new Outcome.Passed(), new Outcome.Failed("t", "m", "d"));
    assertEquals(JUnitXml.toXml(s), JUnitXml.toXml(s));
    assertTrue(JUnitXml.toXml(s).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "));
    assertTrue(Files.notExists(dir.resolve("TEST-sr-hls.m.xml")));
  }
}
