package io.github.srhls.core.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheCheckTest {

  @TempDir Path root;
  private Path model;
  private Path vectors;
  private final Map<String, String> properties = new HashMap<>();
  private final Map<String, String> projectProperties = new HashMap<>();

  @BeforeEach
  void project() throws IOException {
    model = write("src/main/sr/tagger.sr.yaml", "format: sr-hls/v1\n");
    vectors = write("data/vectors.csv", "x0\n1\n");
    write("pom.xml", "<project/>");
  }

  @Test
  void withoutTheExtensionThereIsNothingToCheck() {
    assertEquals(Optional.empty(), check("pom", List.of()));
  }

  @Test
  void anExtensionOlderThan123OnAPomProjectIsRefusedWithWhereItIsDeclared() throws IOException {
    extension("1.2.0");
    config("<include>src/main/sr/</include><include>data/</include>");
    String problem = check("pom", List.of()).orElseThrow();
    assertTrue(problem.startsWith("maven-build-cache-extension 1.2.0 (declared in .mvn/extensions.xml) keys a"
        + " project with packaging pom on its pom alone"), problem);
    assertTrue(problem.contains("Use version 1.2.3 or newer"), problem);
    assertTrue(problem.contains("maven.build.cache.enabled=false"), problem);
  }

  @Test
  void anOldExtensionDeclaredInThePomIsFoundThere() throws IOException {
    config("<include>src/main/sr/</include><include>data/</include>");
    String problem = check("pom", List.of(BuildCacheCheck.GROUP_ID + ":" + BuildCacheCheck.ARTIFACT_ID + ":1.2.2"))
        .orElseThrow();
    assertTrue(problem.contains("1.2.2 (declared in the pom's <build><extensions>)"), problem);
  }

  @Test
  void aCacheTurnedOffIsNotChecked() throws IOException {
    extension("1.2.0");
    properties.put("maven.build.cache.enabled", "false");
    assertEquals(Optional.empty(), check("pom", List.of()));
    properties.clear();
    projectProperties.put("maven.build.cache.enabled", "false");
    assertEquals(Optional.empty(), check("pom", List.of()));
    projectProperties.clear();
    properties.put("maven.version", "3.8.7");
    assertEquals(Optional.empty(), check("pom", List.of()), "the extension is off before Maven 3.9");
    properties.put("maven.version", "3.9.16");
    assertTrue(check("pom", List.of()).isPresent());
    properties.clear();
    Files.writeString(root.resolve(".mvn/maven-build-cache-config.xml"),
        "<cache><configuration><enabled>false</enabled></configuration></cache>");
    assertEquals(Optional.empty(), check("pom", List.of()));
  }

  @Test
  void everyInputUnderAnIncludeIsCovered() throws IOException {
    extension("1.2.3");
    config("<include>src/main/sr/</include><include>data/</include>");
    assertEquals(Optional.empty(), check("pom", List.of()));
  }

  @Test
  void aModelDirectoryThatIsNoSourceDirectoryNeedsAnInclude() throws IOException {
    extension("1.2.3");
    config("");
    String problem = check("pom", List.of()).orElseThrow();
    assertTrue(problem.startsWith("Maven's build cache extension does not hash 2 files that the models read:"
        + " data/vectors.csv, src/main/sr/tagger.sr.yaml"), problem);
    assertTrue(problem.contains("Add <include>src/main/sr/</include><include>data/</include> to"
        + " <input><global><includes> in .mvn/maven-build-cache-config.xml."), problem);
  }

  @Test
  void aReferencedFileOutsideTheIncludesIsNamed() throws IOException {
    extension("1.3.0");
    config("<include>src/main/sr/</include>");
    String problem = check("jar", List.of()).orElseThrow();
    assertTrue(problem.contains("does not hash 1 file that the models read: data/vectors.csv,"), problem);
    assertTrue(problem.contains("Add <include>data/</include>"), problem);
  }

  @Test
  void aGlobThatLeavesOutTheModelsIsNamed() throws IOException {
    extension("1.2.3");
    Files.writeString(root.resolve(".mvn/maven-build-cache-config.xml"),
        "<cache xmlns=\"http://maven.apache.org/BUILD-CACHE-CONFIG/1.0.0\"><input><global>"
            + "<glob>{*.java,*.xml}</glob><includes><include>src/main/sr/</include>"
            + "<include glob=\"*.csv\">data/</include></includes></global></input></cache>");
    String problem = check("pom", List.of()).orElseThrow();
    assertTrue(problem.contains("1 file that the models read: src/main/sr/tagger.sr.yaml"), problem);
    assertTrue(problem.contains("The glob {*.java,*.xml} of .mvn/maven-build-cache-config.xml leaves them out"),
        problem);
    assertTrue(!problem.contains("Add <include>"), problem);
  }

  @Test
  void projectPropertiesAndPluginConfigurationPathsAreInputsToo() throws IOException {
    extension("1.2.3");
    config("");
    projectProperties.put("maven.build.cache.input.models", "src/main/sr");
    assertTrue(check("pom", List.of()).orElseThrow().contains("1 file that the models read: data/vectors.csv"));
    BuildCacheCheck.Project project = new BuildCacheCheck.Project(root, root, "pom", List.of(), properties::get,
        projectProperties, List.of(), List.of("xcvu9p-flga2577-2-e", root.resolve("data").toString()), VERSIONS);
    assertEquals(Optional.empty(), BuildCacheCheck.problem(project, List.of(model, vectors)));
  }

  @Test
  void anIncludeOfTheProjectDirectoryIsNotRecursive() throws IOException {
    extension("1.2.3");
    config("<include>.</include>");
    assertTrue(check("pom", List.of()).isPresent());
    Path top = write("vectors.csv", "x0\n1\n");
    BuildCacheCheck.Project project = new BuildCacheCheck.Project(root, root, "pom", List.of(), properties::get,
        projectProperties, List.of(), List.of(), VERSIONS);
    assertEquals(Optional.empty(), BuildCacheCheck.problem(project, List.of(top)));
  }

  /** Dotted numeric versions, as Maven orders those (the plugin passes Maven's own comparison). */
  private static final Comparator<String> VERSIONS = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private Optional<String> check(String packaging, List<String> pomExtensions) {
    BuildCacheCheck.Project project = new BuildCacheCheck.Project(root, root, packaging, pomExtensions,
        properties::get, projectProperties, List.of(root.resolve("src/main/java"), root.resolve("src/main/resources")),
        List.of(), VERSIONS);
    return BuildCacheCheck.problem(project, List.of(model, vectors));
  }

  private void extension(String version) throws IOException {
    write(".mvn/extensions.xml", "<extensions><extension><groupId>org.apache.maven.extensions</groupId>"
        + "<artifactId>maven-build-cache-extension</artifactId><version>" + version + "</version></extension>"
        + "</extensions>");
  }

  private void config(String includes) throws IOException {
    write(".mvn/maven-build-cache-config.xml", "<cache xmlns=\"http://maven.apache.org/BUILD-CACHE-CONFIG/1.0.0\">"
        + "<configuration><enabled>true</enabled></configuration>"
        + "<input><global><glob>*</glob><includes>" + includes + "</includes></global></input></cache>");
  }

  private Path write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
