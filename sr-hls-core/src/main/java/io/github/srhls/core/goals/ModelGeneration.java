package io.github.srhls.core.goals;

import io.github.srhls.core.backend.hls.FirmwareEmitter;
import io.github.srhls.core.backend.hls.Provenance;
import io.github.srhls.core.backend.hls.TestbenchEmitter;
import io.github.srhls.core.backend.rtl.RtlCost;
import io.github.srhls.core.backend.rtl.RtlEmitter;
import io.github.srhls.core.backend.rtl.RtlModule;
import io.github.srhls.core.backend.rtl.Signal;
import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.DeclaredTypes;
import io.github.srhls.core.model.InternalPrecision;
import io.github.srhls.core.model.LabelFile;
import io.github.srhls.core.model.Labels;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.ExpectedOutputs;
import io.github.srhls.core.testbench.LabelReport;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.testbench.TestVectors;
import io.github.srhls.core.testbench.TestbenchData;
import io.github.srhls.core.testbench.Tolerance;
import io.github.srhls.core.toolchain.amd.scripts.HlsScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything generated for one model, as file contents by relative path, stage by stage: the design, its firmware
 * and testbench, the test vectors with their bit-accurate and float64 expectations, the manifest, the vendor
 * tools' scripts, and the pipelined RTL under {@code rtl/}.
 */
final class ModelGeneration {
  /** Where the model file and the files it references are copied in the generated project, by their project path. */
  static final String SOURCES = "model/";

  private ModelGeneration() {}

