package io.github.srhls.plugin;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.detect.ToolchainEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.MisconfiguredToolchainException;
import org.apache.maven.toolchain.model.ToolchainModel;

/**
 * The toolchains of type {@code hls} of a build, read from the session rather than through Maven's toolchain
 * manager: before Maven 3.9 the manager cannot see a toolchain factory that lives in a plugin ("Missing toolchain
 * factory for type: hls"), so the goals build the toolchains with {@link HlsToolchainFactory} themselves, the same
 * way on every Maven version.
 */
final class HlsToolchains {
  /** Where maven-toolchains-plugin keeps the toolchain it selected (Maven's DefaultToolchainManager does the same). */
  static final String TOOLCHAINS_PLUGIN = "maven-toolchains-plugin";

  private HlsToolchains() {}

  /**
   * The one maven-toolchains-plugin selected for this build first, then every one in toolchains.xml, in file order,
   * without repeats.
   *
   * @throws SrHlsException when a toolchain of type {@code hls} lacks its installation directory
   */
  static List<ToolchainEntry> of(MavenSession session) {
    List<ToolchainModel> models = new ArrayList<>();
    selected(session).ifPresent(models::add);
    Map<String, List<ToolchainModel>> all = session.getRequest() == null ? null : session.getRequest().getToolchains();
    if (all != null) {
      models.addAll(all.getOrDefault(HlsToolchain.TYPE, List.of()));
    }
    HlsToolchainFactory factory = new HlsToolchainFactory();
    List<ToolchainEntry> entries = new ArrayList<>();
    for (ToolchainModel model : models) {
      HlsToolchain hls;
      try {
        hls = (HlsToolchain) factory.createToolchain(model);
      } catch (MisconfiguredToolchainException e) {
        throw new SrHlsException("toolchains.xml: " + e.getMessage());
      }
      ToolchainEntry entry =
          new ToolchainEntry(hls.provided("vendor"), hls.provided("version"), hls.installDir().toPath());
      if (!entries.contains(entry)) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static Optional<ToolchainModel> selected(MavenSession session) {
    MavenProject project = session.getCurrentProject();
    if (project == null) {
      return Optional.empty();
    }
    PluginDescriptor toolchainsPlugin = new PluginDescriptor();
    toolchainsPlugin.setGroupId(PluginDescriptor.getDefaultPluginGroupId());
    toolchainsPlugin.setArtifactId(TOOLCHAINS_PLUGIN);
    Map<String, Object> context = session.getPluginContext(toolchainsPlugin, project);
    Object model = context == null ? null : context.get("toolchain-" + HlsToolchain.TYPE);
    return model instanceof ToolchainModel toolchain && HlsToolchain.TYPE.equals(toolchain.getType())
        ? Optional.of(toolchain) : Optional.empty();
  }
}
