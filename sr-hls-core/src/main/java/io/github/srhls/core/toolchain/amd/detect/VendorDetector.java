package io.github.srhls.core.toolchain.amd.detect;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.Executables;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the AMD HLS tool to use, in this order: the {@code hlsTool} parameter; the Maven toolchains of type
 * {@code hls}; the environment ({@code XILINX_HLS}, {@code XILINX_VITIS}, {@code XILINX_VIVADO}); the PATH
 * ({@code vitis_hls}, {@code v++} with {@code vitis-run}, {@code vivado_hls}). The version is read from the tool
 * itself and picks the flow. Intel's and Siemens' tools are recognised and reported as not supported.
 */
public final class VendorDetector {

  static final String VITIS_HLS = "vitis_hls";
  static final String VIVADO_HLS = "vivado_hls";
  static final String VPP = "v++";
  static final String VITIS_RUN = "vitis-run";

  /** Environment variables AMD's settings64.sh sets, in the order they are tried. */
  static final List<String> ENVIRONMENT = List.of("XILINX_HLS", "XILINX_VITIS", "XILINX_VIVADO");

  /** HLS tools built on the AC datatypes (ac_fixed), which sr-hls does not generate. */
  static final Map<String, String> UNSUPPORTED = Map.of(
      "i++", "the Intel HLS Compiler",
      "icpx", "Intel oneAPI (icpx)",
      "catapult", "Siemens Catapult");

  /** Starting a tool only to print its version takes seconds; more means it is stuck. */
  private static final Duration VERSION_TIMEOUT = Duration.ofMinutes(2);

  private final BuildLog log;
  private final ToolRunner runner;
  /** Tools found but passed over in this detection (an old v++), said when no tool is used. */
  private final List<String> passedOver = new ArrayList<>();

  public VendorDetector(BuildLog log) {
    this.log = log;
    this.runner = new ToolRunner(log);
  }

  /**
   * Looks for a tool and logs one line saying which one is used and how it was found, or that none was.
   *
   * @return the tool; empty when none was found and none is required
   * @throws SrHlsException when the configured tool is unusable, or none is found and {@code requireVendor}
   */
  public Optional<HlsTool> detect(DetectionRequest request) {
    passedOver.clear();
    Optional<HlsTool> tool = find(request);
    if (tool.isPresent()) {
      log.info("Vendor HLS tool: " + tool.get().describe());
      return tool;
    }
    List<String> others = new ArrayList<>(passedOver);
    others.addAll(unsupportedOnPath(request.environment()));
    String searched = "no AMD HLS tool found (looked at the hlsTool parameter, toolchains of type hls, "
        + String.join(", ", ENVIRONMENT) + " and " + VITIS_HLS + ", " + VPP + " with " + VITIS_RUN + ", "
        + VIVADO_HLS + " on the PATH)";
    if (request.requireVendor()) {
      throw new SrHlsException(searched + ", but requireVendor is set: install Vitis HLS or Vivado HLS, source its"
          + " settings64.sh, or point hlsTool at it" + (others.isEmpty() ? "" : "; " + String.join("; ", others)));
    }
    // what is installed is the same for every goal of the build: said by the first only
    others.forEach(log::infoOncePerBuild);
    log.info("No vendor HLS tool: " + searched + "; C simulation runs on the host only");
    return Optional.empty();
  }

