package io.github.srhls.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.testbench.LabelReport;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code report.json}, in a model's work directory ({@code <workDirectory>/<model>/}): what {@code sr-hls:test}
 * and the vendor steps of {@code sr-hls:package} found for one model. Its keys, in this order: {@code model},
 * {@code version} and {@code digest}; then, when the host simulation ran, its section's keys
 * ({@link SimulationReport}) at the top level; then, when the model file has {@code testbench.labels}, the outputs'
 * figures against them ({@link LabelReport}) under {@code labels}; then, when the RTL was simulated, its section
 * ({@link RtlReport})
 * under {@code rtl}; then, when a vendor tool ran, its section ({@link VendorReport}) under {@code vendor}; then,
 * when open synthesis ran, its section ({@link OpenSynthesisReport}) under {@code openSynthesis}. This is the one
 * class that names the file and its top-level keys: the stages return their
 * results, and the goals have them written, merged, read back and packaged here.
 *
 * @param model the model name
 * @param version the model version
 * @param digest the generator's input digest, which ties the report to one generated project
 * @param host the host simulation's section; null when it did not run
 * @param rtl the RTL simulation's section; null when it did not run
 * @param vendor the vendor steps' section; null when no vendor tool ran
 * @param openSynthesis Yosys's resource counts; null when open synthesis did not run
 * @param labels the outputs' ROC AUC and accuracy against {@code testbench.labels}; null without labels
 */
