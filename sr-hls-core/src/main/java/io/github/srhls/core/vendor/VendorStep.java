package io.github.srhls.core.vendor;

import io.github.srhls.core.process.Executables;
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

  /** The command line, run from the copy of the project, as the scripts' comments tell a user to run it. */
  List<String> command(HlsTool tool) {
    List<String> command = new ArrayList<>();
    if (tool.flow().tcl()) {
      command.addAll(List.of(tool.program().toString(), "-f", script));
      return command;
    }
    if (vitisRunMode == null) {
      command.addAll(List.of(tool.program().toString(), "-c", "--mode", "hls"));
    } else {
      command.addAll(List.of(tool.vitisRun().toString(), "--mode", "hls", vitisRunMode));
    }
    command.addAll(List.of("--config", HlsScripts.CONFIG, "--work_dir", HlsScripts.WORK));
    return command;
  }

  /** The program's short name for log prefixes. */
  String programName(HlsTool tool) {
    if (tool.flow().tcl() || vitisRunMode == null) {
      return Executables.name(tool.program());
    }
    return Executables.name(tool.vitisRun());
  }
}