  private Optional<HlsTool> find(DetectionRequest request) {
    Map<String, String> env = request.environment();
    if (request.hlsTool() != null) {
      return Optional.of(explicit(request.hlsTool(), env, request));
    }
    List<String> empty = new ArrayList<>();
    for (ToolchainEntry toolchain : request.toolchains()) {
      Optional<HlsTool> tool = inInstallation(toolchain.installDir(), toolchain.describe(), request);
      if (tool.isEmpty()) {
        empty.add(toolchain.describe() + " has installDir " + toolchain.installDir());
        continue;
      }
      HlsVersion declared = HlsVersion.parse(toolchain.version()).orElse(null);
      if (declared != null && !declared.sameRelease(tool.get().version())) {
        log.warn(toolchain.describe() + " declares version " + toolchain.version() + " but the tool says "
            + tool.get().version() + "; using what the tool says");
      }
      empty.forEach(e -> log.warn(e + ", which holds no HLS tool; skipped it"));
      return tool;
    }
    if (!empty.isEmpty()) {
      throw new SrHlsException(String.join("; ", empty) + ", which hold" + (empty.size() == 1 ? "s" : "")
          + " no bin/" + VITIS_HLS + ", bin/" + VIVADO_HLS + " or bin/" + VPP + " with bin/" + VITIS_RUN
          + "; fix the toolchain's installDir in toolchains.xml");
    }
    for (String variable : ENVIRONMENT) {
      String value = env.get(variable);
      if (value == null || value.isBlank()) {
        continue;
      }
      Optional<HlsTool> tool;
      try {
        tool = inInstallation(Path.of(value.strip()), variable, request);
      } catch (InvalidPathException e) {
        tool = Optional.empty();
      }
      if (tool.isPresent()) {
        return tool;
      }
      // From 2020.2 XILINX_VIVADO is Vivado without HLS; an old variable is no reason to stop looking.
      log.debug(variable + "=" + value + " holds no HLS tool");
    }
    String path = env.get("PATH");
    Optional<Path> vitisHls = Executables.onPath(VITIS_HLS, path);
    if (vitisHls.isPresent()) {
      return Optional.of(identify(vitisHls.get(), "the PATH", request));
    }
    Optional<Path> vpp = Executables.onPath(VPP, path);
    Optional<Path> vitisRun = Executables.onPath(VITIS_RUN, path);
    if (vpp.isPresent() && vitisRun.isPresent()) {
      Optional<HlsTool> unified = unified(vpp.get(), vitisRun.get(), "the PATH", request, false);
      if (unified.isPresent()) {
        return unified;
      }
    }
    return Executables.onPath(VIVADO_HLS, path).map(p -> identify(p, "the PATH", request));
  }

  /** The hlsTool parameter: an executable, an installation directory, or a program name on the PATH. */
  private HlsTool explicit(String value, Map<String, String> env, DetectionRequest request) {
    String how = "the hlsTool parameter";
    Path given;
    try {
      given = Path.of(value);
    } catch (InvalidPathException e) {
      throw new SrHlsException("hlsTool '" + value + "' is not a valid path: " + e.getMessage());
    }
    if (given.getNameCount() == 1 && !given.isAbsolute() && !Files.exists(given)) {
      unsupported(value).ifPresent(product -> {
        throw notSupported(product, value);
      });
      given = Executables.onPath(value, env.get("PATH")).orElseThrow(() -> new SrHlsException("hlsTool '" + value
          + "' is not on the PATH; give the full path of " + VITIS_HLS + ", " + VIVADO_HLS + " or " + VPP
          + ", or the installation directory"));
    }
    if (Files.isDirectory(given)) {
      Path dir = given;
      return inInstallation(dir, how, request).orElseThrow(() -> new SrHlsException("hlsTool " + dir
          + " is a directory without bin/" + VITIS_HLS + ", bin/" + VIVADO_HLS + " or bin/" + VPP + " with bin/"
          + VITIS_RUN + "; point it at an AMD HLS installation such as /tools/Xilinx/Vitis_HLS/2023.1"));
    }
    if (!Files.isRegularFile(given) || !Files.isExecutable(given)) {
      throw new SrHlsException("hlsTool " + given + " is not an executable file or an installation directory");
    }
    String name = Executables.name(given);
    unsupported(name).ifPresent(product -> {
      throw notSupported(product, value);
    });
    if (name.equals(VPP) || name.equals(VITIS_RUN)) {
      Path bin = given.toAbsolutePath().getParent();
      Optional<Path> vpp = Executables.in(bin, VPP);
      Optional<Path> vitisRun = Executables.in(bin, VITIS_RUN);
      if (vpp.isEmpty() || vitisRun.isEmpty()) {
        throw new SrHlsException("hlsTool " + given + ": the unified flow needs both " + VPP + " and " + VITIS_RUN
            + " in " + bin);
      }
      return unified(vpp.get(), vitisRun.get(), how, request, true).orElseThrow();
    }
    return identify(given, how, request);
  }

