package io.github.srhls.core.toolchain.amd;

import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.scripts.HlsScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of a vendor tool: the steps in the order a firmware engineer runs them. */
public enum VendorStep {
  CSIM("csim", "C simulation", HlsScripts.CSIM, "--csim"),
  CSYNTH("csynth", "synthesis", HlsScripts.CSYNTH, null),
  COSIM("cosim", "C/RTL co-simulation", HlsScripts.COSIM, "--cosim"),
  EXPORT("export", "IP export", HlsScripts.EXPORT, "--package");

  private final String key;
  private final String description;
  private final String script;
  private final String vitisRunMode;

  VendorStep(String key, String description, String script, String vitisRunMode) {
    this.key = key;
    this.description = description;
    this.script = script;
    this.vitisRunMode = vitisRunMode;
  }

  /** Its name in report.json and in its log file name. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The program the step runs: the Tcl flow's one tool; {@code v++} or {@code vitis-run} in the unified flow. */
  Path program(HlsTool tool) {
    return tool.flow().tcl() || vitisRunMode == null ? tool.program() : tool.vitisRun();
  }

  /** The command line, run from the copy of the project, as the scripts' comments tell a user to run it. */
  List<String> command(HlsTool tool) {
    List<String> command = new ArrayList<>();
    command.add(program(tool).toString());
    if (tool.flow().tcl()) {
      command.addAll(List.of("-f", script));
      return command;
    }
    if (vitisRunMode == null) {
      command.addAll(List.of("-c", "--mode", "hls"));
    } else {
      command.addAll(List.of("--mode", "hls", vitisRunMode));
    }
    command.addAll(List.of("--config", HlsScripts.CONFIG, "--work_dir", HlsScripts.WORK));
    return command;
  }
}
