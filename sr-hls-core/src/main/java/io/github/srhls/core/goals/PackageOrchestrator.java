package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.StepState;
import io.github.srhls.core.packaging.DeterministicZip;
import io.github.srhls.core.packaging.ForeignZip;
import io.github.srhls.core.packaging.ProjectZip;
import io.github.srhls.core.packaging.ZipEntrySource;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.toolchain.amd.VendorBuild;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.detect.VendorDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs {@code sr-hls:package}: one deterministic zip per generated project holding the whole project (firmware,
 * testbench, test data, model copy, scripts, manifest) at the zip's root, plus the {@code report.json} that
 * {@code sr-hls:test} left, when there is one, without its timings. When a vendor HLS tool is found, each model's
 * IP is exported with it (reusing an up-to-date synthesis) and the vendor's IP zip goes under {@code ip/}. A zip
 * whose inputs are unchanged since it was written is left as it is. Each model ends with a short summary in the log.
 */
public final class PackageOrchestrator {

  /** Beside each model's report: the key and fingerprint of the zip last written, for the up-to-date check. */
  static final String STATE_FILE = "package-state.json";

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
        ? new VendorDetector(request.log()).detect(request.vendor().detection())
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
      Path work = request.workDirectory().resolve(model);
      Path zip = request.zipDirectory().resolve(finalName + "-" + classifier + ".zip");
      Path stateFile = work.resolve(STATE_FILE);
      List<ZipEntrySource> entries = new ArrayList<>(ProjectZip.filesOf(project.directory()));
      if (vendor.isPresent()) {
        // before report.json is read: the export's results are added to it, failed or not
        VendorBuild.Export export = new VendorBuild(vendor.get(), request.vendor(), request.log())
            .export(project.directory(), project.manifest(), work,
                ip -> ForeignZip.requireContained(ip, "the vendor's IP zip"));
        VendorReport vendorReport = export.report();
        List<String> failures = export.failures();
        ModelReport.addVendor(work, project.manifest(), vendorReport);
        if (!failures.isEmpty()) {
          // A zip of an earlier build left under the final name would look like this build's.
          removeEarlierZip(zip, stateFile);
          throw new SrHlsException(String.join("\n", failures));
        }
        entries.add(new ZipEntrySource(IP_DIRECTORY + export.ip().getFileName(), export.ip()));
      }
      Optional<ModelReport> report = ModelReport.read(work);
      SimulationReport simulation = report.map(ModelReport::host).orElse(null);
      if (report.isPresent()) {
        // without what measures time, so that every build of the project gives the same zip
        entries.add(new ZipEntrySource(ModelReport.FILE, report.get().writePackaged(work.resolve("package"))));
      } else {
        request.log().info(model + ": no " + ModelReport.file(work) + " (sr-hls:test did not run); packaging "
            + "without it");
      }
      String key = key(zip, entries, request.outputTimestamp());
      StepState state = StepState.read(stateFile);
      if (state != null && state.key().equals(key) && Files.isRegularFile(zip)
          && Fingerprint.start().file("zip", zip).done().equals(state.output())) {
        request.log().info(model + ": " + zip.getFileName() + " is up to date");
      } else {
        StepState.forget(stateFile);
        DeterministicZip.write(zip, entries, request.outputTimestamp());
        new StepState(key, Fingerprint.start().file("zip", zip).done()).write(stateFile);
        request.log().info(model + ": packaged " + entries.size() + " files into " + zip);
      }
      PackagedModel result = new PackagedModel(model, classifier, zip);
      ModelSummary.lines(project.manifest(), simulation, result, size(zip), vendor.isPresent())
          .forEach(request.log()::info);
      packaged.add(result);
    }
    settleBudgets(request, vendor);
    return packaged;
  }

  private static void removeEarlierZip(Path zip, Path stateFile) {
    StepState.forget(stateFile);
    try {
      Files.deleteIfExists(zip);
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + zip + " of an earlier build: " + e.getMessage(), e);
    }
  }

  /** The export synthesised every model and checked the budgets; if there was none, says so or fails. */
  private static void settleBudgets(PackageRequest request, Optional<HlsTool> vendor) {
    VendorSettings settings = request.vendor();
    if (vendor.isPresent()) {
      BudgetCheck.measured(settings.budgets(), "the vendor's synthesis", request.log());
      return;
    }
    BudgetCheck.Unmeasured why = !settings.enabled() ? BudgetCheck.Unmeasured.VENDOR_SKIPPED
        : !settings.export() ? BudgetCheck.Unmeasured.EXPORT_SKIPPED : BudgetCheck.Unmeasured.NO_TOOL;
    BudgetCheck.unmeasured(settings.budgets(), why, "sr-hls:package", request.budgetScope(), request.log());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Everything the zip's bytes depend on: where it goes, each entry's name and content, and the time. */
  private static String key(Path zip, List<ZipEntrySource> entries, Instant time) {
    Fingerprint f = Fingerprint.start().text("zip", zip.toAbsolutePath().normalize().toString())
        .text("time", String.valueOf(time));
    entries.stream().sorted(Comparator.comparing(ZipEntrySource::name)).forEach(e -> f.file(e.name(), e.file()));
    return f.done();
  }
}
