package io.github.srhls.core.pysr;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the hall-of-fame CSV a model refers to, across PySR's layouts:
 *
 * <ul>
 *   <li>a CSV file given directly; with several outputs, PySR 0.6 wrote {@code out<n>_<file>} and 0.7 to 0.19
 *       {@code <file>.out<n>} next to where {@code <file>} would be (n from 1);
 *   <li>a PySR 1.x run directory {@code outputs/<run_id>/} holding {@code hall_of_fame.csv}, or
 *       {@code hall_of_fame_output<n>.csv} (n from 1) for several outputs;
 *   <li>the {@code outputs/} directory above the runs: the newest run, by its {@code YYYYMMDD_HHMMSS_xxxxxx} name.
 * </ul>
 */
public final class HallOfFameLocator {
  private static final String SINGLE = "hall_of_fame.csv";
  private static final Pattern OUTPUT_FILE = Pattern.compile("hall_of_fame_output\\d+\\.csv");
  private static final Pattern RUN_ID = Pattern.compile("\\d{8}_\\d{6}_[A-Za-z0-9]+");

  /** The directory messages name paths relative to, or null to name them as given. */
  private final Path base;

  private HallOfFameLocator(Path base) {
    this.base = base;
  }

  /** {@link #locate(Path, OptionalInt, Path)} naming paths as given. */
  public static Path locate(Path fileOrDir, OptionalInt output) {
    return new HallOfFameLocator(null).find(fileOrDir, output);
  }

  /**
   * The CSV to read.
   *
   * @param fileOrDir a CSV, a base CSV name of a multi-output run, a run directory or an {@code outputs/} directory
   * @param output the 1-based output of a multi-output run, or empty for a single-output one
   * @param base messages name the paths under it relative to it, as the user's other errors do (the project)
   * @throws SrHlsException saying what was looked for when nothing (or more than one thing) fits
   */
  public static Path locate(Path fileOrDir, OptionalInt output, Path base) {
    return new HallOfFameLocator(base).find(fileOrDir, output);
  }

  /** {@code path} relative to {@code base} when it is under it. */
  static Path shown(Path path, Path base) {
    return base != null && path.startsWith(base) && !path.equals(base) ? base.relativize(path) : path;
  }

  private Path shown(Path path) {
    return shown(path, base);
  }

  private Path find(Path fileOrDir, OptionalInt output) {
    if (output.isPresent() && output.getAsInt() < 1) {
      throw new SrHlsException(shown(fileOrDir) + ": output " + output.getAsInt()
          + " does not exist; PySR numbers the outputs of a run from 1");
    }
    if (Files.isDirectory(fileOrDir)) {
      return isRunDirectory(fileOrDir) ? inRun(fileOrDir, output) : inRun(newestRun(fileOrDir), output);
    }
    return output.isPresent() ? outputBeside(fileOrDir, output.getAsInt()) : singleFile(fileOrDir);
  }

  private Path singleFile(Path file) {
    if (Files.isRegularFile(file)) {
      return file;
    }
    Path prefixed = prefixed(file, 1);
    Path suffixed = suffixed(file, 1);
    if (Files.isRegularFile(prefixed) || Files.isRegularFile(suffixed)) {
      throw new SrHlsException(shown(file) + ": not found, but the run wrote one file per output ("
          + (Files.isRegularFile(prefixed) ? prefixed : suffixed).getFileName() + ", ...); set 'output' to choose one");
    }
    throw new SrHlsException(shown(file) + ": hall-of-fame file not found; give the CSV PySR wrote, its run directory"
        + " outputs/<run_id>/, or the outputs/ directory");
  }

  private Path outputBeside(Path file, int output) {
    List<Path> found = Stream.of(prefixed(file, output), suffixed(file, output))
        .filter(Files::isRegularFile).collect(Collectors.toList());
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      throw new SrHlsException(shown(file) + ": both " + shown(found.get(0)) + " and " + shown(found.get(1))
          + " exist for output " + output + "; point 'file' at the one you mean and drop 'output'");
    }
    throw new SrHlsException(shown(file) + ": no file for output " + output + "; looked for "
        + shown(prefixed(file, output))
        + " (PySR 0.6) and " + shown(suffixed(file, output)) + " (PySR 0.7 to 0.19)"
        + (Files.isRegularFile(file) ? "; " + file.getFileName() + " itself holds a single output, drop 'output'"
            : ""));
  }

  /** PySR 0.6: {@code out<n>_hall_of_fame.csv}. */
  private static Path prefixed(Path file, int output) {
    return file.resolveSibling("out" + output + "_" + file.getFileName());
  }

  /** PySR 0.7 to 0.19: {@code hall_of_fame.csv.out<n>}. */
  private static Path suffixed(Path file, int output) {
    return file.resolveSibling(file.getFileName() + ".out" + output);
  }

  private static boolean isRunDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(SINGLE)) || !outputFiles(dir).isEmpty();
  }

  private Path inRun(Path run, OptionalInt output) {
    List<String> outputs = outputFiles(run);
    if (output.isPresent()) {
      Path csv = run.resolve("hall_of_fame_output" + output.getAsInt() + ".csv");
      if (Files.isRegularFile(csv)) {
        return csv;
      }
      throw new SrHlsException(shown(run) + ": no " + csv.getFileName() + " in this run; "
          + (outputs.isEmpty() ? "the run has a single output (" + SINGLE + "), drop 'output'"
              : "it has " + String.join(", ", outputs)));
    }
    Path csv = run.resolve(SINGLE);
    if (Files.isRegularFile(csv)) {
      return csv;
    }
    if (outputs.isEmpty()) {
      throw new SrHlsException(shown(run) + ": this run directory holds neither " + SINGLE
          + " nor hall_of_fame_output<n>.csv; PySR writes them after its first iteration");
    }
    throw new SrHlsException(shown(run) + ": no " + SINGLE + " in this run, which has one file per output ("
        + String.join(", ", outputs) + "); set 'output' to choose one");
  }

  /** Sorted by number (output2 before output10), so messages and choices never depend on directory listing order. */
  private static List<String> outputFiles(Path dir) {
    return list(dir).stream().map(p -> p.getFileName().toString())
        .filter(name -> OUTPUT_FILE.matcher(name).matches())
        .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
        .collect(Collectors.toList());
  }

  private Path newestRun(Path outputs) {
    // run ids start with the date and time, so the greatest name is the newest run
    return list(outputs).stream()
        .filter(p -> Files.isDirectory(p) && RUN_ID.matcher(p.getFileName().toString()).matches())
        .max(Comparator.comparing(p -> p.getFileName().toString()))
        .orElseThrow(() -> new SrHlsException(shown(outputs) + ": holds neither " + SINGLE
            + " nor hall_of_fame_output<n>.csv, nor any PySR run directory named like 20240131_235959_a1B2c3;"
            + " give the CSV or the run directory itself"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new SrHlsException(dir + ": cannot list the directory (" + e.getMessage() + ")");
    }
  }
}
