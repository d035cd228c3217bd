package io.github.srhls.core.toolchain.amd;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.FileTrees;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the vendor tool runs for one model: {@code <work>/vendor/}, holding a copy of the generated project (so
 * the scripts run unchanged, with their relative paths, and the tool's {@code proj/} never lands in the generated
 * sources), the tool's project, one log per step and {@link VendorReport the state}. A copy made from another
 * generated project or for another tool is removed first, so nothing stale is reused.
 */
final class VendorWorkspace {

  static final String DIRECTORY = "vendor";
  static final String STATE = "vendor-report.json";
  /** The model file copy: not needed by the tools. */
  private static final String MODEL_COPY = "model";

  private final Path dir;
  private final VendorReport state;

  private VendorWorkspace(Path dir, VendorReport state) {
    this.dir = dir;
    this.state = state;
  }

  /**
   * Prepares the workspace of a model for a tool.
   *
   * @param project the generated project
   * @param digest its digest, from the manifest
   * @param work the model's work directory ({@code <workDirectory>/<name>})
   */
  static VendorWorkspace open(Path project, String digest, Path work, HlsTool tool, BuildLog log) {
    Path dir = work.resolve(DIRECTORY);
    // a state from another sr-hls version is unreadable: start again
    VendorReport state = JsonFiles.readIfValid(dir.resolve(STATE), VendorReport.class).orElse(null);
    if (state == null || !state.matches(tool, digest)) {
      if (Files.exists(dir)) {
        log.debug("removing " + dir + ": it was made for another generated project or tool");
      }
      FileTrees.delete(dir);
      state = VendorReport.empty(tool, digest);
    }
    copyProject(project, dir);
    return new VendorWorkspace(dir, state);
  }

  Path dir() {
    return dir;
  }

  VendorReport state() {
    return state;
  }

  Path logFile(VendorStep step) {
    return dir.resolve(step.key() + ".log");
  }

  void save(VendorReport report) {
    JsonFiles.write(dir.resolve(STATE), report);
  }

  /**
   * The tool's output files named {@code fileName} in the workspace whose parent directories end with
   * {@code parents} (e.g. {@code syn}, {@code report}), in path order. Searching rather than building the path
   * copes with the layouts that differ between releases and between the Tcl and the unified flow.
   */
  List<Path> outputs(String fileName, String... parents) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().equals(fileName))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> endsWith(p.getParent(), parents))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new SrHlsException("cannot search " + dir + ": " + e.getMessage(), e);
    }
  }

  Optional<Path> output(String fileName, String... parents) {
    return outputs(fileName, parents).stream().findFirst();
  }

  /** Removes earlier outputs of a step, so a report a failed run did not write is not taken for this run's. */
  void deleteOutputs(String fileName, String... parents) {
    for (Path stale : outputs(fileName, parents)) {
      try {
        Files.delete(stale);
      } catch (IOException e) {
        throw new SrHlsException("cannot delete " + stale + " from an earlier run: " + e.getMessage(), e);
      }
    }
  }

  private static boolean endsWith(Path dir, String... parents) {
    Path p = dir;
    for (int i = parents.length - 1; i >= 0; i--) {
      if (p == null || p.getFileName() == null || !p.getFileName().toString().equals(parents[i])) {
        return false;
      }
      p = p.getParent();
    }
    return true;
  }

  /** Copies every regular file of the project except the model copy; symbolic links are refused. */
  private static void copyProject(Path project, Path dir) {
    try (Stream<Path> walk = Files.walk(project)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path relative = project.relativize(file);
        if (relative.getNameCount() > 0 && relative.getName(0).toString().equals(MODEL_COPY)) {
          continue;
        }
        if (Files.isSymbolicLink(file)) {
          throw new SrHlsException(file + " is a symbolic link; sr-hls copies only regular files of the generated"
              + " project");
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          Path target = dir.resolve(relative.toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot copy " + project + " to " + dir + ": " + e.getMessage(), e);
    }
  }
}
