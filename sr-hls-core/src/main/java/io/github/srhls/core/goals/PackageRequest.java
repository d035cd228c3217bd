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
 */
public record PackageRequest(
    Path outputDirectory,
    Path workDirectory,
    Path zipDirectory,
    String finalName,
    String classifier,
    Instant outputTimestamp,
    BuildLog log,
    VendorSettings vendor) {

  public PackageRequest {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(zipDirectory, "zipDirectory");
    Objects.requireNonNull(finalName, "finalName");
    classifier = classifier == null || classifier.isBlank() ? "{name}" : classifier;
    log = log == null ? BuildLog.silent() : log;
    vendor = vendor == null ? VendorSettings.disabled() : vendor;
  }

  /** Without vendor tools: the generated project and the report only. */
  public PackageRequest(Path outputDirectory, Path workDirectory, Path zipDirectory, String finalName,
      String classifier, Instant outputTimestamp, BuildLog log) {
    this(outputDirectory, workDirectory, zipDirectory, finalName, classifier, outputTimestamp, log, null);
  }
}
