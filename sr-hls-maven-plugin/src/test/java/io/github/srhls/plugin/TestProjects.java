package io.github.srhls.plugin;

import java.nio.file.Path;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/** A real (not mocked) Maven project in a directory, so the Mojos' default expressions resolve as in a build. */
final class TestProjects {
  static final String VERSION = "1.2.3";
  static final String FINAL_NAME = "demo-" + VERSION;

  private TestProjects() {}

  static MavenProject at(Path basedir) {
    Model model = new Model();
    model.setModelVersion("4.0.0");
    model.setGroupId("org.example");
    model.setArtifactId("demo");
    model.setVersion(VERSION);
    model.setPackaging("pom");
    Build build = new Build();
    build.setDirectory(basedir.resolve("target").toString());
    build.setFinalName(FINAL_NAME);
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(basedir.resolve("pom.xml").toFile());
    project.setArtifact(
        new DefaultArtifact("org.example", "demo", VERSION, null, "pom", null, new DefaultArtifactHandler("pom")));
    return project;
  }
}
