package io.github.srhls.core.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code sr-hls-manifest.json}, the file that marks a directory under the output directory as a project generated
 * by sr-hls and tells the later goals what is in it. A directory without it is not ours.
 *
 * @param format always {@link #FORMAT}
 * @param name the model name: a C identifier, also the directory, top function and file name
 * @param version the model version
 * @param digest {@code sha256:<64 hex digits>} of the generator's inputs
 * @param inputs input names in argument order
 * @param outputs output names in the order the testbench writes them
 * @param vectors number of test vectors in {@code tb_data}
 * @param tolerance largest accepted absolute difference from the float64 reference; null means not checked
 * @param hostSimulation false when the firmware calls vendor math that only the vendor's tools can simulate
 * @param overflows how often each node or output overflowed while computing the expected outputs
 * @param modelFile the model file copy, relative to the project directory
 * @param classify report how often the largest output is the same as float64's (the predicted class)
 */
@JsonPropertyOrder({"format", "name", "version", "digest", "inputs", "outputs", "vectors", "tolerance",
    "hostSimulation", "overflows", "modelFile", "classify"})
public record ProjectManifest(
    String format,
    String name,
    String version,
    String digest,
    List<String> inputs,
    List<String> outputs,
    int vectors,
    Double tolerance,
    boolean hostSimulation,
    Map<String, Long> overflows,
    String modelFile,
    boolean classify) {

  public static final String FILE_NAME = "sr-hls-manifest.json";
  public static final String FORMAT = "sr-hls-manifest/v1";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  /** Characters a path segment of the model file may not contain: separators, drive colons, controls. */
  private static final Pattern UNSAFE_SEGMENT = Pattern.compile("[\\\\:\\p{Cntrl}]");

  public ProjectManifest {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("unsupported manifest format '" + format + "', expected '" + FORMAT
          + "'; regenerate with this version of sr-hls");
    }
    requireIdentifier("name", name);
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version is empty");
    }
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("digest must be sha256:<64 lower-case hex digits>, got '" + digest + "'");
    }
    if (inputs == null || outputs == null) {
      throw new IllegalArgumentException("inputs and outputs must be lists of names");
    }
    inputs.forEach(n -> requireIdentifier("input", n));
    outputs.forEach(n -> requireIdentifier("output", n));
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one output");
    }
    Set<String> seen = new HashSet<>();
    for (String n : inputs) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("input name '" + n + "' appears twice");
      }
    }
    for (String n : outputs) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("name '" + n + "' is used twice among inputs and outputs");
      }
    }
    if (vectors < 0) {
      throw new IllegalArgumentException("vectors must not be negative, got " + vectors);
    }
    if (tolerance != null && !(tolerance >= 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("tolerance must be a finite number >= 0 or null, got " + tolerance);
    }
    overflows = Collections.unmodifiableMap(overflows == null ? new TreeMap<>() : new TreeMap<>(overflows));
    overflows.forEach((node, count) -> {
      if (count == null || count < 0) {
        throw new IllegalArgumentException("overflow count of '" + node + "' must be >= 0, got " + count);
      }
    });
    requireRelativePath(modelFile);
  }

  /** A manifest of format {@link #FORMAT}, built by name; the constructor checks it when it is built. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code dir/sr-hls-manifest.json}.
   *
   * @throws SrHlsException naming the file (and line) when it is malformed
   */
  public static ProjectManifest read(Path projectDirectory) {
    Path file = projectDirectory.resolve(FILE_NAME);
    ProjectManifest manifest = JsonFiles.read(file, ProjectManifest.class);
    String dirName = projectDirectory.getFileName().toString();
    if (!manifest.name().equals(dirName)) {
      throw new SrHlsException(file + ": the manifest names model '" + manifest.name() + "' but the directory is '"
          + dirName + "'; regenerate with sr-hls:generate");
    }
    return manifest;
  }

  /** Whether a directory is a generated project (has a manifest). */
  public static boolean isProject(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }

  /** Writes {@code dir/sr-hls-manifest.json} deterministically. */
  public void write(Path projectDirectory) {
    JsonFiles.write(projectDirectory.resolve(FILE_NAME), this);
  }

  private static void requireIdentifier(String what, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a C identifier (letters, digits, _; not "
          + "starting with a digit)");
    }
  }

  /** The model file path must stay inside the project: relative, {@code /}-separated, no {@code .} or {@code ..}. */
  private static void requireRelativePath(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("modelFile is empty");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
          || UNSAFE_SEGMENT.matcher(segment).find()) {
        throw new IllegalArgumentException("modelFile '" + path + "' must be a relative path inside the project, "
            + "separated by '/', without '.', '..', '\\', ':' or control characters");
      }
    }
  }

  /** The components by name; unset lists are empty, unset flags false, the tolerance and overflows none. */
  public static final class Builder {
    private String name;
    private String version;
    private String digest;
    private List<String> inputs = List.of();
    private List<String> outputs = List.of();
    private int vectors;
    private Double tolerance;
    private boolean hostSimulation;
    private Map<String, Long> overflows;
    private String modelFile;
    private boolean classify;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder digest(String digest) {
      this.digest = digest;
      return this;
    }

    public Builder inputs(List<String> inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder outputs(List<String> outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder vectors(int vectors) {
      this.vectors = vectors;
      return this;
    }

    public Builder tolerance(Double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    public Builder hostSimulation(boolean hostSimulation) {
      this.hostSimulation = hostSimulation;
      return this;
    }

    public Builder overflows(Map<String, Long> overflows) {
      this.overflows = overflows;
      return this;
    }

    public Builder modelFile(String modelFile) {
      this.modelFile = modelFile;
      return this;
    }

    public Builder classify(boolean classify) {
      this.classify = classify;
      return this;
    }

    /** @throws IllegalArgumentException as the constructor does */
    public ProjectManifest build() {
      return new ProjectManifest(FORMAT, name, version, digest, inputs, outputs, vectors, tolerance, hostSimulation,
          overflows, modelFile, classify);
    }
  }
}
