package io.github.srhls.plugin;

import java.io.File;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.toolchain.MisconfiguredToolchainException;
import org.apache.maven.toolchain.ToolchainFactory;
import org.apache.maven.toolchain.ToolchainPrivate;
import org.apache.maven.toolchain.model.ToolchainModel;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Lets Maven's toolchain manager (and maven-toolchains-plugin) read toolchains of type {@code hls}:
 *
 * <pre>{@code
 * <toolchain>
 *   <type>hls</type>
 *   <provides><vendor>amd</vendor><version>2023.2</version></provides>
 *   <configuration><installDir>/tools/Xilinx/Vitis_HLS/2023.2</installDir></configuration>
 * </toolchain>
 * }</pre>
 */
@Named(HlsToolchain.TYPE)
@Singleton
public class HlsToolchainFactory implements ToolchainFactory {

  @Override
  public ToolchainPrivate createToolchain(ToolchainModel model) throws MisconfiguredToolchainException {
    if (model == null) {
      return null;
    }
    Xpp3Dom configuration = (Xpp3Dom) model.getConfiguration();
    Xpp3Dom installDir = configuration == null ? null : configuration.getChild(HlsToolchain.INSTALL_DIR);
    if (installDir == null || installDir.getValue() == null || installDir.getValue().isBlank()) {
      throw new MisconfiguredToolchainException("a toolchain of type hls needs <configuration><installDir>: the AMD"
          + " HLS installation, such as /tools/Xilinx/Vitis_HLS/2023.2");
    }
    return new HlsToolchain(model, new File(installDir.getValue().strip()));
  }

  /** There is no default HLS installation. */
  @Override
  public ToolchainPrivate createDefaultToolchain() {
    return null;
  }
}
