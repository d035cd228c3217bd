package io.github.srhls.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.github.srhls.core.goals.BuildCacheCheck;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What {@link BuildCacheCheck} needs of the project, read from Maven's project and session; the files the models read
 * come from the core ({@link io.github.srhls.core.goals.ModelInputs}).
 */
final class MavenBuildCache {

  private MavenBuildCache() {}

  static BuildCacheCheck.Project project(MavenProject project, MavenSession session) {
    java.io.File root = session.getRequest() == null ? null : session.getRequest().getMultiModuleProjectDirectory();
    List<String> extensions = project.getBuildExtensions() == null ? List.of()
        : project.getBuildExtensions().stream()
            .map(e -> e.getGroupId() + ":" + e.getArtifactId() + ":" + e.getVersion()).toList();
    Map<String, String> properties = new TreeMap<>();
    project.getProperties().stringPropertyNames().forEach(n -> properties.put(n, project.getProperties().getProperty(n)));
    List<Path> roots = new ArrayList<>();
    Build build = project.getBuild();
    if (build != null) {
      Stream.of(build.getSourceDirectory(), build.getTestSourceDirectory()).filter(d -> d != null)
          .forEach(d -> roots.add(Path.of(d)));
      Stream.concat(build.getResources().stream(), build.getTestResources().stream()).map(Resource::getDirectory)
          .filter(d -> d != null).forEach(d -> roots.add(Path.of(d)));
    }
    List<String> values = new ArrayList<>();
    for (Plugin plugin : project.getBuildPlugins()) {
      collect(plugin.getConfiguration(), values);
      for (PluginExecution execution : plugin.getExecutions()) {
        collect(execution.getConfiguration(), values);
      }
    }
    return new BuildCacheCheck.Project(root == null ? null : root.toPath(), project.getBasedir().toPath(),
        project.getPackaging(), extensions, key -> {
          String value = session.getUserProperties().getProperty(key);
          return value != null ? value : session.getSystemProperties().getProperty(key);
        }, properties, roots, values,
        (a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b)));
  }

  private static void collect(Object configuration, List<String> values) {
    if (configuration instanceof Xpp3Dom dom) {
      if (dom.getValue() != null) {
        values.add(dom.getValue());
      }
      for (Xpp3Dom child : dom.getChildren()) {
        collect(child, values);
      }
    }
  }
}
