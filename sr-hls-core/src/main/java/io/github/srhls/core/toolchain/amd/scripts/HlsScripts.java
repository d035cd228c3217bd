package io.github.srhls.core.toolchain.amd.scripts;

import io.github.srhls.core.model.ModelSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scripts a generated project carries for the vendor tools, by file name. Each runs from the project
 * directory, by hand exactly as the build runs it, and keeps the tool's project in {@code proj/}:
 *
 * <ul>
 *   <li>Tcl flow (Vivado HLS, Vitis HLS up to 2024.1): {@value #PROJECT} opens the project and solution; the step
 *       scripts {@value #CSIM}, {@value #CSYNTH}, {@value #COSIM} and {@value #EXPORT} source it, run one step and
 *       {@code exit} (without it {@code vitis_hls -f} stays interactive from 2022.2 on). The project is opened,
 *       never reset, so a later step finds the synthesis an earlier one did.
 *   <li>Unified flow (Vitis 2023.2 and later): {@value #CONFIG} for {@code v++ -c --mode hls} and
 *       {@code vitis-run --mode hls}.
 * </ul>
 *
 * <p>Sources carry no {@code -std} flag: the generated C++ builds with every release's default standard.
 */
public final class HlsScripts {

  public static final String PROJECT = "hls_project.tcl";
  public static final String CSIM = "hls_csim.tcl";
  public static final String CSYNTH = "hls_csynth.tcl";
  public static final String COSIM = "hls_cosim.tcl";
  public static final String EXPORT = "hls_export.tcl";
  public static final String CONFIG = "hls_config.cfg";

  /** The tool's project directory (Tcl flow) or work directory (unified flow), relative to the project. */
  public static final String WORK = "proj";
  public static final String SOLUTION = "solution1";

  private HlsScripts() {}

  /**
   * The scripts of a model's project, by file name.
   *
   * @param ipVendor the vendor stamped on the exported IP; null means {@value IpMetadata#DEFAULT_VENDOR}
   * @param ipLibrary the library stamped on the exported IP; null means {@value IpMetadata#DEFAULT_LIBRARY}
   */
  public static Map<String, String> files(ModelSpec model, String ipVendor, String ipLibrary) {
    return files(new HlsProjectSpec(model.name(), model.version(), model.target().part(), model.target().clockNs(),
        IpMetadata.of(model.name(), model.version(), model.description(), ipVendor, ipLibrary)));
  }

  /** The script files, in a fixed order, with {@code \n} line ends. */
  static Map<String, String> files(HlsProjectSpec spec) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(PROJECT, project(spec));
    files.put(CSIM, step(spec, CSIM, "C simulation with the vendor's ap_fixed types", "csim_design"));
    files.put(CSYNTH, step(spec, CSYNTH, "C synthesis; reports in " + WORK + "/" + SOLUTION + "/syn/report/",
        "csynth_design"));
    files.put(COSIM, step(spec, COSIM, "C/RTL co-simulation, after " + CSYNTH, "cosim_design -rtl verilog"));
    files.put(EXPORT, step(spec, EXPORT, "IP export to " + WORK + "/" + SOLUTION + "/impl/ip/"
        + spec.ip().zipName() + ", after " + CSYNTH, exportCommand(spec.ip())));
    files.put(CONFIG, config(spec));
    return files;
  }

  private static String project(HlsProjectSpec spec) {
    String top = spec.top();
    return header(spec, "#")
        + "# The HLS project, opened (created the first time) by each hls_*.tcl step script; run the steps from\n"
        + "# this directory, in order: " + CSIM + ", " + CSYNTH + ", " + COSIM + ", " + EXPORT + ", e.g.\n"
        + "#   vitis_hls -f " + CSIM + "      (Vivado HLS 2020.1 and older: vivado_hls -f " + CSIM + ")\n"
        + "open_project " + WORK + "\n"
        + "set_top " + top + "\n"
        + "add_files firmware/" + top + ".cpp\n"
        + "add_files -tb " + top + "_test.cpp\n"
        + "add_files -tb tb_data\n"
        + "open_solution " + SOLUTION + "\n"
        + "set_part {" + spec.part() + "}\n"
        + "create_clock -period " + number(spec.clockNs()) + " -name default\n";
  }

  private static String step(HlsProjectSpec spec, String script, String what, String command) {
    return header(spec, "#")
        + "# " + what + ".\n"
        + "# From this directory: vitis_hls -f " + script + " (Vivado HLS: vivado_hls -f " + script + ")\n"
        + "source " + PROJECT + "\n"
        + command + "\n"
        + "exit\n";
  }

  private static String exportCommand(IpMetadata ip) {
    return "export_design -format ip_catalog -vendor " + ip.vendor() + " -library " + ip.library() + " -ipname "
        + ip.name() + " -version " + ip.version() + " -description " + Tcl.quoted(ip.description());
  }

  private static String config(HlsProjectSpec spec) {
    String top = spec.top();
    IpMetadata ip = spec.ip();
    return header(spec, "#")
        + "# Vitis unified (2023.2 and later) HLS component. From this directory:\n"
        + "#   vitis-run --mode hls --csim --config " + CONFIG + " --work_dir " + WORK + "      C simulation\n"
        + "#   v++ -c --mode hls --config " + CONFIG + " --work_dir " + WORK + "                 synthesis\n"
        + "#   vitis-run --mode hls --cosim --config " + CONFIG + " --work_dir " + WORK + "     co-simulation\n"
        + "#   vitis-run --mode hls --package --config " + CONFIG + " --work_dir " + WORK + "   IP export\n"
        + "part=" + spec.part() + "\n"
        + "\n"
        + "[hls]\n"
        + "flow_target=vivado\n"
        + "clock=" + number(spec.clockNs()) + "\n"
        + "syn.file=firmware/" + top + ".cpp\n"
        + "syn.top=" + top + "\n"
        + "tb.file=" + top + "_test.cpp\n"
        + "tb.file=tb_data\n"
        + "csim.clean=true\n"
        + "cosim.rtl=verilog\n"
        + "package.output.format=ip_catalog\n"
        + "package.output.file=" + ip.zipName() + "\n"
        + "package.ip.vendor=" + ip.vendor() + "\n"
        + "package.ip.library=" + ip.library() + "\n"
        + "package.ip.name=" + ip.name() + "\n"
        + "package.ip.version=" + ip.version() + "\n"
        // the config reader ends a value at '#' (a comment)
        + "package.ip.description=" + ip.description().replace('#', ' ') + "\n";
  }

  private static String header(HlsProjectSpec spec, String comment) {
    return comment + " Vendor HLS script for model " + spec.top() + " " + spec.modelVersion()
        + ", generated by sr-hls; regenerate instead of editing.\n";
  }

  /** 5 as {@code 5}, 3.3333 as {@code 3.3333}: plain decimal, no exponent, no trailing zeros. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
