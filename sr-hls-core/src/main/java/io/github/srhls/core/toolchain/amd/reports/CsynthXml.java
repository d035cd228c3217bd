package io.github.srhls.core.toolchain.amd.reports;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code <top>_csynth.xml} (the schema of {@code csynth.xml}). The report comes from a tool that ran on
 * files we do not control, so the parser refuses DOCTYPEs and never resolves an external entity, DTD or schema.
 * Elements are looked up by name, not position; {@code DSP48E} (Vivado HLS) is read as {@code DSP}.
 */
public final class CsynthXml {

  private CsynthXml() {}

  /** @throws SrHlsException naming the file and what is wrong or missing */
  public static CsynthReport read(Path file) {
    Element root;
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilder builder = secureBuilder();
      // The default handler prints parse errors to stderr; the exception carries them instead.
      builder.setErrorHandler(new DefaultHandler());
      root = builder.parse(in, file.toUri().toString()).getDocumentElement();
    } catch (SAXParseException e) {
      throw new SrHlsException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": not a readable"
          + " synthesis report: " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new SrHlsException("cannot read the synthesis report " + file + ": " + e.getMessage(), e);
    }
    if (!root.getTagName().equals("profile")) {
      throw malformed(file, "its root element is <" + root.getTagName() + ">, not <profile>");
    }
    Element user = required(file, root, "UserAssignments");
    Element performance = required(file, root, "PerformanceEstimates");
    Element latency = required(file, performance, "SummaryOfOverallLatency");
    Element area = required(file, root, "AreaEstimates");
    return new CsynthReport(
        text(root, "ReportVersion", "Version").orElse(null),
        text(user, "Part").orElse(null),
        text(user, "TopModelName").orElse(null),
        decimal(file, user, "TargetClockPeriod"),
        decimal(file, performance, "SummaryOfTimingAnalysis", "EstimatedClockPeriod"),
        new CsynthReport.Latency(cycles(file, latency, "Best-caseLatency"),
            cycles(file, latency, "Average-caseLatency"), cycles(file, latency, "Worst-caseLatency")),
        new CsynthReport.Interval(cycles(file, latency, "Interval-min"), cycles(file, latency, "Interval-max")),
        resources(file, required(file, area, "Resources")),
        resources(file, required(file, area, "AvailableResources")));
  }

  /** A parser that refuses DOCTYPEs and resolves nothing outside the document. */
  private static DocumentBuilder secureBuilder() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard security feature", e);
    }
  }

  private static CsynthReport.Resources resources(Path file, Element e) {
    String where = e.getTagName();
    Long dsp = count(file, e, "DSP").orElseGet(() -> count(file, e, "DSP48E").orElseThrow(() ->
        malformed(file, "<" + where + "> has neither <DSP> nor <DSP48E>")));
    return new CsynthReport.Resources(
        count(file, e, "BRAM_18K").orElseThrow(() -> missing(file, where + "/BRAM_18K")),
        dsp,
        count(file, e, "FF").orElseThrow(() -> missing(file, where + "/FF")),
        count(file, e, "LUT").orElseThrow(() -> missing(file, where + "/LUT")),
        count(file, e, "URAM").orElse(null));
  }

  private static Optional<Long> count(Path file, Element parent, String name) {
    return text(parent, name).map(value -> {
      try {
        long n = Long.parseLong(value);
        if (n < 0) {
          throw malformed(file, "<" + name + "> is negative: " + value);
        }
        return n;
      } catch (NumberFormatException e) {
        throw malformed(file, "<" + name + "> is not a count: '" + value + "'");
      }
    });
  }

  /** A latency or interval in cycles; {@code undef} gives null. */
  private static Long cycles(Path file, Element parent, String name) {
    String value = text(parent, name).orElseThrow(() -> missing(file, parent.getTagName() + "/" + name));
    if (value.equalsIgnoreCase("undef")) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(file, "<" + name + "> is neither a number of cycles nor undef: '" + value + "'");
    }
  }

  private static Double decimal(Path file, Element parent, String... path) {
    Optional<String> value = text(parent, path);
    if (value.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.get());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw malformed(file, "<" + path[path.length - 1] + "> is not a number: '" + value.get() + "'");
    }
  }

  /** The trimmed text of the element reached by child names from {@code parent}. */
  private static Optional<String> text(Element parent, String... path) {
    Element e = parent;
    for (String name : path) {
      e = child(e, name);
      if (e == null) {
        return Optional.empty();
      }
    }
    return Optional.of(e.getTextContent().strip());
  }

  private static Element required(Path file, Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      throw missing(file, parent.getTagName() + "/" + name);
    }
    return e;
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static SrHlsException missing(Path file, String path) {
    return malformed(file, "it has no element " + path);
  }

  private static SrHlsException malformed(Path file, String why) {
    return new SrHlsException("the synthesis report " + file + " is not what Vitis or Vivado HLS writes: " + why);
  }
}
