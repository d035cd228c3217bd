package io.github.srhls.core.report.site;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a build left what the site report shows, and how its zips are named and published.
 *
 * @param outputDirectory the generated projects ({@code target/generated-sources/sr-hls})
 * @param workDirectory each model's {@code report.json} and {@code explore/} ({@code target/sr-hls})
 * @param zipDirectory where {@code sr-hls:package} writes the zips ({@code target})
 * @param groupId the project's group id
 * @param artifactId the project's artifact id
 * @param version the project's version
 * @param finalName the Maven final name; a zip is {@code <finalName>-<classifier>.zip}
 * @param classifier the package goal's classifier, {@code {name}} standing for the model's name
 */
public record SiteRequest(Path outputDirectory, Path workDirectory, Path zipDirectory, String groupId,
    String artifactId, String version, String finalName, String classifier) {

  /** What the classifier's {@code {name}} stands for, as in {@code sr-hls:package}. */
  public static final String NAME = "{name}";

  public SiteRequest {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(zipDirectory, "zipDirectory");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(finalName, "finalName");
    Objects.requireNonNull(classifier, "classifier");
  }

  /** The classifier of a model's zip. */
  public String classifierOf(String model) {
    return classifier.replace(NAME, model);
  }
}
