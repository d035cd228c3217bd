package io.github.srhls.plugin;

import java.io.File;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.toolchain.ToolchainPrivate;
import org.apache.maven.toolchain.model.ToolchainModel;

/**
 * A toolchain of type {@code hls} from toolchains.xml: an AMD HLS installation. It provides {@code vendor} and
 * {@code version}; its configuration names the installation directory.
 */
final class HlsToolchain implements ToolchainPrivate {
  static final String TYPE = "hls";
  static final String INSTALL_DIR = "installDir";

  private final ToolchainModel model;
  private final File installDir;

  HlsToolchain(ToolchainModel model, File installDir) {
    this.model = model;
    this.installDir = Objects.requireNonNull(installDir, "installDir");
  }

  File installDir() {
    return installDir;
  }

  String provided(String key) {
    Properties provides = model.getProvides();
    return provides == null ? null : provides.getProperty(key);
  }

  @Override
  public String getType() {
    return TYPE;
  }

  /** The program in the installation's {@code bin/}, as other plugins expect from a toolchain. */
  @Override
  public String findTool(String toolName) {
    File program = new File(new File(installDir, "bin"), toolName);
    return program.isFile() && program.canExecute() ? program.getAbsolutePath() : null;
  }

  /** Every requirement must equal what the toolchain provides ({@code version} may name a release prefix). */
  @Override
  public boolean matchesRequirements(Map<String, String> requirements) {
    for (Map.Entry<String, String> requirement : requirements.entrySet()) {
      String provided = provided(requirement.getKey());
      if (provided == null) {
        return false;
      }
      boolean versionPrefix = requirement.getKey().equals("version")
          && provided.startsWith(requirement.getValue() + ".");
      if (!provided.equals(requirement.getValue()) && !versionPrefix) {
        return false;
      }
    }
    return true;
  }

  @Override
  public ToolchainModel getModel() {
    return model;
  }

  @Override
  public String toString() {
    return "hls toolchain " + model.getProvides() + " at " + installDir;
  }
}
