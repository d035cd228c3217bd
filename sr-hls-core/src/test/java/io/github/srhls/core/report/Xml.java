package io.github.srhls.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads test reports back the safe way: no DOCTYPE, so no external entities. */
public final class Xml {
  private Xml() {}

  public static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /** The element children of {@code parent} with the given tag, in order. */
  public static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        found.add(e);
      }
    }
    return found;
  }
}