  /**
   * @param digest digest of the model file and the files it references
   * @param source the model file, relative to the project
   * @param request for the plugin version, the IP vendor and library of the vendor scripts
   * @param log progress when computing the expected outputs takes long
   * @param project the directory the project is staged in: the data files ({@link TestbenchData}) are written
   *     there, as they are computed; the other files are returned
   */
  static Generation files(CompiledModel model, String digest, String source, GenerateRequest request,
      BuildLog log, Path project) throws IOException {
    ModelSpec spec = model.spec();
    Design design = ModelDesign.of(spec, model, source);
    Provenance provenance = new Provenance(spec.version(), digest, request.pluginVersion(), source,
        model.outputTexts());

    // streamed into the project's data files as they are evaluated: no vector is kept, however many there are
    TestVectors.Source inputs = TestVectors.source(spec, request.projectDirectory());
    List<String> outputNames = spec.outputs().stream().map(OutputSpec::name).toList();
    // the labels are read before the evaluation, so a file that does not fit the vectors fails before any work
    Labels labels = labels(spec, inputs.size(), outputNames, request);
    // with labels, the outputs are kept for their figures (labels need testbench.inputs, whose size is capped)
    List<double[]> bitAccurate = new ArrayList<>();
    List<double[]> float64 = new ArrayList<>();
    Map<String, Long> overflows;
    int outputs = outputNames.size();
    // the same doubles also in the exact binary form, which the host simulation reads instead of parsing the text
    try (TestbenchData.Writer data = TestbenchData.writer(project);
        BinaryVectors.Writer inputsBinary =
            new BinaryVectors.Writer(project.resolve(TestbenchData.INPUTS_BINARY), spec.inputs().size());
        BinaryVectors.Writer expectedBinary =
            new BinaryVectors.Writer(project.resolve(TestbenchData.EXPECTED_BINARY), outputs);
        BinaryVectors.Writer float64Binary =
            new BinaryVectors.Writer(project.resolve(TestbenchData.FLOAT64_BINARY), outputs)) {
      ExpectedOutputs.Sink sink = (in, bits, reference) -> {
        data.accept(in, bits, reference);
        try {
          inputsBinary.write(in);
          expectedBinary.write(bits);
          float64Binary.write(reference);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (labels != null) {
          bitAccurate.add(bits.clone());
          float64.add(reference.clone());
        }
      };
      overflows = fromTypes(source, spec, () -> ExpectedOutputs.each(design, model.graph(), inputs, sink, log));
    }
    LabelReport labelReport = labels == null ? null : LabelReport.of(
        ProjectPaths.shown(spec.testbench().labels(), request.projectDirectory()).toString().replace('\\', '/'),
        labels, new ExpectedOutputs(bitAccurate.toArray(double[][]::new), float64.toArray(double[][]::new),
            overflows), outputNames);

    Map<String, String> files = fromTypes(source, spec,
        () -> new LinkedHashMap<>(new FirmwareEmitter(design, provenance).emit()));
    TestbenchEmitter testbench = new TestbenchEmitter(design, provenance, Tolerance.of(design, spec.testbench()));
    files.put(testbench.fileName(), fromTypes(source, spec, testbench::emit));
    ProjectManifest manifest = ProjectManifest.builder()
        .name(spec.name())
        .version(spec.version())
        .digest(digest)
        .inputs(spec.inputNames())
        .outputs(spec.outputs().stream().map(OutputSpec::name).toList())
        .vectors(Math.toIntExact(inputs.size()))
        .tolerance(spec.testbench().tolerance())
        .hostSimulation(!design.usesVendorMath())
        .overflows(overflows)
        .modelFile(SOURCES + source)
        .classify(spec.testbench().classify())
        .build();
    files.put(ProjectManifest.FILE_NAME, JsonFiles.toJson(manifest));
    files.putAll(HlsScripts.files(spec, request.ipVendor(), request.ipLibrary()));
    boolean auto = spec.precision().internal() instanceof InternalPrecision.Auto;
    DesignReport report = DesignReport.of(design, auto ? "auto" : "uniform",
        auto ? spec.precision().error() : null);
    report = report.withOutputs(OutputOrigins.of(model, report.outputs(), request.projectDirectory()));
    if (request.rtl()) {
      report = report.withRtl(rtl(design, spec, source, provenance, files));
    }
    files.put(DesignReport.FILE_NAME, JsonFiles.toJson(report));
    if (labelReport != null) {
      files.put(LabelReport.FILE, JsonFiles.toJson(labelReport));
    }
    return new Generation(files, report, inputs.size(), labelReport);
  }

  /**
   * The labels of {@code testbench.labels}; null without.
   *
   * @throws SrHlsException naming the labels file, line and column where it does not fit the vectors or outputs
   */
  private static Labels labels(ModelSpec spec, long vectors, List<String> outputs, GenerateRequest request) {
    Path file = spec.testbench().labels();
    if (file == null) {
      return null;
    }
    Path project = request.projectDirectory();
    return LabelFile.read(file, ProjectPaths.shown(file, project), outputs, Math.toIntExact(vectors),
        ProjectPaths.shown(spec.testbench().inputs(), project));
  }

  /**
   * Emits {@code rtl/<name>.v} into {@code files} and returns its figures; for a design the RTL back end cannot do
   * (vendor math), no file and the reason.
   *
   * @throws SrHlsException naming target.part or target.clock-ns where the delay model cannot schedule the design
   */
  private static DesignReport.Rtl rtl(Design design, ModelSpec spec, String source, Provenance provenance,
      Map<String, String> files) {
    String limitation = RtlEmitter.limitation(design);
    if (limitation != null) {
      return DesignReport.Rtl.none(limitation);
    }
    RtlModule rtl;
    try {
      rtl = RtlEmitter.emit(design, spec.target(), spec.arithmetic(), source,
          provenance.lines(spec.name(), "Pipelined RTL"));
    } catch (SrHlsException e) {
      throw e; // target.part, target.clock-ns: the user's to change
    } catch (RuntimeException e) {
      // a limit of the RTL back end itself: the way out is named, the cause kept for the report
      throw new SrHlsException(source + ": the RTL back end could not build " + spec.name() + ": " + e.getMessage()
          + "; generate without it with -Dsr-hls.rtl=false (the rtl parameter) and report this", e);
    }
    files.putAll(rtl.files());
    DesignReport.Rtl figures = new DesignReport.Rtl(rtl.file(), rtl.top(), rtl.part(), rtl.family(), rtl.clockNs(),
        rtl.latencyCycles(), rtl.latencyNs(), rtl.initiationInterval(),
        Math.round(rtl.criticalPathNs() * 1000) / 1000.0, rtl.wireType().cpp(), ports(rtl.inputs()),
        ports(rtl.outputs()), estimate(rtl.cost()), null);
    // what sr-hls:test needs to simulate the module, from the same record as sr-hls-design.json's rtl section
    files.put(RtlTestbench.FILE, RtlTestbench.of(figures).json());
    return figures;
  }

  private static DesignReport.Estimate estimate(RtlCost c) {
    return new DesignReport.Estimate(RtlCost.BASIS, c.lut(), c.ff(), c.carry(), c.dsp(), c.bram18k(), c.lutram(),
        c.lutByKind());
  }

  private static List<DesignReport.Port> ports(List<Signal> signals) {
    return signals.stream().map(s -> new DesignReport.Port(s.name(), s.type().cpp(), s.width())).toList();
  }

  /**
   * A step that meets a limit because of the declared types (a constant a unit derives too precise for a literal,
   * a full-precision result too wide for the Java model): the message names the model file and the types' keys.
   */
  private static <T> T fromTypes(String source, ModelSpec spec, Supplier<T> step) {
    try {
      return step.get();
    } catch (SrHlsException | IllegalArgumentException | ArithmeticException e) {
      String m = e.getMessage();
      throw new SrHlsException(source + ": " + (m.endsWith(".") ? m : m + ".") + DeclaredTypes.hint(spec), e);
    }
  }

  /**
   * The generated files by relative path (the data files are written as they are computed), and for the build log
   * the design report, how many vectors, and the figures against the labels.
   *
   * @param labels the figures against {@code testbench.labels}; null without
   */
  record Generation(Map<String, String> files, DesignReport design, long vectors, LabelReport labels) {}
}
