package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.scripts.IpMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code sr-hls:generate} is asked to do.
 *
 * @param projectDirectory the project's base directory; relative paths in model files may not leave it
 * @param modelDirectory where the model files are ({@code src/main/sr})
 * @param includes glob patterns relative to the model directory; empty means {@code **}/*.sr.yaml, *.sr.yml, *.sr.json
 * @param excludes glob patterns to leave out
 * @param outputDirectory the root of the generated projects ({@code target/generated-sources/sr-hls}); one
 *     sub-directory per model
 * @param workDirectory the plugin's own state and results ({@code target/sr-hls})
 * @param projectVersion default model version
 * @param pluginVersion part of the incremental-build key, so a new plugin regenerates everything
 * @param log progress
 * @param ipVendor the vendor stamped on the exported IP; null means {@value IpMetadata#DEFAULT_VENDOR}
 * @param ipLibrary the library stamped on the exported IP; null means {@value IpMetadata#DEFAULT_LIBRARY}
 * @param rtl whether to emit the pipelined RTL ({@code rtl/<name>.v}) beside the HLS project; null means yes
 */
public record GenerateRequest(
    Path projectDirectory,
    Path modelDirectory,
    List<String> includes,
    List<String> excludes,
    Path outputDirectory,
    Path workDirectory,
    String projectVersion,
    String pluginVersion,
    BuildLog log,
    String ipVendor,
    String ipLibrary,
    Boolean rtl) {

  public GenerateRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(modelDirectory, "modelDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    log = log == null ? BuildLog.silent() : log;
    ipVendor = ipVendor == null || ipVendor.isBlank() ? IpMetadata.DEFAULT_VENDOR : ipVendor.strip();
    ipLibrary = ipLibrary == null || ipLibrary.isBlank() ? IpMetadata.DEFAULT_LIBRARY : ipLibrary.strip();
    rtl = rtl == null || rtl;
    for (String[] value : new String[][] {{"ipVendor", ipVendor}, {"ipLibrary", ipLibrary}}) {
      if (!IpMetadata.isWord(value[1])) {
        throw new SrHlsException(value[0] + " '" + value[1] + "' cannot name an IP: use letters, digits, '_', '.'"
            + " and '-' (at most 64), starting with a letter, digit or '_'");
      }
    }
  }

  /** A request built by name; the four directories are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The components by name; what is not set is null, and the constructor gives it its default. */
  public static final class Builder {
    private Path projectDirectory;
    private Path modelDirectory;
    private List<String> includes;
    private List<String> excludes;
    private Path outputDirectory;
    private Path workDirectory;
    private String projectVersion;
    private String pluginVersion;
    private BuildLog log;
    private String ipVendor;
    private String ipLibrary;
    private Boolean rtl;

    private Builder() {}

    public Builder projectDirectory(Path projectDirectory) {
      this.projectDirectory = projectDirectory;
      return this;
    }

    public Builder modelDirectory(Path modelDirectory) {
      this.modelDirectory = modelDirectory;
      return this;
    }

    public Builder includes(List<String> includes) {
      this.includes = includes;
      return this;
    }

    public Builder excludes(List<String> excludes) {
      this.excludes = excludes;
      return this;
    }

    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    public Builder projectVersion(String projectVersion) {
      this.projectVersion = projectVersion;
      return this;
    }

    public Builder pluginVersion(String pluginVersion) {
      this.pluginVersion = pluginVersion;
      return this;
    }

    public Builder log(BuildLog log) {
      this.log = log;
      return this;
    }

    public Builder ipVendor(String ipVendor) {
      this.ipVendor = ipVendor;
      return this;
    }

    public Builder ipLibrary(String ipLibrary) {
      this.ipLibrary = ipLibrary;
      return this;
    }

    public Builder rtl(Boolean rtl) {
      this.rtl = rtl;
      return this;
    }

    /** @throws SrHlsException for an IP vendor or library that cannot name an IP */
    public GenerateRequest build() {
      return new GenerateRequest(projectDirectory, modelDirectory, includes, excludes, outputDirectory,
          workDirectory, projectVersion, pluginVersion, log, ipVendor, ipLibrary, rtl);
    }
  }
}
