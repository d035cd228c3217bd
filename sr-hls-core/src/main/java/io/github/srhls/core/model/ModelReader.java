package io.github.srhls.core.model;

import io.github.srhls.core.diag.FileSizeLimit;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads and validates a model file, format {@code sr-hls/v1}: YAML for {@code *.sr.yaml} and {@code *.sr.yml},
 * JSON for {@code *.sr.json}.
 *
 * <pre>
 * format: sr-hls/v1            # required; the only format this version reads
 * name: jet_tagger             # required: top function, IP and file name
 * version: 1.2.0               # optional; default: the project version
 * description: "..."           # optional
 * inputs:                      # order = index in x[]
 *   - {name: zlogz, range: [-4, 4]}
 *   - {name: mass, range: [-4, 4], type: "ap_fixed&lt;18,8&gt;"}
 *   # or: inputs: {count: 16, range: [-4, 4], type: ...} for x0 .. x15
 * outputs:                     # each: name, exactly one of expression | pysr, optional type
 *   - {name: g, expression: "-0.163*sc(2*x14 - 1.03) - sin(x14 + 1.76)"}
 *   - name: q
 *     pysr: {file: pysr/hall_of_fame_output2.csv, select: best}
 *     # select: accuracy | score | best (default) | {complexity: 17} | {row: 4} (0-based, as PySR's index)
 *     # output: n (1-based, multi-output runs); variables: zero-based (default) | one-based
 * operators:                   # custom operators as expansions
 *   sc(a): sin(a)*cos(a)
 * precision:
 *   default: "ap_fixed&lt;16,6&gt;"      # default ap_fixed&lt;16,6&gt;
 *   internal: auto             # uniform (default) | auto | a type (= uniform with that type)
 *   constants: "ap_fixed&lt;18,2&gt;"    # optional: one type for every constant
 *   error: 0.01                # auto only: max absolute output error; default twice the declared types' own error
 * functions:                   # per function with a unit (sin cos tan sinh cosh tanh exp log log2 log10 sqrt cbrt),
 *   default: {size: 512}       # or default for all of them; a function's own entry wins key by key
 *   sin: {implementation: table, size: 256}  # table (default) | vendor; size: a power of two, 2 .. 65536
 * target: {part: xcvu9p-flga2577-2-e, clock-ns: 5}
 * testbench:
 *   vectors: 10000             # random vectors from the seed: 1 .. 10,000,000, default 1000
 *   seed: 1                    # default 1
 *   inputs: jet.dat            # or a vector file (.dat / .csv), relative to the model file; not with vectors/seed
 *   tolerance: 0.05            # optional: max |output - float64 reference|
 *   distribution: normal       # uniform over the ranges (default) | normal: N(0, 1); not with inputs
 *   classify: true             # optional: report how often the largest output is float64's; default false
 *   labels: jet_labels.csv     # optional, with inputs: each vector's class (or a 0/1 target per output): ROC AUC, accuracy
 * </pre>
 *
 * <p>Every error is an {@link SrHlsException} whose message starts with {@code file:line:column:} (the file
 * relative to the project directory) and says what to do.
 */
public final class ModelReader {
  /** The file name endings of model files. */
  public static final List<String> SUFFIXES = List.of(".sr.yaml", ".sr.yml", ".sr.json");

  /**
   * The largest model file read. A model holds expressions and settings (the largest real ones are a few kB), and
   * the YAML parser needs minutes for hundreds of MB; test vectors go in a file of their own.
   */
  public static final FileSizeLimit SIZE_LIMIT = new FileSizeLimit("a model file", 1L << 20,
      "keep descriptions short and put test vectors in a file of their own (testbench.inputs)");

  /** Whether the file's name marks it as a model file. */
  public static boolean isModelFile(Path file) {
    Path name = file.getFileName();
    return name != null && SUFFIXES.stream().anyMatch(name.toString()::endsWith);
  }

  /**
   * Reads and validates one model file.
   *
   * @param modelFile the file
   * @param projectDirectory the project's base directory: files the model refers to must be inside it, and
   *     messages name files relative to it
   * @param defaultVersion the version of a model whose file gives none (the Maven project version)
   * @throws SrHlsException if the file cannot be read or is not a valid model
   */
  public ModelSpec read(Path modelFile, Path projectDirectory, String defaultVersion) {
    Objects.requireNonNull(defaultVersion, "defaultVersion");
    Path file = modelFile.toAbsolutePath().normalize();
    Path project = projectDirectory.toAbsolutePath().normalize();
    Path shown = ProjectPaths.shown(file, project);
    if (!isModelFile(file)) {
      throw SrHlsException.at(SourcePosition.of(shown), "a model file's name ends in "
          + String.join(", ", SUFFIXES) + "; rename the file");
    }
    SIZE_LIMIT.check(file, shown);
    SourceText source = new SourceText(shown, readText(file, shown));
    DocumentValue.Mapping root = TreeReader.readDocument(source, file.getFileName().toString().endsWith(".json"),
        "a model file starts with format: " + ModelInterpreter.SUPPORTED_FORMATS.get(0) + " and name: <model>");
    return new ModelInterpreter(file, new ProjectPaths(project, file.getParent()), defaultVersion).interpret(root);
  }

  private static String readText(Path file, Path shown) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // a byte-order mark is not content; leaving it would shift the columns of the first line
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new SrHlsException(shown + ": file not found");
    } catch (CharacterCodingException e) {
      throw new SrHlsException(shown + ": not UTF-8 text; save the file as UTF-8");
    } catch (IOException e) {
      throw new SrHlsException(shown + ": cannot read the file: " + e.getMessage(), e);
    }
  }
}
