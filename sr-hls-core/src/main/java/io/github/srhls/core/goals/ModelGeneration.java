package io.github.srhls.core.goals;

import io.github.srhls.core.backend.hls.FirmwareEmitter;
import io.github.srhls.core.backend.hls.Provenance;
import io.github.srhls.core.backend.hls.TestbenchEmitter;
import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.design.BitAccurateModel;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignBuilder;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.design.DesignRequest;
import io.github.srhls.core.design.PrecisionPlanner;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.Progress;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.FloatEvaluator;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.model.FunctionSpec;
import io.github.srhls.core.model.InputSpec;
import io.github.srhls.core.model.InternalPrecision;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.PrecisionSpec;
import io.github.srhls.core.model.ProjectPaths;
import io.github.srhls.core.model.VectorFile;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.HostSimulator;
import io.github.srhls.core.testbench.DatFile;
import io.github.srhls.core.toolchain.amd.scripts.HlsProjectSpec;
import io.github.srhls.core.toolchain.amd.scripts.HlsScripts;
import io.github.srhls.core.toolchain.amd.scripts.IpMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Everything generated for one model, as file contents by relative path: the design, its firmware and testbench,
 * the test vectors with their bit-accurate and float64 expectations, the manifest, and the vendor tools' scripts.
 */
final class ModelGeneration {
  /** Where the model file and the files it references are copied in the generated project, by their project path. */
  static final String SOURCES = "model/";

  private ModelGeneration() {}

  /**
   * @param digest digest of the model file and the files it references
   * @param source the model file, relative to the project
   * @param request for the plugin version, the IP vendor and library of the vendor scripts, and the log for
   *     progress when computing the expected outputs takes long
   */
  static Generation files(CompiledModel model, String digest, String source, GenerateRequest request) {
    BuildLog log = request.log();
    ModelSpec spec = model.spec();
    Design design = design(spec, model, source);
    Provenance provenance = new Provenance(spec.version(), digest, request.pluginVersion(), source,
        model.outputTexts());

    double[][] inputs = vectors(spec, request.projectDirectory());
    BitAccurateModel bitAccurate = new BitAccurateModel(design);
    FloatEvaluator reference = new FloatEvaluator(model.graph());
    double[][] expected = new double[inputs.length][];
    double[][] float64 = new double[inputs.length][];
    Progress progress = new Progress(log, spec.name(), "expected outputs", inputs.length);
    for (int v = 0; v < inputs.length; v++) {
      expected[v] = bitAccurate.evaluate(inputs[v]);
      float64[v] = reference.evaluate(inputs[v]);
      progress.done(v + 1);
    }

    Map<String, String> files = new LinkedHashMap<>(new FirmwareEmitter(design, provenance).emit());
    TestbenchEmitter testbench = new TestbenchEmitter(design, provenance, compareTolerance(spec, design));
    files.put(testbench.fileName(), testbench.emit());
    files.put(HostSimulator.INPUTS, DatFile.format(inputs));
    files.put(HostSimulator.EXPECTED, DatFile.format(expected));
    files.put(HostSimulator.FLOAT64, DatFile.format(float64));
    ProjectManifest manifest = new ProjectManifest(ProjectManifest.FORMAT, spec.name(), spec.version(), digest,
        spec.inputNames(), spec.outputs().stream().map(OutputSpec::name).toList(), inputs.length,
        spec.testbench().tolerance(), !design.usesVendorMath(), overflows(design, bitAccurate), SOURCES + source,
        spec.testbench().classify());
    files.put(ProjectManifest.FILE_NAME, JsonFiles.toJson(manifest));
    files.putAll(HlsScripts.files(new HlsProjectSpec(spec.name(), spec.version(), spec.target().part(),
        spec.target().clockNs(), IpMetadata.of(spec.name(), spec.version(), spec.description(), request.ipVendor(),
            request.ipLibrary()))));
    boolean auto = spec.precision().internal() instanceof InternalPrecision.Auto;
    DesignReport report = DesignReport.of(design, auto ? "auto" : "uniform",
        auto ? spec.precision().error() : null);
    files.put(DesignReport.FILE_NAME, JsonFiles.toJson(report));
    return new Generation(files, report);
  }

  /** The generated files by relative path, and the design report for the build log. */
  record Generation(Map<String, String> files, DesignReport design) {}

