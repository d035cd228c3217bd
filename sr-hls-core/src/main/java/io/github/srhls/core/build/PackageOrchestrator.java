package io.github.srhls.core.build;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.pack.DeterministicZip;
import io.github.srhls.core.pack.ProjectZip;
import io.github.srhls.core.pack.ZipEntrySource;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.sim.HostSimulator;
import io.github.srhls.core.vendor.HlsTool;
import io.github.srhls.core.vendor.VendorBuild;
import io.github.srhls.core.vendor.VendorDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs {@code sr-hls:package}: one deterministic zip per generated project holding the whole project (firmware,
 * testbench, test data, model copy, scripts, manifest) at the zip's root, plus the {@code report.json} that
 * {@code sr-hls:test} left, when there is one. When a vendor HLS tool is found, each model's IP is exported with it
 * (reusing an up-to-date synthesis) and the vendor's IP zip goes under {@code ip/}.
 */
public final class PackageOrchestrator {

  private static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9_.-]+");
  /** Maven final names are artifactId-version; versions may carry build metadata after '+'. */
  private static final Pattern FINAL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
  private static final String NAME = "{name}";
  /** Where the vendor's IP zip goes in the attached zip. */
  public static final String IP_DIRECTORY = "ip/";

  /** @throws io.github.srhls.core.diag.SrHlsException when there is nothing valid to package */
  public List<PackagedModel> run(PackageRequest request) {
    String finalName = request.finalName();
    if (!FINAL_NAME.matcher(finalName).matches()) {
      throw new SrHlsException("final name '" + finalName + "' cannot start a zip file name: use letters, digits, "
          + "'_', '-', '.' and '+', starting with a letter, digit or '_'");
    }
    List<Project> projects = GeneratedProjects.list(request.outputDirectory());
    if (projects.isEmpty()) {
      throw new SrHlsException("no generated project under " + request.outputDirectory()
          + ": run sr-hls:generate first");
    }
    if (projects.size() > 1 && !request.classifier().contains(NAME)) {
      throw new SrHlsException("the classifier '" + request.classifier() + "' has no " + NAME + " but there are "
          + projects.size() + " models; every zip needs its own classifier");
    }

    Optional<HlsTool> vendor = request.vendor().enabled() && request.vendor().export()
        ? new VendorDetector(request.log()).detect(request.vendor())
        : Optional.empty();
    List<PackagedModel> packaged = new ArrayList<>();
    Map<String, String> classifiers = new HashMap<>();
    for (Project project : projects) {
      String model = project.manifest().name();
      String classifier = request.classifier().replace(NAME, model);
      if (!CLASSIFIER.matcher(classifier).matches()) {
        throw new SrHlsException("classifier '" + classifier + "' (from '" + request.classifier() + "') may only "
            + "contain letters, digits, '_', '-' and '.'");
      }
      String clash = classifiers.put(classifier, model);
      if (clash != null) {
        throw new SrHlsException("models " + clash + " and " + model + " both get the classifier '" + classifier
            + "'");
      }
      List<ZipEntrySource> entries = new ArrayList<>(ProjectZip.filesOf(project.directory()));
      if (vendor.isPresent()) {
        // before report.json is read: the export adds its results there
        Path ip = new VendorBuild(vendor.get(), request.vendor(), request.log())
            .export(project.directory(), project.manifest(), request.workDirectory().resolve(model));
        entries.add(new ZipEntrySource(IP_DIRECTORY + ip.getFileName(), ip));
      }
      Path report = request.workDirectory().resolve(model).resolve(HostSimulator.REPORT);
      if (Files.isRegularFile(report)) {
        entries.add(new ZipEntrySource(HostSimulator.REPORT, report));
      } else {
        request.log().info(model + ": no " + report + " (sr-hls:test did not run); packaging without it");
      }
      Path zip = request.zipDirectory().resolve(finalName + "-" + classifier + ".zip");
      DeterministicZip.write(zip, entries, request.outputTimestamp());
      request.log().info(model + ": packaged " + entries.size() + " files into " + zip);
      packaged.add(new PackagedModel(model, classifier, zip));
    }
    return packaged;
  }
}