public record ModelReport(String model, String version, String digest, SimulationReport host, RtlReport rtl,
    VendorReport vendor, OpenSynthesisReport openSynthesis, LabelReport labels) {

  /** The file's name in a model's work directory, and in the model's zip. */
  public static final String FILE = "report.json";

  private static final String MODEL = "model";
  private static final String VERSION = "version";
  private static final String DIGEST = "digest";
  private static final String RTL = "rtl";
  private static final String VENDOR = "vendor";
  private static final String OPEN_SYNTHESIS = "openSynthesis";
  private static final String LABELS = "labels";
  /** How long a vendor step ran ({@link VendorReport.Step#millis()}); not in the packaged copy. */
  private static final String STEP_MILLIS = "millis";
  /** The host's and the RTL simulation's timings, and open synthesis's run time: not in the packaged copy. */
  private static final String TIMINGS = "timings";
  private static final String SECONDS = "seconds";

  public ModelReport {
    Objects.requireNonNull(model, MODEL);
    Objects.requireNonNull(version, VERSION);
    Objects.requireNonNull(digest, DIGEST);
  }

  /** A report without figures against labels. */
  public ModelReport(String model, String version, String digest, SimulationReport host, RtlReport rtl,
      VendorReport vendor, OpenSynthesisReport openSynthesis) {
    this(model, version, digest, host, rtl, vendor, openSynthesis, null);
  }

  /** A report of the manifest's generated project with neither section yet. */
  public static ModelReport of(ProjectManifest manifest) {
    return new ModelReport(manifest.name(), manifest.version(), manifest.digest(), null, null, null, null, null);
  }

  /** A report of a generated project with neither section yet but its figures against the labels, if it has them. */
  public static ModelReport of(ProjectManifest manifest, Path project) {
    return of(manifest).withLabels(labelsOf(project).orElse(null));
  }

  /** The figures against the labels that {@code sr-hls:generate} left in the project, if it has them. */
  private static Optional<LabelReport> labelsOf(Path project) {
    return JsonFiles.readIfValid(project.resolve(LabelReport.FILE), LabelReport.class);
  }

  /**
   * Puts the figures against the labels that {@code sr-hls:generate} left in the project into
   * {@code <work>/report.json}, beside the other sections when that report is of the same generated project, or
   * into a new report of the manifest's project otherwise; nothing where the project has none. They come from the
   * Java model's outputs and the labels alone, so they belong in the report whether a simulation ran or not.
   */
  public static void addLabels(Path work, ProjectManifest manifest, Path project) {
    labelsOf(project).ifPresent(labels -> readIfValid(work)
        .filter(earlier -> earlier.digest().equals(manifest.digest()))
        .orElseGet(() -> of(manifest))
        .withLabels(labels)
        .write(work));
  }

  public ModelReport withHost(SimulationReport section) {
    return new ModelReport(model, version, digest, section, rtl, vendor, openSynthesis, labels);
  }

  public ModelReport withRtl(RtlReport section) {
    return new ModelReport(model, version, digest, host, section, vendor, openSynthesis, labels);
  }

  public ModelReport withVendor(VendorReport section) {
    return new ModelReport(model, version, digest, host, rtl, section, openSynthesis, labels);
  }

  /** With Yosys's counts, or without them when {@code section} is null. */
  public ModelReport withOpenSynthesis(OpenSynthesisReport section) {
    return new ModelReport(model, version, digest, host, rtl, vendor, section, labels);
  }

  /** With the figures against the labels, or without them when {@code section} is null. */
  public ModelReport withLabels(LabelReport section) {
    return new ModelReport(model, version, digest, host, rtl, vendor, openSynthesis, section);
  }

  /** Where a model's report is: {@code <work>/report.json}. */
  public static Path file(Path work) {
    return work.resolve(FILE);
  }

  /** Writes {@code <work>/report.json}, replacing any earlier one. */
  public void write(Path work) {
    JsonFiles.write(file(work), tree(false));
  }

  /**
   * Writes the copy that goes into the model's zip as {@code <directory>/report.json}: without anything that
   * measures time (the host simulation's timings, each vendor step's millis), which differs from run to run, so
   * that two builds of the same project give the same zip.
   *
   * @return the file written
   */
  public Path writePackaged(Path directory) {
    Path file = directory.resolve(FILE);
    JsonFiles.write(file, tree(true));
    return file;
  }

  /**
   * Reads {@code <work>/report.json}; empty when there is none. {@code work} may also be the directory of a
   * packaged copy, in any file system (a zip's): what the copy leaves out reads as not measured.
   *
   * @throws SrHlsException when it is not a report this version of sr-hls writes
   */
  public static Optional<ModelReport> read(Path work) {
    Path file = file(work);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    ObjectNode root = JsonFiles.readObject(file);
    try {
      return Optional.of(fromTree(root));
    } catch (SrHlsException e) {
      throw new SrHlsException(file + ": " + e.getMessage() + "; run sr-hls:test again to write a current report",
          e);
    }
  }

  /** What {@link #read} reads, or empty when it cannot: for checks whose answer is then only "run it again". */
  public static Optional<ModelReport> readIfValid(Path work) {
    try {
      return read(work);
    } catch (SrHlsException e) {
      return Optional.empty();
    }
  }

  /**
   * Puts the vendor steps' section into {@code <work>/report.json}, beside the host simulation's when that report
   * is of the same generated project, or into a new report of the manifest's project otherwise.
   */
  public static void addVendor(Path work, ProjectManifest manifest, VendorReport section) {
    readIfValid(work)
        .filter(earlier -> earlier.digest().equals(manifest.digest()))
        .orElseGet(() -> of(manifest))
        .withVendor(section)
        .write(work);
  }

  /**
   * Puts open synthesis's section into {@code <work>/report.json} (or takes it out when {@code section} is null),
   * beside the other sections when that report is of the same generated project, or into a new report of the
   * manifest's project otherwise.
   */
  public static void setOpenSynthesis(Path work, ProjectManifest manifest, OpenSynthesisReport section) {
    Optional<ModelReport> earlier = readIfValid(work).filter(r -> r.digest().equals(manifest.digest()));
    if (section == null && earlier.map(r -> r.openSynthesis() == null).orElse(true)) {
      return; // nothing to take out
    }
    earlier.orElseGet(() -> of(manifest)).withOpenSynthesis(section).write(work);
  }

  /**
   * Puts the RTL simulation's section into {@code <work>/report.json}, beside the others when that report is of the
   * same generated project, or into a new report of the manifest's project otherwise.
   */
  public static void addRtl(Path work, ProjectManifest manifest, RtlReport section) {
    readIfValid(work)
        .filter(earlier -> earlier.digest().equals(manifest.digest()))
        .orElseGet(() -> of(manifest))
        .withRtl(section)
        .write(work);
  }

  /** Takes the RTL section out of {@code <work>/report.json}, if it has one: an RTL that could not be simulated. */
  public static void removeRtl(Path work) {
    readIfValid(work).filter(r -> r.rtl() != null).ifPresent(r -> r.withRtl(null).write(work));
  }

  /** Removes {@code <work>/report.json}, so that a report of an earlier run is not taken for this run's. */
  public static void delete(Path work) {
    Path file = file(work);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + file + " from an earlier run: " + e.getMessage(), e);
    }
  }

  private ObjectNode tree(boolean packaged) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(MODEL, model);
    root.put(VERSION, version);
    root.put(DIGEST, digest);
    if (host != null) {
      root.setAll(JsonFiles.toTree(packaged ? host.withoutTimings() : host));
    }
    if (labels != null) {
      root.set(LABELS, JsonFiles.toTree(labels));
    }
    if (rtl != null) {
      root.set(RTL, JsonFiles.toTree(packaged ? rtl.withoutTimings() : rtl));
    }
    if (vendor != null) {
      ObjectNode section = JsonFiles.toTree(vendor);
      if (packaged) {
        section.forEach(step -> {
          if (step instanceof ObjectNode s) {
            s.remove(STEP_MILLIS);
          }
        });
      }
      root.set(VENDOR, section);
    }
    if (openSynthesis != null) {
      root.set(OPEN_SYNTHESIS, JsonFiles.toTree(packaged ? openSynthesis.withoutTimings() : openSynthesis));
    }
    return root;
  }

  /**
   * The report a {@code report.json} tree holds, as {@link #read} reads it, for readers that take sections of their
   * own out of the tree first (the site report, the labels).
   *
   * @throws SrHlsException when it is not a report this version of sr-hls writes
   */
  public static ModelReport fromTree(ObjectNode root) {
    ObjectNode rest = root.deepCopy();
    String model = text(rest.remove(MODEL), MODEL);
    String version = text(rest.remove(VERSION), VERSION);
    String digest = text(rest.remove(DIGEST), DIGEST);
    RtlReport rtl = section(rest, RTL, RtlReport.class, s -> unmeasured(s, TIMINGS, null));
    VendorReport vendor = section(rest, VENDOR, VendorReport.class,
        s -> s.forEach(step -> unmeasured(step, STEP_MILLIS, 0L)));
    OpenSynthesisReport openSynthesis =
        section(rest, OPEN_SYNTHESIS, OpenSynthesisReport.class, s -> unmeasured(s, SECONDS, null));
    LabelReport labels = section(rest, LABELS, LabelReport.class, s -> {});
    // whatever is left is the host simulation's section
    SimulationReport host = null;
    if (!rest.isEmpty()) {
      unmeasured(rest, TIMINGS, null);
      host = JsonFiles.fromTree(rest, SimulationReport.class);
    }
    return new ModelReport(model, version, digest, host, rtl, vendor, openSynthesis, labels);
  }

  /** Takes the section under {@code key} out of {@code rest}: null when there is none. */
  private static <T> T section(ObjectNode rest, String key, Class<T> type, Consumer<ObjectNode> packaged) {
    JsonNode node = rest.remove(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof ObjectNode section)) {
      throw new SrHlsException("\"" + key + "\" is not an object");
    }
    packaged.accept(section);
    try {
      return JsonFiles.fromTree(section, type);
    } catch (SrHlsException e) {
      throw new SrHlsException("\"" + key + "\": " + e.getMessage(), e);
    }
  }

  /**
   * What the packaged copy leaves out ({@link #writePackaged}) reads as not measured: a missing timing as null, a
   * vendor step's missing duration as 0.
   */
  private static void unmeasured(JsonNode section, String key, Long value) {
    if (section instanceof ObjectNode s && !s.has(key)) {
      if (value == null) {
        s.putNull(key);
      } else {
        s.put(key, value);
      }
    }
  }

  private static String text(JsonNode node, String key) {
    if (node == null || !node.isTextual()) {
      throw new SrHlsException("\"" + key + "\" is missing or not a string");
    }
    return node.asText();
  }
}
