package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.BudgetScope;
import io.github.srhls.core.goals.PackageOrchestrator;
import io.github.srhls.core.goals.PackageRequest;
import io.github.srhls.core.goals.PackagedModel;
import io.github.srhls.core.packaging.OutputTimestamp;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Zips every generated project, with its simulation report, into a zip named from the {@code finalName} and
 * {@code classifier} parameters (finalName-classifier.zip, such as {@code jet-tagger-1.0.0-jet_tagger.zip}) and
 * attaches the zips to the project, so {@code install} and {@code deploy} publish them beside the main
 * artifact. When an AMD
 * HLS tool is found, each model's IP is exported with it (after a synthesis, unless an up-to-date one is there) and
 * the vendor's IP zip goes into the attached zip under {@code ip/}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractVendorMojo {

  /** Where the zips are written. */
  @Parameter(property = "sr-hls.zipDirectory", defaultValue = "${project.build.directory}", required = true)
  File zipDirectory;

  /** The zips' base name. */
  @Parameter(defaultValue = "${project.build.finalName}", required = true)
  String finalName;

  /** Classifier of each zip; {@code {name}} in it stands for the model's name. */
  @Parameter(property = "sr-hls.classifier", defaultValue = "{name}")
  String classifier;

  /**
   * Timestamp of the zip entries, for reproducible zips: ISO-8601 ({@code 2026-01-31T12:00:00Z}) or seconds since
   * the epoch, from 1980-01-01T00:00:02Z to 2038-01-19T03:14:07Z. Unset means 1980-01-01.
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  String outputTimestamp;

  /** Whether to attach the zips to the project (type {@code zip}). */
  @Parameter(property = "sr-hls.attach", defaultValue = "true")
  boolean attach;

  /** Skips the vendor's IP export (the zip then holds the generated project and report only). */
  @Parameter(property = "sr-hls.export.skip", defaultValue = "false")
  boolean skipExport;

  /** Skips this goal only. */
  @Parameter(property = "sr-hls.package.skip", defaultValue = "false")
  boolean skipPackage;

  private final MavenProjectHelper projectHelper;

  /** The core's entry point; tests put a recorder here to see the request without running the core. */
  Function<PackageRequest, List<PackagedModel>> orchestrator = new PackageOrchestrator()::run;

  @Inject
  public PackageMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  Optional<String> goalSkipReason() {
    return skipPackage ? Optional.of("sr-hls.package.skip is set") : Optional.empty();
  }

  @Override
  void run(BuildLog log) {
    if (!outputDirectory.isDirectory()) {
      log.info("No generated projects in " + outputDirectory + "; nothing to package");
      return;
    }
    List<PackagedModel> zips =
        orchestrator.apply(
            PackageRequest.builder()
                .outputDirectory(outputDirectory.toPath())
                .workDirectory(workDirectory.toPath())
                .zipDirectory(zipDirectory.toPath())
                .finalName(finalName)
                .classifier(classifier)
                .outputTimestamp(OutputTimestamp.parse(outputTimestamp))
                .log(log)
                .vendor(vendorSettings(false, false, false, !skipExport))
                .budgetScope(new BudgetScope(enforceBudgets, budgetsSettledEarlier(), false))
                .build());
    for (PackagedModel zip : zips) {
      if (attach) {
        projectHelper.attachArtifact(project, "zip", zip.classifier(), zip.zip().toFile());
        log.info("Attached " + zip.zip().getFileName() + " (type zip, classifier " + zip.classifier() + ")");
      } else {
        log.info("Packaged " + zip.zip().getFileName() + " (not attached)");
      }
    }
  }
}
