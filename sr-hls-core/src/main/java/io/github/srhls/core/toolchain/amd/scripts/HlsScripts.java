package io.github.srhls.core.toolchain.amd.scripts;

import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.template.Template;
import io.github.srhls.core.testbench.TestbenchData;
import java.math.BigDecimal;
import java.util.HashMap;
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
 * <p>Sources carry no {@code -std} flag: the generated C++ builds with every release's default standard. The
 * scripts' text is in the templates {@code hls_project.tcl.tmpl}, {@code hls_step.tcl.tmpl} (each step script) and
 * {@code hls_config.cfg.tmpl} beside this class.
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
    return render("hls_project.tcl.tmpl", spec, Map.of(
        "csim", CSIM,
        "csynth", CSYNTH,
        "cosim", COSIM,
        "export", EXPORT,
        "work", WORK,
        "solution", SOLUTION,
        "part", spec.part(),
        "clock_ns", number(spec.clockNs()),
        "tb_data", TestbenchData.DIRECTORY));
  }

  private static String step(HlsProjectSpec spec, String script, String what, String command) {
    return render("hls_step.tcl.tmpl", spec, Map.of(
        "what", what,
        "script", script,
        "project", PROJECT,
        "command", command));
  }

  private static String exportCommand(IpMetadata ip) {
    return "export_design -format ip_catalog -vendor " + ip.vendor() + " -library " + ip.library() + " -ipname "
        + ip.name() + " -version " + ip.version() + " -description " + Tcl.quoted(ip.description());
  }

  private static String config(HlsProjectSpec spec) {
    IpMetadata ip = spec.ip();
    return render("hls_config.cfg.tmpl", spec, Map.ofEntries(
        Map.entry("config", CONFIG),
        Map.entry("work", WORK),
        Map.entry("tb_data", TestbenchData.DIRECTORY),
        Map.entry("part", spec.part()),
        Map.entry("clock_ns", number(spec.clockNs())),
        Map.entry("ip_zip", ip.zipName()),
        Map.entry("ip_vendor", ip.vendor()),
        Map.entry("ip_library", ip.library()),
        Map.entry("ip_name", ip.name()),
        Map.entry("ip_version", ip.version()),
        // the config reader ends a value at '#' (a comment)
        Map.entry("ip_description", ip.description().replace('#', ' '))));
  }

  /** A script from its template; each starts with a header comment naming the model. */
  private static String render(String template, HlsProjectSpec spec, Map<String, String> values) {
    Map<String, String> all = new HashMap<>(values);
    all.put("top", spec.top());
    all.put("model_version", spec.modelVersion());
    return Template.load(HlsScripts.class, template).render(all);
  }

  /** 5 as {@code 5}, 3.3333 as {@code 3.3333}: plain decimal, no exponent, no trailing zeros. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
