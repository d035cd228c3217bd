package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build cache configuration the site shows is the one the integration test runs, and every parameter it tells
 * the extension to reconcile is a field of the goal's Mojo: the extension fails with a NullPointerException on a
 * name the Mojo does not have, so renaming a parameter must fail here first.
 */
class BuildCacheConfigTest {

  private static final Path SITE_PAGE = Path.of("../src/site/markdown/build-cache.md");
  private static final Path IT_CONFIG =
      Path.of("../it/build-cache-restores-on-another-machine/project/.mvn/maven-build-cache-config.xml");
  private static final Map<String, Class<?>> MOJOS =
      Map.of("generate", GenerateMojo.class, "test", TestMojo.class, "package", PackageMojo.class);

  @Test
  void everyReconciledParameterIsAFieldOfItsMojo() throws Exception {
    List<String> reconciled = reconciled(sitesConfig());
    assertFalse(reconciled.isEmpty());
    for (String entry : reconciled) {
      String[] parts = entry.split(" ");
      Class<?> mojo = MOJOS.get(parts[0]);
      assertTrue(mojo != null, "no goal " + parts[0]);
      assertTrue(hasField(mojo, parts[1]), parts[0] + " has no field " + parts[1]);
    }
  }

  @Test
  void theSiteShowsTheConfigurationTheIntegrationTestRuns() throws Exception {
    Element site = sitesConfig();
    Element tested = parse(Files.readString(IT_CONFIG));
    assertEquals(reconciled(tested), reconciled(site));
    assertEquals(texts(tested, "dirName"), texts(site, "dirName"));
    assertEquals(texts(tested, "include"), texts(site, "include"));
    assertEquals(texts(tested, "glob"), texts(site, "glob"));
  }

  private static Element sitesConfig() throws Exception {
    String page = Files.readString(SITE_PAGE);
    int start = page.indexOf("```xml\n<cache ");
    assertTrue(start >= 0, "the site page shows no <cache> configuration");
    int end = page.indexOf("```", start + 6);
    return parse(page.substring(start + "```xml\n".length(), end));
  }

  /** Each reconciled parameter as "goal name skipValue", in document order. */
  private static List<String> reconciled(Element config) {
    List<String> found = new ArrayList<>();
    NodeList plugins = config.getElementsByTagNameNS("*", "plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (!"sr-hls-maven-plugin".equals(plugin.getAttribute("artifactId"))) {
        continue;
      }
      NodeList reconciles = plugin.getElementsByTagNameNS("*", "reconcile");
      for (int j = 0; j < reconciles.getLength(); j++) {
        Element reconcile = (Element) reconciles.item(j);
        found.add(plugin.getAttribute("goal") + " " + reconcile.getAttribute("propertyName") + " "
            + reconcile.getAttribute("skipValue"));
      }
    }
    return found;
  }

  private static TreeSet<String> texts(Element config, String name) {
    TreeSet<String> found = new TreeSet<>();
    NodeList nodes = config.getElementsByTagNameNS("*", name);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      found.add(element.getTextContent().trim() + " " + element.getAttribute("glob"));
    }
    return found;
  }

  private static boolean hasField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (ByteArrayInputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
