package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.detect.ToolchainEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.toolchain.model.ToolchainModel;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals read toolchains.xml from the session, not through Maven's toolchain manager (which before Maven 3.9
 * cannot see a factory in a plugin); the ITs run this under the oldest supported Maven too.
 */
class HlsToolchainsTest {
  @TempDir Path basedir;

  @Test
  @SuppressWarnings("deprecation")
  void theSelectedToolchainComesFirstThenToolchainsXmlInFileOrderWithoutRepeats() {
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    ToolchainModel jdk = model("17", "/usr/lib/jvm/17");
    jdk.setType("jdk");
    request.setToolchains(Map.of(
        "hls", List.of(model("2023.2", "/tools/Vitis_HLS/2023.2"), model("2024.2", "/tools/Vitis/2024.2")),
        "jdk", List.of(jdk)));
    MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
    session.setCurrentProject(TestProjects.at(basedir));
    PluginDescriptor toolchainsPlugin = new PluginDescriptor();
    toolchainsPlugin.setGroupId("org.apache.maven.plugins");
    toolchainsPlugin.setArtifactId("maven-toolchains-plugin");
    session.getPluginContext(toolchainsPlugin, session.getCurrentProject())
        .put("toolchain-hls", model("2024.2", "/tools/Vitis/2024.2"));

    assertEquals(
        List.of(new ToolchainEntry("amd", "2024.2", Path.of("/tools/Vitis/2024.2")),
            new ToolchainEntry("amd", "2023.2", Path.of("/tools/Vitis_HLS/2023.2"))),
        HlsToolchains.of(session));
  }

  @Test
  @SuppressWarnings("deprecation")
  void aToolchainWithoutInstallDirIsAClearError() {
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setToolchains(Map.of("hls", List.of(model("2023.2", null))));
    MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());

    SrHlsException e = assertThrows(SrHlsException.class, () -> HlsToolchains.of(session));
    assertEquals("toolchains.xml: a toolchain of type hls needs <configuration><installDir>: the AMD HLS"
        + " installation, such as /tools/Xilinx/Vitis_HLS/2023.2", e.getMessage());
  }

  private static ToolchainModel model(String version, String installDir) {
    ToolchainModel model = new ToolchainModel();
    model.setType("hls");
    Properties provides = new Properties();
    provides.setProperty("vendor", "amd");
    provides.setProperty("version", version);
    model.setProvides(provides);
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    if (installDir != null) {
      Xpp3Dom dir = new Xpp3Dom("installDir");
      dir.setValue(installDir);
      configuration.addChild(dir);
    }
    model.setConfiguration(configuration);
    return model;
  }
}
