package io.github.srhls.core.toolchain.amd;

import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.StepState;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The up-to-date keys of one model's vendor steps, as the host simulation has one: a step whose key is the one
 * recorded after its last successful run is not run again. The key covers what the step's result depends on: the
 * generated project's files (firmware, testbench, test data, and the scripts and config that carry the part, the
 * clock and the flow target), the tool (flow, release, programs) and the {@code XILINX*} variables it runs with.
 * Budgets and the time limit are not in it: budgets are checked again against the kept synthesis report.
 *
 * <p>A key is recorded only after its step succeeded and its results were saved, and it is forgotten before the
 * step runs, so a step that fails or is stopped half-way is never taken as up to date. Each key is kept in
 * {@code <work>/vendor/<step>-state.json}.
 */
final class VendorStepKeys {

  private final Path dir;
  private final String base;

  private VendorStepKeys(Path dir, String base) {
    this.dir = dir;
    this.base = base;
  }

  /**
   * @param project the generated project
   * @param tool the tool the steps run with
   * @param environment the environment it runs in
   * @param dir the workspace, where the keys are kept
   */
  static VendorStepKeys of(Path project, HlsTool tool, Map<String, String> environment, Path dir) {
    Fingerprint f = Fingerprint.start()
        .text("flow", tool.flow().key())
        .text("version", tool.version().toString())
        .text("program", tool.program().toAbsolutePath().normalize().toString())
        .text("vitis-run", tool.vitisRun() == null ? "" : tool.vitisRun().toAbsolutePath().normalize().toString());
    // the tools' own settings (XILINX_HLS, XILINX_LOCAL_USER_DATA, XILINXD_LICENSE_FILE, ...), not the whole
    // environment, which changes with every command line
    new TreeMap<>(environment).forEach((name, value) -> {
      if (name.startsWith("XILINX")) {
        f.text("env " + name, value);
      }
    });
    return new VendorStepKeys(dir, f.tree("project", project).done());
  }

  String key(VendorStep step) {
    return Fingerprint.start().text("base", base).text("step", step.key()).done();
  }

  /**
   * The state recorded when the step last succeeded with this key; empty when it did not, or with another key.
   */
  Optional<StepState> recorded(VendorStep step) {
    return Optional.ofNullable(StepState.read(file(step))).filter(s -> s.key().equals(key(step)));
  }

  boolean upToDate(VendorStep step) {
    return recorded(step).isPresent();
  }

  /** Forgets the steps' keys: before a step runs, and for the steps that depend on a step that runs again. */
  void forget(VendorStep... steps) {
    for (VendorStep step : steps) {
      StepState.forget(file(step));
    }
  }

  /**
   * Records a step's key after it succeeded and its results were saved.
   *
   * @param output a fingerprint of the step's output file; null when the step has none to check
   */
  void record(VendorStep step, String output) {
    new StepState(key(step), output).write(file(step));
  }

  private Path file(VendorStep step) {
    return dir.resolve(step.key() + "-state.json");
  }
}
