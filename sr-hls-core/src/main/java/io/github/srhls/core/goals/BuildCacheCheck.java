package io.github.srhls.core.goals;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Whether Maven's build cache extension, where a project uses it, keys the project's builds on every file that
 * sr-hls:generate read: each model file and the files it references. A key that misses one of them lets the
 * extension restore firmware, simulation results and zips built from another version of that file, so generate
 * stops the build instead and says what to change.
 *
 * <p>What the extension hashes is worked out the way it walks a project (version 1.2.x): the project's source and
 * resource directories, the project properties named {@code maven.build.cache.input…}, the {@code <include>}s of
 * its configuration, and the paths that plugin configurations in the pom name; files by the glob
 * ({@code <glob>}, an include's {@code glob}, or the property {@code maven.build.cache.input.glob}), hidden files and
 * directories left out. Its {@code <exclude>}s are not read: an excluded input passes this check.
 */
public final class BuildCacheCheck {

  public static final String GROUP_ID = "org.apache.maven.extensions";
  public static final String ARTIFACT_ID = "maven-build-cache-extension";
  /** Before this version the extension hashes no file of a project with packaging pom (its issue 423). */
  public static final String POM_FILES_SINCE = "1.2.3";

  /** The extension turns itself off under older Maven. */
  private static final String EXTENSION_NEEDS = "3.9.0";

  private static final String INPUT_PROPERTY = "maven.build.cache.input";
  private static final String GLOB_PROPERTY = "maven.build.cache.input.glob";

  /**
   * What the check needs to know of one project, without Maven's types.
   *
   * @param root the multi-module project directory, where {@code .mvn/} is looked for (null: none)
   * @param basedir the project's directory
   * @param packaging the project's packaging
   * @param pomExtensions the build extensions the pom declares, as {@code groupId:artifactId:version}
   * @param property a property of the build by name (user, then system), null when unset
   * @param projectProperties the project's properties
   * @param sourceRoots the source and resource directories of the pom (main and test)
   * @param pluginValues the text of every element of every plugin configuration in the pom
   * @param versionOrder how Maven orders version strings (the plugin passes Maven's own comparison)
   */
  public record Project(Path root, Path basedir, String packaging, List<String> pomExtensions,
      Function<String, String> property, Map<String, String> projectProperties, List<Path> sourceRoots,
      List<String> pluginValues, Comparator<String> versionOrder) {}

  /** A place the extension walks for input files. */
  private record Walk(Path directory, boolean recursive, String glob) {}

  /** The extension as declared: its version and where. */
  private record Declared(String version, String where) {}

  private BuildCacheCheck() {}

  /**
   * @param inputs the files generate read (model files and the files they reference), absolute
   * @return the message to stop the build with, or empty when the extension is not used, is off (also under Maven
   *     before 3.9, known from the system property {@code maven.version}), or covers all
   */
  public static Optional<String> problem(Project project, List<Path> inputs) {
    Optional<Declared> declared = declared(project);
    String maven = project.property().apply("maven.version");
    if (declared.isEmpty() || maven != null && project.versionOrder().compare(maven, EXTENSION_NEEDS) < 0
        || "false".equalsIgnoreCase(project.property().apply("maven.build.cache.enabled"))
        || "false".equalsIgnoreCase(project.projectProperties().get("maven.build.cache.enabled"))) {
      return Optional.empty();
    }
    String configText = project.property().apply("maven.build.cache.configPath");
    Path configFile = configText != null && !configText.isBlank() ? Path.of(configText)
        : project.root() == null ? null : project.root().resolve(".mvn").resolve("maven-build-cache-config.xml");
    Element config = configFile != null && Files.isRegularFile(configFile) ? parse(configFile) : null;
    if (config != null && "false".equalsIgnoreCase(text(child(config, "configuration", "enabled")))) {
      return Optional.empty();
    }
    String version = declared.get().version();
    if ("pom".equals(project.packaging())
        && project.versionOrder().compare(version, POM_FILES_SINCE) < 0) {
      return Optional.of(ARTIFACT_ID + " " + version + " (declared in " + declared.get().where() + ") keys a"
          + " project with packaging pom on its pom alone, so after a change to a model file it would restore"
          + " the firmware, results and zips built from the old one. Use version " + POM_FILES_SINCE + " or"
          + " newer, or turn the cache off for this project (property maven.build.cache.enabled=false in its"
          + " pom); -Dsr-hls.buildCacheCheck=false skips this check");
    }
    return uncovered(project, config, configFile, inputs);
  }

  private static Optional<String> uncovered(Project project, Element config, Path configFile, List<Path> inputs) {
    Path basedir = project.basedir().toAbsolutePath().normalize();
    Element global = config == null ? null : child(config, "input", "global");
    String globalGlob = global == null ? null : text(child(global, "glob"));
    String glob = first(project.projectProperties().get(GLOB_PROPERTY), globalGlob, "*");
    List<Walk> walks = new ArrayList<>();
    project.sourceRoots().forEach(root -> walks.add(new Walk(root, true, glob)));
    project.projectProperties().forEach((name, value) -> {
      if (name.startsWith(INPUT_PROPERTY)) {
        path(value).ifPresent(p -> walks.add(new Walk(p, true, glob)));
      }
    });
    if (global != null) {
      Element includes = child(global, "includes");
      for (Element include : includes == null ? List.<Element>of() : children(includes, "include")) {
        boolean recursive = !"false".equalsIgnoreCase(include.getAttribute("recursive"));
        String includeGlob = first(include.getAttribute("glob"), glob);
        path(text(include)).ifPresent(p -> walks.add(new Walk(p, recursive, includeGlob)));
      }
    }
    if (!"false".equalsIgnoreCase(project.projectProperties().get("maven.build.cache.processPlugins"))) {
      // the extension probes every configuration value of every plugin as a path
      project.pluginValues().forEach(value -> path(value).ifPresent(p -> walks.add(new Walk(p, true, glob))));
    }
    Set<String> missing = new TreeSet<>();
    Set<String> directories = new LinkedHashSet<>();
    Set<String> globs = new TreeSet<>();
    for (Path input : inputs) {
      Path file = input.toAbsolutePath().normalize();
      boolean matched = false;
      Set<String> rejectedBy = new TreeSet<>();
      for (Walk walk : walks) {
        Path dir = basedir.resolve(walk.directory()).normalize();
        boolean whole = walk.recursive() && !basedir.startsWith(dir); // a walk of the basedir or above is flat
        if (file.equals(dir)) {
          matched = true; // a file named directly is always taken
        } else if (whole ? file.startsWith(dir) && !hidden(dir.relativize(file)) : dir.equals(file.getParent())) {
          matched = globMatches(walk.glob(), file);
          if (!matched) {
            rejectedBy.add(walk.glob());
          }
        }
        if (matched) {
          break;
        }
      }
      if (!matched) {
        globs.addAll(rejectedBy);
        boolean inWalk = !rejectedBy.isEmpty();
        String shown = slashed(basedir.relativize(file));
        missing.add(shown);
        if (!inWalk) {
          Path parent = basedir.relativize(file).getParent();
          directories.add(parent == null ? shown : slashed(parent) + "/");
        }
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String where = configFile == null ? ".mvn/maven-build-cache-config.xml" : shown(project.root(), configFile);
    StringBuilder message = new StringBuilder("Maven's build cache extension does not hash " + missing.size()
        + (missing.size() == 1 ? " file" : " files") + " that the models read: " + String.join(", ", missing)
        + ", so after a change to it it would restore the firmware, results and zips built from the old one.");
    if (!directories.isEmpty()) {
      message.append(" Add ");
      directories.forEach(d -> message.append("<include>").append(d).append("</include>"));
      message.append(" to <input><global><includes> in ").append(where).append('.');
    }
    if (!globs.isEmpty()) {
      message.append(" The glob ").append(String.join(", ", globs)).append(" of ").append(where)
          .append(" leaves them out: add their file types to it (or give the <include> a glob of its own).");
    }
    return Optional.of(message.append(" -Dsr-hls.buildCacheCheck=false skips this check").toString());
  }

  /** The extension's declaration, in .mvn/extensions.xml or the pom's build extensions; empty when neither. */
  private static Optional<Declared> declared(Project project) {
    if (project.root() != null) {
      Path file = project.root().resolve(".mvn").resolve("extensions.xml");
      Element extensions = Files.isRegularFile(file) ? parse(file) : null;
      if (extensions != null) {
        for (Element extension : children(extensions, "extension")) {
          if (GROUP_ID.equals(text(child(extension, "groupId")))
              && ARTIFACT_ID.equals(text(child(extension, "artifactId")))) {
            return Optional.of(new Declared(text(child(extension, "version")), shown(project.root(), file)));
          }
        }
      }
    }
    return project.pomExtensions().stream().filter(e -> e.startsWith(GROUP_ID + ":" + ARTIFACT_ID + ":"))
        .map(e -> new Declared(e.substring(e.lastIndexOf(':') + 1), "the pom's <build><extensions>")).findFirst();
  }

  /** A configuration value as a path; empty for blank text or text that is no path. */
  private static Optional<Path> path(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text.trim()));
    } catch (RuntimeException notAPath) {
      return Optional.empty();
    }
  }

  private static boolean globMatches(String glob, Path file) {
    if ("*".equals(glob)) {
      return !file.getFileName().toString().startsWith(".");
    }
    try {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return matcher.matches(file.getFileName()) && !file.getFileName().toString().startsWith(".");
    } catch (IllegalArgumentException badGlob) {
      return false;
    }
  }

  /** Whether a path below a walked directory passes through a hidden one, or is a hidden file: not walked. */
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Element parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      return document.getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException unreadable) {
      return null; // the extension itself reports a file it cannot read
    }
  }

  private static Element child(Element parent, String... path) {
    Element at = parent;
    for (String name : path) {
      List<Element> found = at == null ? List.of() : children(at, name);
      at = found.isEmpty() ? null : found.get(0);
    }
    return at;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(localName(element))) {
        found.add(element);
      }
    }
    return found;
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().trim();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static String shown(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = root == null ? null : root.toAbsolutePath().normalize();
    return base != null && absolute.startsWith(base) ? slashed(base.relativize(absolute)) : absolute.toString();
  }

  private static String slashed(Path path) {
    return path.toString().replace('\\', '/');
  }
}
