package io.github.srhls.core.toolchain.amd.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HlsScriptsTest {

  private static HlsProjectSpec spec(String description) {
    return new HlsProjectSpec("jet_tagger", "1.2.3-SNAPSHOT", "xcvu9p-flga2577-2-e", 3.125,
        IpMetadata.of("jet_tagger", "1.2.3-SNAPSHOT", description, "cern.ch", "l1t"));
  }

  @Test
  void writesTheTclProjectAndOneScriptPerStepEachEndingWithExit() {
    Map<String, String> files = HlsScripts.files(spec("Toy tagger."));

    assertEquals(List.of("hls_project.tcl", "hls_csim.tcl", "hls_csynth.tcl", "hls_cosim.tcl", "hls_export.tcl",
        "hls_config.cfg"), List.copyOf(files.keySet()));
    String project = files.get("hls_project.tcl");
    assertTrue(project.contains("\nopen_project proj\nset_top jet_tagger\nadd_files firmware/jet_tagger.cpp\n"
        + "add_files -tb jet_tagger_test.cpp\nadd_files -tb tb_data\nopen_solution solution1\n"
        + "set_part {xcvu9p-flga2577-2-e}\ncreate_clock -period 3.125 -name default\n"), project);
    assertTrue(!project.contains("-reset"), "later steps reuse the project");
    for (String step : List.of("hls_csim.tcl", "hls_csynth.tcl", "hls_cosim.tcl", "hls_export.tcl")) {
      String text = files.get(step);
      assertTrue(text.contains("\nsource hls_project.tcl\n"), step);
      assertTrue(text.endsWith("\nexit\n"), step + " must end with exit, or vitis_hls 2022.2+ stays interactive");
    }
    assertTrue(files.get("hls_csim.tcl").contains("\ncsim_design\n"));
    assertTrue(files.get("hls_cosim.tcl").contains("\ncosim_design -rtl verilog\n"));
    assertTrue(files.get("hls_export.tcl").contains("\nexport_design -format ip_catalog -vendor cern.ch -library l1t"
        + " -ipname jet_tagger -version 1.2 -description \"Toy tagger.\"\n"));
  }

  @Test
  void writesTheUnifiedConfigWithTheSameDesign() {
    String config = HlsScripts.files(spec("Toy tagger.")).get("hls_config.cfg");

    assertTrue(config.contains("\npart=xcvu9p-flga2577-2-e\n\n[hls]\nflow_target=vivado\nclock=3.125\n"
        + "syn.file=firmware/jet_tagger.cpp\nsyn.top=jet_tagger\ntb.file=jet_tagger_test.cpp\ntb.file=tb_data\n"),
        config);
    assertTrue(config.contains("\npackage.output.format=ip_catalog\npackage.output.file=cern_ch_l1t_jet_tagger_1_2.zip\n"
        + "package.ip.vendor=cern.ch\npackage.ip.library=l1t\npackage.ip.name=jet_tagger\npackage.ip.version=1.2\n"
        + "package.ip.description=Toy tagger.\n"), config);
  }

  @Test
  void escapesTheDescriptionForTclAndTheConfigFile() {
    Map<String, String> files = HlsScripts.files(spec("Uses [exec rm -rf ~] and $HOME, \"quoted\" \\ and\n# two lines"));

    assertTrue(files.get("hls_export.tcl").contains(" -description \"Uses \\[exec rm -rf ~\\] and \\$HOME, "
        + "\\\"quoted\\\" \\\\ and # two lines\"\n"), files.get("hls_export.tcl"));
    assertTrue(files.get("hls_config.cfg").contains("\npackage.ip.description=Uses [exec rm -rf ~] and $HOME, "
        + "\"quoted\" \\ and   two lines\n"), files.get("hls_config.cfg"));
  }

  @Test
  void derivesTheIpVersionAndZipName() {
    assertEquals("1.2", IpMetadata.ipVersion("1.2.3-SNAPSHOT"));
    assertEquals("2.0", IpMetadata.ipVersion("2"));
    assertEquals("10.0", IpMetadata.ipVersion("010.00"));
    assertEquals("1.0", IpMetadata.ipVersion("release-candidate"));
    assertEquals("xilinx_com_hls_jet_tagger_1_0.zip",
        IpMetadata.of("jet_tagger", "1.0.0", "", null, null).zipName());
    assertEquals("sr-hls model jet_tagger", IpMetadata.of("jet_tagger", "1.0.0", " ", null, null).description());
  }

  @Test
  void refusesWordsThatTclOrTheConfigFileWouldInterpret() {
    IpMetadata ip = IpMetadata.of("top", "1.0", "", null, null);
    assertThrows(IllegalArgumentException.class, () -> new HlsProjectSpec("top", "1", "xcvu9p} ; exec rm {", 5, ip));
    assertThrows(IllegalArgumentException.class, () -> new HlsProjectSpec("top", "1", "xcvu9p\nexit", 5, ip));
    assertThrows(IllegalArgumentException.class, () -> new HlsProjectSpec("top", "1", "xcvu9p", 0, ip));
    assertThrows(IllegalArgumentException.class, () -> new HlsProjectSpec("top", "1\nexit", "xcvu9p", 5, ip));
    assertThrows(IllegalArgumentException.class, () -> new HlsProjectSpec("top;exit", "1", "xcvu9p", 5, ip));
    assertThrows(IllegalArgumentException.class, () -> IpMetadata.of("top", "1.0", "", "[exec x]", null));
    assertThrows(IllegalArgumentException.class, () -> IpMetadata.of("top", "1.0", "", null, "a b"));
    assertThrows(IllegalArgumentException.class, () -> new IpMetadata("x", "hls", "top", "1.0.0", ""));
  }
}