  /** The plan the model asks for: uniform types, or automatic precision from the error budget. */
  static Design design(ModelSpec spec, CompiledModel model, String source) {
    PrecisionSpec precision = spec.precision();
    Map<Builtin, Integer> tableBits = new EnumMap<>(Builtin.class);
    Set<Builtin> vendor = EnumSet.noneOf(Builtin.class);
    Map<Builtin, Integer> degrees = new EnumMap<>(Builtin.class);
    boolean auto = precision.internal() instanceof InternalPrecision.Auto;
    for (Builtin f : Builtin.withUnits()) {
      FunctionSpec settings = spec.functionSettings(f.canonicalName());
      // the degree as the model says; unset, 0 under uniform and planned with the size under auto
      if (settings.degree() != null) {
        degrees.put(f, settings.degree());
      }
      if (settings.implementation() == FunctionSpec.Implementation.VENDOR) {
        vendor.add(f);
      } else if (settings.size() != null) {
        tableBits.put(f, Integer.numberOfTrailingZeros(settings.size()));
      }
    }
    FixedType internal = auto ? precision.defaultType() : precision.uniformType();
    DesignRequest request = DesignRequest.builder(spec.name(), model.graph())
        .inputRanges(ranges(spec))
        .inputTypes(inputTypes(spec))
        .resultType(resultType(spec))
        .defaultType(precision.defaultType())
        .internalType(internal)
        .constantType(precision.constants())
        .tableIndexBits(tableBits)
        .vendorFunctions(vendor)
        .degrees(degrees)
        .nodeTypes(model.nodeTypes())
        .clampInputs(auto)
        .build();
    try {
      return auto ? PrecisionPlanner.plan(request, precision.error()) : DesignBuilder.uniform(request);
    } catch (SrHlsException e) {
      throw new SrHlsException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Bit for bit, unless the design calls the vendor's math library: then the expectation is the correctly rounded
   * function, and the testbench accepts testbench.tolerance, or 16 LSBs of result_t when none is set.
   */
  private static double compareTolerance(ModelSpec spec, Design design) {
    if (!design.usesVendorMath()) {
      return 0;
    }
    Double tolerance = spec.testbench().tolerance();
    return tolerance != null ? tolerance : Math.scalb(16.0, -design.resultType().fracBits());
  }

  private static List<Interval> ranges(ModelSpec spec) {
    return spec.inputs().stream().map(i -> new Interval(i.min(), i.max())).toList();
  }

  private static List<FixedType> inputTypes(ModelSpec spec) {
    List<FixedType> types = new ArrayList<>();
    for (InputSpec in : spec.inputs()) {
      types.add(in.type() == null ? spec.defaultType() : in.type());
    }
    return types;
  }

  /** y[] has one element type: the outputs' declared type when they agree, else the default. */
  private static FixedType resultType(ModelSpec spec) {
    List<FixedType> declared = spec.outputs().stream().map(OutputSpec::type).filter(Objects::nonNull).distinct()
        .toList();
    if (declared.size() > 1) {
      throw new SrHlsException(spec.file() + ": outputs declare different types " + declared + ", but y[] has"
          + " one element type; give all outputs the same type, or none (then precision.default is used)");
    }
    FixedType t = declared.isEmpty() ? spec.defaultType() : declared.get(0);
    if (declared.size() == 1 && spec.outputs().stream().anyMatch(o -> o.type() == null)) {
      throw new SrHlsException(spec.file() + ": some outputs declare type " + t + " and some none, but y[] has one"
          + " element type; declare it on every output or on none");
    }
    return t;
  }

  /**
   * The vectors from the model's file, or random ones from the seed: uniform over the declared ranges, or standard
   * normal.
   */
  static double[][] vectors(ModelSpec spec, Path project) {
    Path file = spec.testbench().inputs();
    if (file != null) {
      return VectorFile.read(file, ProjectPaths.shown(file, project), spec.inputNames());
    }
    SplittableRandom random = new SplittableRandom(spec.testbench().seed());
    double[][] rows = new double[spec.testbench().vectors()][spec.inputs().size()];
    for (double[] row : rows) {
      switch (spec.testbench().distribution()) {
        case UNIFORM -> {
          for (int i = 0; i < row.length; i++) {
            InputSpec in = spec.inputs().get(i);
            row[i] = in.min() + (in.max() - in.min()) * random.nextDouble();
          }
        }
        case NORMAL -> standardNormal(random, row);
      }
    }
    return rows;
  }

  /**
   * Fills {@code row} with independent N(0, 1) values by the Box-Muller transform, two per pair of uniforms. Not
   * {@code nextGaussian()}, whose algorithm the JDK does not specify, nor {@code Math}, whose results may differ
   * between platforms: StrictMath makes the vectors the same on every JDK and machine.
   */
  private static void standardNormal(SplittableRandom random, double[] row) {
    for (int i = 0; i < row.length; i += 2) {
      double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble())); // 1 - u is in (0, 1]
      double angle = 2 * StrictMath.PI * random.nextDouble();
      row[i] = radius * StrictMath.cos(angle);
      if (i + 1 < row.length) {
        row[i + 1] = radius * StrictMath.sin(angle);
      }
    }
  }

  private static Map<String, Long> overflows(Design design, BitAccurateModel model) {
    Map<String, Long> counts = new TreeMap<>();
    long[] nodes = model.overflowCounts();
    for (int id = 0; id < nodes.length; id++) {
      if (nodes[id] > 0) {
        counts.put("t" + id, nodes[id]);
      }
    }
    long[] outputs = model.outputOverflowCounts();
    for (int k = 0; k < outputs.length; k++) {
      if (outputs[k] > 0) {
        counts.put(design.graph().outputNames().get(k), outputs[k]);
      }
    }
    return counts;
  }
}
