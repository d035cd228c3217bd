package io.github.srhls.core.build;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.emit.DatFile;
import io.github.srhls.core.emit.FirmwareEmitter;
import io.github.srhls.core.emit.Provenance;
import io.github.srhls.core.emit.TestbenchEmitter;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.hls.BitAccurateModel;
import io.github.srhls.core.hls.Design;
import io.github.srhls.core.hls.DesignBuilder;
import io.github.srhls.core.ir.FloatEvaluator;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.model.InputSpec;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.VectorFile;
import io.github.srhls.core.project.ProjectManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Everything generated for one model, as file contents by relative path: the design, its firmware and testbench,
 * the test vectors with their bit-accurate and float64 expectations, and the manifest.
 */
final class ModelGeneration {
  private ModelGeneration() {}

  /**
   * @param digest digest of the model file and the files it references
   * @param modelFileCopy where the model file is copied in the generated project, relative to it
   * @param log where progress goes when computing the expected outputs takes long
   */
  static Map<String, String> files(CompiledModel model, String digest, String toolVersion, String source,
      String modelFileCopy, BuildLog log) {
    ModelSpec spec = model.spec();
    Design design = DesignBuilder.uniform(spec.name(), model.graph(), ranges(spec), inputTypes(spec),
        spec.defaultType(), resultType(spec), DesignBuilder.DEFAULT_INDEX_BITS);
    Provenance provenance = new Provenance(spec.version(), digest, toolVersion, source, model.outputTexts());

    double[][] inputs = vectors(spec);
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
    TestbenchEmitter testbench = new TestbenchEmitter(design, provenance);
    files.put(testbench.fileName(), testbench.emit());
    files.put("tb_data/tb_input_features.dat", DatFile.format(inputs));
    files.put("tb_data/tb_output_predictions.dat", DatFile.format(expected));
    files.put("tb_data/tb_output_float64.dat", DatFile.format(float64));
    ProjectManifest manifest = new ProjectManifest(ProjectManifest.FORMAT, spec.name(), spec.version(), digest,
        spec.inputNames(), spec.outputs().stream().map(OutputSpec::name).toList(), inputs.length,
        spec.testbench().tolerance(), true, overflows(design, bitAccurate), modelFileCopy);
    files.put(ProjectManifest.FILE_NAME, io.github.srhls.core.project.JsonFiles.toJson(manifest));
    return files;
  }

  private static List<Interval> ranges(ModelSpec spec) {
    return spec.inputs().stream().map(i -> new Interval(i.min(), i.max())).toList();
  }

  private static List<FixedType> inputTypes(ModelSpec spec) {
    List<FixedType> types = new ArrayList<>();
    for (InputSpec in : spec.inputs()) {
      types.add(in.type());
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

  /** The vectors from the model's file, or uniform random ones over the declared ranges from the seed. */
  static double[][] vectors(ModelSpec spec) {
    if (spec.testbench().inputs() != null) {
      return VectorFile.read(spec.testbench().inputs(), spec.inputNames());
    }
    SplittableRandom random = new SplittableRandom(spec.testbench().seed());
    double[][] rows = new double[spec.testbench().vectors()][spec.inputs().size()];
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        InputSpec in = spec.inputs().get(i);
        row[i] = in.min() + (in.max() - in.min()) * random.nextDouble();
      }
    }
    return rows;
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