  /** A tool in an installation directory ({@code <dir>/bin/...}), or the bin directory itself. */
  private Optional<HlsTool> inInstallation(Path dir, String how, DetectionRequest request) {
    for (Path bin : List.of(dir.resolve("bin"), dir)) {
      Optional<Path> vitisHls = Executables.in(bin, VITIS_HLS);
      if (vitisHls.isPresent()) {
        return Optional.of(identify(vitisHls.get(), how, request));
      }
      Optional<HlsTool> unified = unifiedIn(bin, how, request);
      if (unified.isPresent()) {
        return unified;
      }
      Optional<Path> vivadoHls = Executables.in(bin, VIVADO_HLS);
      if (vivadoHls.isPresent()) {
        return Optional.of(identify(vivadoHls.get(), how, request));
      }
    }
    return Optional.empty();
  }

  /** {@code vitis_hls} or {@code vivado_hls}: the version picks the flow. */
  private HlsTool identify(Path program, String how, DetectionRequest request) {
    String name = Executables.name(program);
    HlsVersion version = version(program, "-version", request);
    if (name.equals(VIVADO_HLS)) {
      if (!version.atMost(2020, 1)) {
        log.warn(program + " says it is " + version + ", but Vivado HLS ended with 2020.1; driving it as Vivado HLS");
      }
      return new HlsTool(VendorFlow.VIVADO_HLS, version, program, null, how);
    }
    if (!name.equals(VITIS_HLS)) {
      throw new SrHlsException("hlsTool " + program + " is not an AMD HLS tool; sr-hls drives " + VITIS_HLS + ", "
          + VIVADO_HLS + ", and " + VPP + " with " + VITIS_RUN);
    }
    if (version.atLeast(2024, 2)) {
      Optional<HlsTool> unified = unifiedIn(program.toAbsolutePath().getParent(), how, request);
      if (unified.isPresent()) {
        return unified.get();
      }
      log.warn(program + " is " + version + ", whose vitis_hls -f is deprecated, and no " + VPP + " with "
          + VITIS_RUN + " is beside it; using the Tcl flow");
    }
    return new HlsTool(VendorFlow.VITIS_HLS, version, program, null, how);
  }

  /**
   * The unified flow's tools in one bin directory: {@code v++} and {@code vitis-run} both, or none; for a release
   * before 2023.2, {@code vitis_hls} of the same release, or none.
   */
  private Optional<HlsTool> unifiedIn(Path bin, String how, DetectionRequest request) {
    Optional<Path> vpp = Executables.in(bin, VPP);
    Optional<Path> vitisRun = Executables.in(bin, VITIS_RUN);
    if (vpp.isEmpty() || vitisRun.isEmpty()) {
      return Optional.empty();
    }
    return unified(vpp.get(), vitisRun.get(), how, request, false);
  }

  /**
   * The unified flow with {@code v++} and {@code vitis-run}. {@code v++ --mode hls} came with 2023.2: an older
   * {@code v++} named by the user is an error; one that was only found falls back to the Tcl flow with the
   * {@code vitis_hls} of the same release where there is one (beside it, or in the installation's
   * {@code Vitis_HLS/<release>}), else to no tool, with a note.
   */
  private Optional<HlsTool> unified(Path vpp, Path vitisRun, String how, DetectionRequest request,
      boolean named) {
    HlsVersion version = version(vpp, "--version", request);
    if (version.atLeast(2023, 2)) {
      return Optional.of(new HlsTool(VendorFlow.VITIS_UNIFIED, version, vpp, vitisRun, how));
    }
    String old = vpp + " is " + version + ", but v++ --mode hls needs 2023.2 or later";
    if (named) {
      throw new SrHlsException(old + "; use " + VITIS_HLS + " of that release instead (set hlsTool)");
    }
    Optional<Path> tcl = vitisHlsBeside(vpp);
    if (tcl.isPresent()) {
      log.infoOncePerBuild(old + "; using " + tcl.get() + " of the same installation instead");
      // not identify(): a vitis_hls of 2024.2 or later would look for the unified tools again
      return Optional.of(new HlsTool(VendorFlow.VITIS_HLS, version(tcl.get(), "-version", request), tcl.get(), null,
          how));
    }
    passedOver.add("Found " + old + ", and no " + VITIS_HLS + " of that release beside it; not using it (point"
        + " hlsTool at " + VITIS_HLS + " to run the vendor's steps)");
    return Optional.empty();
  }

