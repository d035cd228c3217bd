package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.FakeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VendorDetectorTest {
  @TempDir Path dir;
  private final FakeTools.Log log = new FakeTools.Log();

  private static DetectionRequest request(String hlsTool, List<ToolchainEntry> toolchains, Map<String, String> env,
      boolean require) {
    return new DetectionRequest(hlsTool, toolchains, env, require, Duration.ofSeconds(30));
  }

  private Optional<HlsTool> detect(Map<String, String> env) {
    return new VendorDetector(log).detect(request(null, List.of(), env, false));
  }

  @Test
  void nothingFoundMeansHostSimulationOnlyWithOneInfoLine() {
    assertEquals(Optional.empty(), detect(FakeTools.environment()));
    List<String> lines = log.matching("No vendor HLS tool");
    assertEquals(1, lines.size(), log::toString);
    assertTrue(lines.get(0).startsWith("[info] No vendor HLS tool: no AMD HLS tool found (looked at the hlsTool "
        + "parameter, toolchains of type hls, XILINX_HLS, XILINX_VITIS, XILINX_VIVADO and vitis_hls, v++ with "
        + "vitis-run, vivado_hls on the PATH); C simulation runs on the host only"), lines.get(0));
  }

  @Test
  void requireVendorMakesItAnError() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(null, List.of(), FakeTools.environment(), true)));
    assertTrue(e.getMessage().contains("but requireVendor is set"), e.getMessage());
  }

  @Test
  void findsVitisHlsOnThePathAndReadsItsVersion() {
    Path bin = FakeTools.bin("Vitis_HLS", "2023.1");
    HlsTool tool = detect(FakeTools.environment(bin)).orElseThrow();

    assertEquals(new HlsTool(VendorFlow.VITIS_HLS, new HlsVersion(2023, 1, 0), bin.resolve("vitis_hls"), null,
        "the PATH"), tool);
    assertEquals(List.of("[info] Vendor HLS tool: AMD Vitis HLS 2023.1 at " + bin.resolve("vitis_hls")
        + " (found through the PATH), Tcl flow"), log.matching("Vendor HLS tool"));
  }

  @Test
  void onThePathVitisHlsComesBeforeTheUnifiedToolsWhichComeBeforeVivadoHls() {
    Path vitisHls = FakeTools.bin("Vitis_HLS", "2020.2");
    Path unified = FakeTools.bin("Vitis", "2024.2");
    Path vivado = FakeTools.bin("Vivado", "2019.2");
    assertEquals(VendorFlow.VITIS_HLS, detect(FakeTools.environment(vivado, unified, vitisHls)).orElseThrow().flow());
    HlsTool tool = detect(FakeTools.environment(vivado, unified)).orElseThrow();
    assertEquals(VendorFlow.VITIS_UNIFIED, tool.flow());
    assertEquals(unified.resolve("v++"), tool.program());
    assertEquals(unified.resolve("vitis-run"), tool.vitisRun());
    assertEquals(new HlsVersion(2024, 2, 0), tool.version());
    tool = detect(FakeTools.environment(vivado)).orElseThrow();
    assertEquals(VendorFlow.VIVADO_HLS, tool.flow());
    assertEquals(new HlsVersion(2019, 2, 0), tool.version());
  }

  @Test
  void theEnvironmentComesBeforeThePathInItsOrder() {
    Map<String, String> env = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    env.put("XILINX_VIVADO", FakeTools.install("Vivado", "2019.2").toString());
    env.put("XILINX_VITIS", FakeTools.install("Vitis", "2024.2").toString());
    HlsTool tool = detect(env).orElseThrow();
    assertEquals(VendorFlow.VITIS_UNIFIED, tool.flow());
    assertEquals("XILINX_VITIS", tool.foundBy());

    env.put("XILINX_HLS", FakeTools.install("Vitis_HLS", "2020.2").toString());
    tool = detect(env).orElseThrow();
    assertEquals(new HlsVersion(2020, 2, 0), tool.version());
    assertEquals("XILINX_HLS", tool.foundBy());

    // A Vivado 2021+ install has no vivado_hls: the variable is passed over, not an error.
    Map<String, String> vivadoOnly = FakeTools.environment(FakeTools.bin("Vitis_HLS", "2023.1"));
    vivadoOnly.put("XILINX_VIVADO", dir.toString());
    assertEquals("the PATH", detect(vivadoOnly).orElseThrow().foundBy());
  }

  @Test
  void aToolchainComesBeforeTheEnvironmentAndTheToolsOwnVersionWins() {
    Map<String, String> env = FakeTools.with(FakeTools.environment(), "XILINX_HLS",
        FakeTools.install("Vitis_HLS", "2023.1").toString());
    env.put("FAKE_HLS_FAULT", "version:banner=2023.2");
    ToolchainEntry toolchain = new ToolchainEntry("amd", "2024.1", FakeTools.install("Vitis_HLS", "2020.2"));

    HlsTool tool = new VendorDetector(log).detect(request(null, List.of(toolchain), env, false)).orElseThrow();

    assertEquals(new HlsVersion(2023, 2, 0), tool.version(), "what the tool prints");
    assertEquals(FakeTools.bin("Vitis_HLS", "2020.2").resolve("vitis_hls"), tool.program());
    assertEquals("the toolchain of type hls (vendor amd, version 2024.1) in toolchains.xml", tool.foundBy());
    assertEquals(List.of("[warn] the toolchain of type hls (vendor amd, version 2024.1) in toolchains.xml declares "
        + "version 2024.1 but the tool says 2023.2; using what the tool says"), log.matching("declares version"));
  }

  @Test
  void aToolchainWithoutAToolIsAnError() {
    ToolchainEntry toolchain = new ToolchainEntry(null, null, dir);
    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(null, List.of(toolchain), FakeTools.environment(), false)));
    assertTrue(e.getMessage().startsWith("the toolchain of type hls in toolchains.xml has installDir " + dir
        + ", which holds no bin/vitis_hls"), e.getMessage());
  }

  @Test
  void anEmptyToolchainIsSkippedWithAWarningWhenALaterOneHoldsATool() {
    List<ToolchainEntry> toolchains = List.of(new ToolchainEntry("amd", "2022.1", dir),
        new ToolchainEntry("amd", "2019.2", FakeTools.install("Vivado", "2019.2")));
    HlsTool tool = new VendorDetector(log).detect(request(null, toolchains, FakeTools.environment(), false))
        .orElseThrow();
    assertEquals(VendorFlow.VIVADO_HLS, tool.flow());
    assertEquals(List.of("[warn] the toolchain of type hls (vendor amd, version 2022.1) in toolchains.xml has "
        + "installDir " + dir + ", which holds no HLS tool; skipped it"), log.matching("skipped it"));
  }

  @Test
  void theHlsToolParameterComesFirstAndTakesAFileADirectoryOrAName() {
    Map<String, String> env = FakeTools.with(FakeTools.environment(FakeTools.bin("Vivado", "2019.2")), "XILINX_HLS",
        FakeTools.install("Vitis_HLS", "2023.1").toString());
    Path vitis = FakeTools.bin("Vitis", "2024.2");
    HlsTool byFile = new VendorDetector(log).detect(request(vitis.resolve("vitis-run").toString(), List.of(), env,
        false)).orElseThrow();
    assertEquals(VendorFlow.VITIS_UNIFIED, byFile.flow());
    assertEquals("the hlsTool parameter", byFile.foundBy());
    HlsTool byDirectory = new VendorDetector(log).detect(request(FakeTools.install("Vitis_HLS", "2020.2").toString(),
        List.of(), env, false)).orElseThrow();
    assertEquals(new HlsVersion(2020, 2, 0), byDirectory.version());
    HlsTool byName = new VendorDetector(log).detect(request("vivado_hls", List.of(), env, false)).orElseThrow();
    assertEquals(VendorFlow.VIVADO_HLS, byName.flow());

    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request("vitis_hls_2099", List.of(), env, false)));
    assertEquals("hlsTool 'vitis_hls_2099' is not on the PATH; give the full path of vitis_hls, vivado_hls or v++, "
        + "or the installation directory", e.getMessage());
  }

  @Test
  void vppBefore2023Point2CannotDriveHls() {
    Path old = FakeTools.bin("Vitis", "2023.1");
    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(old.resolve("v++").toString(), List.of(), FakeTools.environment(), false)));
    assertTrue(e.getMessage().endsWith("is 2023.1, but v++ --mode hls needs 2023.2 or later; use vitis_hls of that "
        + "release instead (set hlsTool)"), e.getMessage());
  }

  @Test
  void anOldVppFoundOnThePathFallsBackToVitisHlsOfItsRelease() {
    Path old = FakeTools.bin("Vitis", "2023.1");
    HlsTool tool = detect(FakeTools.environment(old)).orElseThrow();

    Path vitisHls = FakeTools.bin("Vitis_HLS", "2023.1").resolve("vitis_hls");
    assertEquals(new HlsTool(VendorFlow.VITIS_HLS, new HlsVersion(2023, 1, 0), vitisHls, null, "the PATH"), tool);
    assertEquals(List.of("[info] " + old.resolve("v++") + " is 2023.1, but v++ --mode hls needs 2023.2 or later; using "
        + vitisHls + " of the same installation instead"), log.matching("needs 2023.2"));
  }

  @Test
  void anOldVppInXilinxVitisFallsBackToVitisHlsOfItsRelease() {
    Map<String, String> env = FakeTools.with(FakeTools.environment(), "XILINX_VITIS",
        FakeTools.install("Vitis", "2023.1").toString());
    HlsTool tool = detect(env).orElseThrow();
    assertEquals(VendorFlow.VITIS_HLS, tool.flow());
    assertEquals(FakeTools.bin("Vitis_HLS", "2023.1").resolve("vitis_hls"), tool.program());
  }

  @Test
  void anOldVppWithoutVitisHlsMeansNoToolWithANoteOrAnErrorWhenOneIsRequired() {
    // v++ and vitis-run that say 2023.1, in an installation without a Vitis_HLS/2024.2 beside it
    Path bin = FakeTools.bin("Vitis", "2024.2");
    Map<String, String> env = FakeTools.with(FakeTools.environment(bin), "FAKE_HLS_VERSION", "2023.1");

    assertEquals(Optional.empty(), detect(env));

    String note = "Found " + bin.resolve("v++") + " is 2023.1, but v++ --mode hls needs 2023.2 or later, and no "
        + "vitis_hls of that release beside it; not using it (point hlsTool at vitis_hls to run the vendor's steps)";
    assertEquals(List.of("[info] " + note), log.matching("needs 2023.2"));
    assertEquals(1, log.matching("[info] No vendor HLS tool: ").size(), log::toString);
    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(null, List.of(), env, true)));
    assertTrue(e.getMessage().endsWith("but requireVendor is set: install Vitis HLS or Vivado HLS, source its"
        + " settings64.sh, or point hlsTool at it; " + note), e.getMessage());
  }

  @Test
  void notesAboutTheMachineGoThroughTheBuildsOnceOnlyLog() {
    FakeTools.Log build = new FakeTools.Log();
    // as the plugin's log does across the goals of one build
    java.util.Set<String> said = new java.util.HashSet<>();
    BuildLog goals = new BuildLog() {
      @Override
      public void info(String message) {
        build.info(message);
      }

      @Override
      public void warn(String message) {
        build.warn(message);
      }

      @Override
      public void debug(String message) {
        build.debug(message);
      }

      @Override
      public void infoOncePerBuild(String message) {
        if (said.add(message)) {
          info(message);
        }
      }
    };
    Path intel = FakeTools.root().resolve("intel/bin");
    Path old = FakeTools.bin("Vitis", "2023.1");
    for (int goal = 0; goal < 2; goal++) {
      new VendorDetector(goals).detect(request(null, List.of(), FakeTools.environment(intel), false));
      new VendorDetector(goals).detect(request(null, List.of(), FakeTools.environment(old), false));
    }
    assertEquals(1, build.matching("Intel HLS Compiler").size(), build::toString);
    assertEquals(1, build.matching("needs 2023.2 or later").size(), build::toString);
    assertEquals(2, build.matching("No vendor HLS tool").size(), "said by each goal: it is the goal's decision");
  }

  @Test
  void intelAndSiemensToolsAreRecognisedAndNotUsed() {
    Path intel = FakeTools.root().resolve("intel/bin");
    Path siemens = FakeTools.root().resolve("siemens/bin");
    assertEquals(Optional.empty(), detect(FakeTools.environment(intel, siemens)));
    assertEquals(List.of("[info] Found the Intel HLS Compiler at " + intel.resolve("i++") + ", but it is not supported"
        + " yet: Intel's and Siemens' HLS tools use the AC datatypes (ac_fixed, ac_int), and sr-hls generates code for"
        + " AMD's ap_fixed only"), log.matching("Intel HLS"));
    assertEquals(1, log.matching("Found Siemens Catapult at " + siemens.resolve("catapult")).size(), log::toString);

    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(intel.resolve("i++").toString(), List.of(), FakeTools.environment(), false)));
    assertTrue(e.getMessage().startsWith("hlsTool " + intel.resolve("i++") + " is the Intel HLS Compiler, which is"
        + " not supported yet"), e.getMessage());
  }

  @Test
  void aToolThatPrintsNoVersionIsAnError() throws Exception {
    Path fake = dir.resolve("vitis_hls");
    Files.writeString(fake, "#!/bin/sh\necho 'something else'\nexit 3\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> new VendorDetector(log)
        .detect(request(fake.toString(), List.of(), FakeTools.environment(), false)));
    assertEquals("cannot read the version of " + fake + ": 'vitis_hls -version' ended with exit code 3 and printed "
        + "no vYYYY.R:\n  something else", e.getMessage());
  }
}
