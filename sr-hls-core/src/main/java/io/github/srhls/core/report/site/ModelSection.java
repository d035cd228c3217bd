package io.github.srhls.core.report.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.amd.reports.CsynthReport;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One model's section of the page: its outputs' expressions and types, latency, resources by source, accuracy
 * against float64, the labels' figures and the Pareto plots when there are any, and its zip's coordinates. A figure
 * whose file is missing or of another generation of the model is not shown; the section says what would make it.
 */
final class ModelSection {
  private final GeneratedProjects.Project project;
  private final SiteRequest request;
  private final String name;
  private final List<Block> blocks = new ArrayList<>();
  private final List<SitePage.Asset> assets;

  private ModelSection(GeneratedProjects.Project project, SiteRequest request, List<SitePage.Asset> assets) {
    this.project = project;
    this.request = request;
    this.name = project.manifest().name();
    this.assets = assets;
  }

  /** The section of a generated project; the plots it shows are added to {@code assets}. */
  static SitePage.Section of(GeneratedProjects.Project project, SiteRequest request, List<SitePage.Asset> assets) {
    ModelSection s = new ModelSection(project, request, assets);
    s.build();
    return new SitePage.Section(id(s.name), s.name, s.blocks);
  }

  static String id(String model) {
    return "model-" + model;
  }

  private void build() {
    ProjectManifest manifest = project.manifest();
    DesignReport design = JsonFiles.readIfValid(project.directory().resolve(DesignReport.FILE_NAME),
        DesignReport.class).orElse(null);
    Path work = request.workDirectory().resolve(name);
    ReportFile report = ReportFile.read(work, manifest);

    blocks.add(new Block.Paragraph("Version " + manifest.version() + ": " + plural(manifest.inputs().size(), "input")
        + ", " + plural(manifest.outputs().size(), "output") + ", " + plural(manifest.vectors(), "test vector")
        + "; generated from " + manifest.modelFile().replaceFirst("^model/", "") + "."));
    if (design == null) {
      blocks.add(new Block.Paragraph(DesignReport.FILE_NAME + " is missing or of another version of sr-hls: run"
          + " mvn generate-sources (sr-hls:generate) again for the expressions, types, latency and estimate."));
    }
    outputs(manifest, design);
    types(design);
    latency(design, report.model());
    resources(design, report.model());
    accuracy(manifest, report);
    if (report.labels() != null) {
      heading("labels", "Labels");
      blocks.addAll(LabelsPart.blocks(report.labels()));
    }
    boolean hasFront = design != null && design.outputs().stream().anyMatch(o -> o.pysr() != null);
    ParetoPart.blocks(name, work, hasFront, blocks, assets, this::heading);
    zip();
  }

  private void heading(String suffix, String text) {
    blocks.add(new Block.Heading(name + "-" + suffix, text));
  }

  private void outputs(ProjectManifest manifest, DesignReport design) {
    heading("outputs", "Outputs");
    List<List<Block.Cell>> rows = new ArrayList<>();
    List<DesignReport.Output> described = design == null ? List.of() : design.outputs();
    for (int k = 0; k < manifest.outputs().size(); k++) {
      String output = manifest.outputs().get(k);
      DesignReport.Output o = k < described.size() && described.get(k).name().equals(output) ? described.get(k)
          : null;
      String expression = o == null || o.expression() == null ? Numbers.NONE : Expressions.pretty(o.expression());
      String from = o == null || o.expression() == null ? Numbers.NONE
          : o.pysr() == null ? "model file"
          : o.pysr().file() + ", row " + o.pysr().row() + " (complexity " + o.pysr().complexity() + ", loss "
              + Numbers.significant(o.pysr().loss()) + ")";
      rows.add(List.of(Block.Cell.text(output), Block.Cell.code(o == null ? Numbers.NONE : o.type()),
          Block.Cell.code(expression), Block.Cell.text(from)));
    }
    blocks.add(new Block.Table("The expression each output computes, as compiled (printed canonically), with the"
        + " type of its value", List.of("Output", "Type", "Expression", "From"), rows));
  }

