package io.github.srhls.plugin;

import static io.github.srhls.plugin.MojoHarness.assertFailsWith;
import static io.github.srhls.plugin.MojoHarness.assertSkipped;
import static io.github.srhls.plugin.MojoHarness.failing;
import static io.github.srhls.plugin.MojoHarness.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.PackageRequest;
import io.github.srhls.core.goals.PackagedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class PackageMojoTest {
  @TempDir Path basedir;

  private MavenProject project;
  private final List<PackageRequest> requests = new ArrayList<>();
  private final RecordingLog log = new RecordingLog();

  @Provides
  MavenProject project() {
    project = TestProjects.at(basedir);
    project.getProperties().setProperty("project.build.outputTimestamp", "2026-11-21T10:15:30+01:00");
    return project;
  }

  /** Records the request and answers with one zip per model name, named as the core names them. */
  private void record(PackageMojo mojo, String... models) throws Exception {
    Files.createDirectories(basedir.resolve("target/generated-sources/sr-hls"));
    mojo.setLog(log);
    mojo.orchestrator = recording(requests, Stream.of(models)
        .map(model -> new PackagedModel(model, model, basedir.resolve("target/" + TestProjects.FINAL_NAME + "-"
            + model + ".zip")))
        .toList());
  }

  @Test
  @InjectMojo(goal = "package")
  void defaultsMapToTheRequestAndEveryZipIsAttached(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger", "muon_id");

    mojo.execute();

    assertEquals(1, requests.size());
    PackageRequest request = requests.get(0);
    assertEquals(basedir.resolve("target/generated-sources/sr-hls"), request.outputDirectory());
    assertEquals(basedir.resolve("target/sr-hls"), request.workDirectory());
    assertEquals(basedir.resolve("target"), request.zipDirectory());
    assertEquals(TestProjects.FINAL_NAME, request.finalName());
    assertEquals("{name}", request.classifier());
    assertEquals(Instant.parse("2026-11-21T09:15:30Z"), request.outputTimestamp());
    assertTrue(request.vendor().enabled() && request.vendor().export(), "a vendor tool is looked for to export");
    assertFalse(request.vendor().csim() || request.vendor().synthesis() || request.vendor().cosim());

    List<Artifact> attached = project.getAttachedArtifacts();
    assertEquals(2, attached.size());
    Artifact first = attached.get(0);
    assertEquals("zip", first.getType());
    assertEquals("jet_tagger", first.getClassifier());
    assertEquals(basedir.resolve("target/demo-1.2.3-jet_tagger.zip").toFile(), first.getFile());
    assertEquals("org.example:demo:zip:muon_id:1.2.3", attached.get(1).getId());
    assertTrue(
        log.lines.contains("[info] Attached demo-1.2.3-jet_tagger.zip (type zip, classifier jet_tagger)"),
        log.lines::toString);
  }

  @Test
  @InjectMojo(
      goal = "package",
      pom =
          "<project><build><plugins><plugin><artifactId>sr-hls-maven-plugin</artifactId><configuration>"
              + "<zipDirectory>dist</zipDirectory>"
              + "<finalName>trigger-firmware</finalName>"
              + "<classifier>hls-{name}</classifier>"
              + "<outputTimestamp>1767225600</outputTimestamp>"
              + "<attach>false</attach>"
              + "</configuration></plugin></plugins></build></project>")
  void configuredParametersMapToTheRequest(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger");

    mojo.execute();

    PackageRequest request = requests.get(0);
    assertEquals(basedir.resolve("dist"), request.zipDirectory());
    assertEquals("trigger-firmware", request.finalName());
    assertEquals("hls-{name}", request.classifier());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), request.outputTimestamp());
    assertEquals(List.of(), project.getAttachedArtifacts());
  }

  @Test
  @InjectMojo(goal = "package")
  @MojoParameter(name = "outputTimestamp", value = "2050-01-01T00:00:00Z")
  void aTimestampAZipCannotHoldFailsTheBuildBeforeTheCoreRuns(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger");

    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

    assertEquals("Invalid project.build.outputTimestamp '2050-01-01T00:00:00Z': zip entries can only hold times from"
        + " 1980-01-01T00:00:02Z to 2038-01-19T03:14:07Z", e.getMessage());
    assertEquals(List.of(), requests);
  }

  @Test
  @InjectMojo(goal = "package")
  @MojoParameter(name = "skip", value = "true")
  void globalSkipDoesNothing(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger");
    assertSkipped(mojo, log, requests, "sr-hls.skip is set");
    assertEquals(List.of(), project.getAttachedArtifacts());
  }

  @Test
  @InjectMojo(goal = "package")
  @MojoParameter(name = "skipPackage", value = "true")
  void goalSkipDoesNothing(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger");
    assertSkipped(mojo, log, requests, "sr-hls.package.skip is set");
  }

  @Test
  @InjectMojo(goal = "package")
  void nothingValidToPackageFailsTheBuildWithTheSameMessage(PackageMojo mojo) throws Exception {
    record(mojo);
    String message = "jet_tagger has no simulation report in target/sr-hls/jet_tagger; run sr-hls:test first";
    mojo.orchestrator = failing(new SrHlsException(message));

    assertFailsWith(mojo, message);
    assertEquals(List.of(), project.getAttachedArtifacts());
  }

  @Test
  @InjectMojo(goal = "package")
  @MojoParameter(name = "skipExport", value = "true")
  void skipExportPackagesWithoutTheVendorIp(PackageMojo mojo) throws Exception {
    record(mojo, "jet_tagger");
    mojo.execute();
    assertFalse(requests.get(0).vendor().export());
  }
}
