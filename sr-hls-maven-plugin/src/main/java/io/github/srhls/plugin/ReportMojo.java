package io.github.srhls.plugin;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.report.site.SiteAssets;
import io.github.srhls.core.report.site.SitePage;
import io.github.srhls.core.report.site.SitePages;
import io.github.srhls.core.report.site.SiteRequest;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The site report: with the plugin under reporting, mvn site lists the page sr-hls firmware under Project
 * Reports. Per model it shows each output's expression, the types, latency, resources (estimated, Yosys, vendor:
 * whichever exist, labelled), accuracy against float64, the labels' figures and the Pareto plots when there are
 * any, and the coordinates of the zip the build attaches. It reads what generate, test, package and explore wrote,
 * so run mvn verify site (it runs nothing itself). Needs maven-site-plugin 3.20.0 or newer (Doxia 2).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

  /** The root of the generated HLS projects, one sub-directory per model (the other goals' outputDirectory). */
  @Parameter(property = "sr-hls.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/sr-hls", required = true)
  File generatedDirectory;

  /** The plugin's state and results, one sub-directory per model. */
  @Parameter(property = "sr-hls.workDirectory", defaultValue = "${project.build.directory}/sr-hls", required = true)
  File workDirectory;

  /** Where sr-hls:package writes the zips. */
  @Parameter(property = "sr-hls.zipDirectory", defaultValue = "${project.build.directory}", required = true)
  File zipDirectory;

  /** The zips' base name, as for sr-hls:package. */
  @Parameter(defaultValue = "${project.build.finalName}", required = true)
  String finalName;

  /** Classifier of each zip, as for sr-hls:package; {@code {name}} in it stands for the model's name. */
  @Parameter(property = "sr-hls.classifier", defaultValue = "{name}")
  String classifier;

  /** Skips every sr-hls goal, this report included. */
  @Parameter(property = "sr-hls.skip", defaultValue = "false")
  boolean skip;

  @Override
  public String getOutputName() {
    return "sr-hls-report";
  }

  @Override
  public String getName(Locale locale) {
    return SitePages.TITLE;
  }

  @Override
  public String getDescription(Locale locale) {
    return "The firmware generated from the symbolic-regression models: expressions, types, latency, resources,"
        + " accuracy and the Pareto front.";
  }

  @Override
  public boolean canGenerateReport() {
    return !skip;
  }

  @Override
  protected void executeReport(Locale locale) throws MavenReportException {
    try {
      SitePage page = SitePages.assemble(new SiteRequest(generatedDirectory.toPath(), workDirectory.toPath(),
          zipDirectory.toPath(), project.getGroupId(), project.getArtifactId(), project.getVersion(), finalName,
          classifier));
      SiteAssets.copy(page, getReportOutputDirectory().toPath());
      SitePageSink.render(page, getSink());
    } catch (SrHlsException e) {
      // the message is complete (file, what to do); a stack trace would only bury it
      throw new MavenReportException(e.getMessage());
    }
  }
}