  private void types(DesignReport design) {
    if (design == null || design.inputs().isEmpty()) {
      return;
    }
    heading("types", "Types");
    List<List<Block.Cell>> rows = new ArrayList<>();
    List<DesignReport.Port> inputs = design.inputs();
    int start = 0;
    for (int k = 1; k <= inputs.size(); k++) {
      if (k == inputs.size() || !inputs.get(k).type().equals(inputs.get(start).type())) {
        String names = k - start == 1 ? inputs.get(start).name()
            : k - start == 2 ? inputs.get(start).name() + ", " + inputs.get(k - 1).name()
            : inputs.get(start).name() + " … " + inputs.get(k - 1).name();
        rows.add(List.of(Block.Cell.text("input"), Block.Cell.text(names),
            Block.Cell.code(inputs.get(start).type())));
        start = k;
      }
    }
    for (DesignReport.Output o : design.outputs()) {
      rows.add(List.of(Block.Cell.text("output"), Block.Cell.text(o.name()), Block.Cell.code(o.type())));
    }
    blocks.add(new Block.Table("The fixed-point type of each port (" + design.plan() + " precision plan)",
        List.of("Direction", "Names", "Type"), rows));
  }

  private void latency(DesignReport design, ModelReport report) {
    heading("latency", "Latency");
    List<List<Block.Cell>> rows = new ArrayList<>();
    DesignReport.Rtl rtl = design == null ? null : design.rtl();
    if (rtl != null && rtl.latencyCycles() != null) {
      rows.add(row("RTL pipeline (sr-hls delay model, " + rtl.part() + ")", Numbers.count(rtl.latencyCycles()),
          Numbers.decimal(rtl.latencyNs()), Numbers.decimal(rtl.clockNs()), Numbers.count(rtl.initiationInterval())));
    }
    RtlReport simulated = report == null ? null : report.rtl();
    if (simulated != null) {
      rows.add(row("RTL simulation (" + firstLine(simulated.version()) + ")", Numbers.count(simulated.latencyCycles()),
          Numbers.decimal(simulated.latencyNs()), rtl != null && rtl.clockNs() != null
              ? Numbers.decimal(rtl.clockNs()) : Numbers.NONE, Numbers.count(simulated.initiationInterval())));
    }
    CsynthReport csynth = csynth(report);
    if (csynth != null && csynth.latency().worst() != null) {
      long cycles = csynth.latency().worst();
      Double clock = csynth.estimatedClockNs() != null ? csynth.estimatedClockNs() : csynth.targetClockNs();
      rows.add(row(vendorName(report.vendor()) + " synthesis (worst case)", Numbers.count(cycles),
          clock == null ? Numbers.NONE : Numbers.decimal(cycles * clock),
          clock == null ? Numbers.NONE : Numbers.decimal(clock),
          csynth.interval().max() == null ? Numbers.NONE : Numbers.count(csynth.interval().max())));
    }
    if (rows.isEmpty()) {
      blocks.add(new Block.Paragraph(rtl != null && rtl.note() != null ? "No RTL, so no latency before a vendor"
          + " synthesis: " + rtl.note() : "No latency figures yet: sr-hls:generate with rtl on (the default)"
          + " schedules the pipeline, and a vendor synthesis reports its own."));
      return;
    }
    blocks.add(new Block.Table("Cycles from an input vector to its outputs, and the time at the clock each source"
        + " used", List.of("Source", "Cycles", "ns", "Clock (ns)", "Initiation interval"), rows));
    if (rtl != null && rtl.criticalPathNs() != null) {
      blocks.add(new Block.Paragraph("The delay model's longest register-to-register path is "
          + Numbers.decimal(rtl.criticalPathNs()) + " ns, for a clock of " + Numbers.decimal(rtl.clockNs()) + " ns."));
    }
  }