  /**
   * {@code vitis_hls} in v++'s bin directory, or in {@code <root>/Vitis_HLS/<release>/bin} for
   * {@code <root>/Vitis/<release>/bin/v++} (AMD's layout up to 2023.2).
   */
  private static Optional<Path> vitisHlsBeside(Path vpp) {
    Path bin = vpp.toAbsolutePath().getParent();
    Optional<Path> beside = Executables.in(bin, VITIS_HLS);
    if (beside.isPresent()) {
      return beside;
    }
    Path release = bin.getParent();
    Path product = release == null ? null : release.getParent();
    Path root = product == null ? null : product.getParent();
    if (root == null || release.getFileName() == null) {
      return Optional.empty();
    }
    return Executables.in(root.resolve("Vitis_HLS").resolve(release.getFileName().toString()).resolve("bin"),
        VITIS_HLS);
  }

  /** Runs the tool only to print its version, and reads the first {@code vYYYY.R[.U]} it prints. */
  private HlsVersion version(Path program, String option, DetectionRequest request) {
    Duration limit = request.timeout().compareTo(VERSION_TIMEOUT) < 0 ? request.timeout() : VERSION_TIMEOUT;
    ToolResult result = runner.run(ToolInvocation.of(Executables.name(program), List.of(program.toString(), option))
        .withEnvironment(request.environment())
        .withTimeout(limit)
        .withChatty(true));
    for (String line : result.lines()) {
      Optional<HlsVersion> version = HlsVersion.fromBanner(line);
      if (version.isPresent()) {
        return version.get();
      }
    }
    List<String> shown = result.lines().subList(0, Math.min(5, result.lines().size()));
    throw new SrHlsException("cannot read the version of " + program + ": '" + program.getFileName() + " " + option
        + "' ended with " + result.describeExit() + " and printed no vYYYY.R"
        + (shown.isEmpty() ? "" : ":\n  " + String.join("\n  ", shown)));
  }

  /** Lines naming the Intel and Siemens tools on the PATH (or under MGC_HOME), which are not supported yet. */
  private static List<String> unsupportedOnPath(Map<String, String> env) {
    List<String> found = new ArrayList<>();
    for (String program : List.of("i++", "icpx", "catapult")) {
      Optional<Path> at = Executables.onPath(program, env.get("PATH"));
      if (at.isEmpty() && program.equals("catapult") && env.get("MGC_HOME") != null) {
        try {
          at = Executables.in(Path.of(env.get("MGC_HOME"), "bin"), program);
        } catch (InvalidPathException e) {
          at = Optional.empty();
        }
      }
      at.ifPresent(p -> found.add("Found " + UNSUPPORTED.get(program) + " at " + p + ", but it is not supported"
          + " yet: " + acTypes()));
    }
    return found;
  }

  private static Optional<String> unsupported(String name) {
    return Optional.ofNullable(UNSUPPORTED.get(name));
  }

  private static SrHlsException notSupported(String product, String value) {
    return new SrHlsException("hlsTool " + value + " is " + product + ", which is not supported yet: "
        + acTypes() + "; use AMD Vitis HLS or Vivado HLS");
  }

  private static String acTypes() {
    return "Intel's and Siemens' HLS tools use the AC datatypes (ac_fixed, ac_int), and sr-hls generates code for"
        + " AMD's ap_fixed only";
  }
}
