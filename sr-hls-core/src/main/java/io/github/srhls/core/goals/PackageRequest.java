package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code sr-hls:package} is asked to do: one zip per generated project.
 *
 * @param outputDirectory the root of the generated projects ({@code target/generated-sources/sr-hls})
 * @param workDirectory where {@code sr-hls:test} left each model's report.json ({@code target/sr-hls})
 * @param zipDirectory where the zips go ({@code target})
 * @param finalName the Maven final name; zips are {@code <finalName>-<classifier>.zip}
 * @param classifier the classifier; {@code {name}} in it is replaced by the model name (default {@code {name}})
 * @param outputTimestamp entry timestamps, from {@code project.build.outputTimestamp} (read with
 *     {@link io.github.srhls.core.packaging.OutputTimestamp#parse}); null means 1980-01-01
 * @param log progress
 * @param vendor what to do with a vendor HLS tool (the IP export); null means none is looked for
 * @param budgetScope what the build around this goal means for the synthesis budgets; null means
 *     {@link BudgetScope#ALONE}
 */
public record PackageRequest(
    Path outputDirectory,
    Path workDirectory,
    Path zipDirectory,
    String finalName,
    String classifier,
    Instant outputTimestamp,
    BuildLog log,
    VendorSettings vendor,
    BudgetScope budgetScope) {

  public PackageRequest {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(zipDirectory, "zipDirectory");
    Objects.requireNonNull(finalName, "finalName");
    classifier = classifier == null || classifier.isBlank() ? "{name}" : classifier;
    log = log == null ? BuildLog.silent() : log;
    vendor = vendor == null ? VendorSettings.disabled() : vendor;
    budgetScope = budgetScope == null ? BudgetScope.ALONE : budgetScope;
  }

  /** A request built by name; the three directories and the final name are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The components by name; what is not set is null, and the constructor gives it its default. */
  public static final class Builder {
    private Path outputDirectory;
    private Path workDirectory;
    private Path zipDirectory;
    private String finalName;
    private String classifier;
    private Instant outputTimestamp;
    private BuildLog log;
    private VendorSettings vendor;
    private BudgetScope budgetScope;

    private Builder() {}

    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    public Builder zipDirectory(Path zipDirectory) {
      this.zipDirectory = zipDirectory;
      return this;
    }

    public Builder finalName(String finalName) {
      this.finalName = finalName;
      return this;
    }

    public Builder classifier(String classifier) {
      this.classifier = classifier;
      return this;
    }

    public Builder outputTimestamp(Instant outputTimestamp) {
      this.outputTimestamp = outputTimestamp;
      return this;
    }

    public Builder log(BuildLog log) {
      this.log = log;
      return this;
    }

    public Builder vendor(VendorSettings vendor) {
      this.vendor = vendor;
      return this;
    }

    public Builder budgetScope(BudgetScope budgetScope) {
      this.budgetScope = budgetScope;
      return this;
    }

    /** @throws NullPointerException for a required component not set */
    public PackageRequest build() {
      return new PackageRequest(outputDirectory, workDirectory, zipDirectory, finalName, classifier,
          outputTimestamp, log, vendor, budgetScope);
    }
  }
}