  private void resources(DesignReport design, ModelReport report) {
    heading("resources", "Resources");
    List<String> header = new ArrayList<>(List.of("Resource"));
    List<Function<Resource, String>> columns = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    DesignReport.Estimate estimate = design == null || design.rtl() == null ? null : design.rtl().estimate();
    if (estimate != null) {
      header.add("Estimated");
      columns.add(r -> r.of(estimate));
      notes.add("Estimated: " + estimate.basis() + ".");
    } else if (design != null) {
      header.add("Estimated (HLS plan)");
      columns.add(r -> r == Resource.DSP ? Numbers.count(design.cost().estimatedDsp()) : Numbers.NONE);
      notes.add("Estimated (HLS plan): the DSPs the HLS design's multipliers need; without the RTL there is no LUT"
          + " or FF estimate.");
    }
    OpenSynthesisReport yosys = report == null ? null : report.openSynthesis();
    if (yosys != null) {
      header.add("Yosys");
      columns.add(r -> r.of(yosys));
      notes.add("Yosys: the cells " + firstLine(yosys.describeTool()) + " mapped the RTL to (synth_xilinx -family "
          + yosys.family() + "); not Vivado's figures.");
    }
    CsynthReport csynth = csynth(report);
    if (csynth != null) {
      header.add("Vendor");
      columns.add(r -> r.of(csynth.used()));
      notes.add("Vendor: the estimates of " + vendorName(report.vendor()) + "'s synthesis report.");
    }
    if (columns.isEmpty()) {
      blocks.add(new Block.Paragraph("No resource figures yet: run sr-hls:generate again."));
      return;
    }
    List<List<Block.Cell>> rows = new ArrayList<>();
    for (Resource r : Resource.values()) {
      List<Block.Cell> row = new ArrayList<>(List.of(Block.Cell.text(r.label)));
      columns.forEach(c -> row.add(Block.Cell.text(c.apply(r))));
      if (row.stream().skip(1).anyMatch(c -> !c.text().equals(Numbers.NONE))) {
        rows.add(row);
      }
    }
    blocks.add(new Block.Table("Resources by source: whichever of the estimate, Yosys and the vendor's synthesis"
        + " exist", header, rows));
    blocks.add(new Block.Paragraph(String.join(" ", notes)));
  }

  private void accuracy(ProjectManifest manifest, ReportFile file) {
    heading("accuracy", "Accuracy");
    if (file.problem() != null) {
      blocks.add(new Block.Paragraph(file.problem()));
      return;
    }
    SimulationReport host = file.model() == null ? null : file.model().host();
    if (host == null) {
      blocks.add(new Block.Paragraph("Not simulated yet: sr-hls:test (mvn verify) runs the testbench and writes"
          + " the errors against float64."));
      return;
    }
    StringBuilder text = new StringBuilder();
    text.append("C simulation of ").append(plural(host.vectors(), "test vector")).append(": ")
        .append(host.passed() ? "passed" : "failed").append(", ")
        .append(host.mismatches().count() == 0 ? "every output bit as the bit-accurate model computes it"
            : host.mismatches().count() + " values differ from the bit-accurate model").append('.');
    RtlReport rtl = file.model().rtl();
    if (rtl != null) {
      text.append(" RTL simulation: ").append(rtl.passed() ? "passed" : "failed").append(", ")
          .append(rtl.mismatches().count() == 0 ? "bit-exact" : rtl.mismatches().count() + " values differ")
          .append('.');
    }
    if (host.tolerance() != null) {
      text.append(" Tolerance against float64: ").append(Numbers.significant(host.tolerance())).append('.');
    }
    if (host.classAgreement() != null) {
      text.append(" The largest output is float64's on ").append(Numbers.percent(host.classAgreement()))
          .append(" of the vectors.");
    }
    blocks.add(new Block.Paragraph(text.toString()));
    List<List<Block.Cell>> rows = new ArrayList<>();
    for (String output : manifest.outputs()) {
      ErrorStats e = host.errorVsFloat64().get(output);
      Integer differ = host.mismatches().byOutput().get(output);
      rows.add(List.of(Block.Cell.text(output),
          Block.Cell.text(e == null ? Numbers.NONE : Numbers.significant(e.maxAbsError())),
          Block.Cell.text(e == null ? Numbers.NONE : Numbers.significant(e.meanAbsError())),
          Block.Cell.text(differ == null ? Numbers.NONE : Numbers.count(differ))));
    }
    blocks.add(new Block.Table("Each output's error against the float64 evaluation of its expression, over the test"
        + " vectors", List.of("Output", "Max |error|", "Mean |error|", "Bits differing"), rows));
  }

  private void zip() {
    heading("zip", "Firmware zip");
    String classifier = request.classifierOf(name);
    String coordinates = request.groupId() + ":" + request.artifactId() + ":" + request.version() + ":" + classifier
        + ":zip";
    Path zip = request.zipDirectory().resolve(request.finalName() + "-" + classifier + ".zip");
    blocks.add(new Block.Paragraph("Attached by sr-hls:package as " + coordinates + " (groupId:artifactId:version:"
        + "classifier:type), so install and deploy publish it. " + (Files.isRegularFile(zip)
            ? "This build wrote it as " + zip.getFileName() + " (" + size(zip) + " bytes)."
            : "This build has not packaged it yet: mvn package writes " + zip.getFileName() + ".")));
    blocks.add(new Block.Code("<dependency>\n  <groupId>" + request.groupId() + "</groupId>\n  <artifactId>"
        + request.artifactId() + "</artifactId>\n  <version>" + request.version() + "</version>\n  <classifier>"
        + classifier + "</classifier>\n  <type>zip</type>\n</dependency>"));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  private static CsynthReport csynth(ModelReport report) {
    VendorReport vendor = report == null ? null : report.vendor();
    if (vendor == null || vendor.csynth() == null || vendor.csynth().result() == null) {
      return null;
    }
    return vendor.csynth().result().report();
  }

  private static String vendorName(VendorReport vendor) {
    return vendor.tool() + " " + vendor.version();
  }

  private static List<Block.Cell> row(String... cells) {
    List<Block.Cell> row = new ArrayList<>();
    for (String c : cells) {
      row.add(Block.Cell.text(c));
    }
    return row;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The rows of the resources table, and where each source has them. */
  private enum Resource {
    LUT("LUT"), LUTRAM("LUTRAM"), FF("FF"), CARRY("CARRY"), DSP("DSP"), BRAM("BRAM (18K)"), URAM("URAM");

    final String label;

    Resource(String label) {
      this.label = label;
    }

    String of(DesignReport.Estimate e) {
      return switch (this) {
        case LUT -> Numbers.count(e.lut());
        case LUTRAM -> Numbers.count(e.lutram());
        case FF -> Numbers.count(e.ff());
        case CARRY -> Numbers.count(e.carry());
        case DSP -> Numbers.count(e.dsp());
        case BRAM -> Numbers.count(e.bram18k());
        case URAM -> Numbers.NONE;
      };
    }

    String of(OpenSynthesisReport y) {
      return switch (this) {
        case LUT -> Numbers.count(y.lut());
        case LUTRAM -> Numbers.count(y.lutram());
        case FF -> Numbers.count(y.ff());
        case CARRY -> Numbers.count(y.carry());
        case DSP -> Numbers.count(y.dsp());
        case BRAM -> Numbers.count(y.bram18k());
        case URAM -> Numbers.NONE;
      };
    }

    String of(CsynthReport.Resources v) {
      return switch (this) {
        case LUT -> Numbers.count(v.lut());
        case FF -> Numbers.count(v.ff());
        case DSP -> Numbers.count(v.dsp());
        case BRAM -> Numbers.count(v.bram18k());
        case URAM -> v.uram() == null ? Numbers.NONE : Numbers.count(v.uram());
        case LUTRAM, CARRY -> Numbers.NONE;
      };
    }
  }

  /**
   * A model's {@code report.json} as the page uses it.
   *
   * @param model the report; null when there is none, or it is of another generation or unreadable
   * @param labels its {@code labels} section; null when it has none
   * @param problem why its figures are not shown although the file exists; null otherwise
   */
  record ReportFile(ModelReport model, JsonNode labels, String problem) {
    static ReportFile read(Path work, ProjectManifest manifest) {
      Path file = ModelReport.file(work);
      if (!Files.isRegularFile(file)) {
        return new ReportFile(null, null, null);
      }
      ModelReport report;
      JsonNode labels;
      try {
        ObjectNode tree = JsonFiles.readObject(file);
        labels = tree.remove(LabelsPart.KEY);
        report = ModelReport.fromTree(tree);
      } catch (SrHlsException e) {
        return new ReportFile(null, null, file.getFileName() + " cannot be read (" + e.getMessage() + "): run mvn"
            + " verify again to write a current one.");
      }
      if (!report.digest().equals(manifest.digest())) {
        return new ReportFile(null, null, file.getFileName() + " is of an earlier generation of this model: run mvn"
            + " verify again; its figures are not shown.");
      }
      return new ReportFile(report, labels, null);
    }
  }
}
