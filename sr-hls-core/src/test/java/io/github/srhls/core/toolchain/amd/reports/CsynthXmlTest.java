package io.github.srhls.core.toolchain.amd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsynthXmlTest {
  @TempDir Path dir;

  /** The report of the facts (Vitis HLS 2020.2 schema). */
  static final String VITIS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <profile>
        <ReportVersion><Version>2020.2</Version></ReportVersion>
        <UserAssignments><unit>ns</unit><ProductFamily>virtexuplus</ProductFamily><Part>xcvu9p-flga2577-2-e</Part>
          <TopModelName>jet_tagger</TopModelName><TargetClockPeriod>5.00</TargetClockPeriod>
          <ClockUncertainty>0.62</ClockUncertainty><FlowTarget>vivado</FlowTarget></UserAssignments>
        <PerformanceEstimates><PipelineType>pipeline</PipelineType>
          <SummaryOfTimingAnalysis><unit>ns</unit><EstimatedClockPeriod>4.312</EstimatedClockPeriod></SummaryOfTimingAnalysis>
          <SummaryOfOverallLatency><unit>clock cycles</unit>
            <Best-caseLatency>8</Best-caseLatency><Average-caseLatency>8</Average-caseLatency><Worst-caseLatency>8</Worst-caseLatency>
            <Interval-min>1</Interval-min><Interval-max>1</Interval-max></SummaryOfOverallLatency>
        </PerformanceEstimates>
        <AreaEstimates>
          <Resources><BRAM_18K>34</BRAM_18K><DSP>74</DSP><FF>14475</FF><LUT>25651</LUT><URAM>0</URAM></Resources>
          <AvailableResources><BRAM_18K>4320</BRAM_18K><DSP>6840</DSP><FF>2364480</FF><LUT>1182240</LUT><URAM>960</URAM></AvailableResources>
        </AreaEstimates>
        <InterfaceSummary><RtlPorts><name>ap_clk</name></RtlPorts></InterfaceSummary>
      </profile>
      """;

  /** Vivado HLS: DSP48E, no URAM, undef latencies, elements in another order. */
  static final String VIVADO = """
      <?xml version="1.0" encoding="UTF-8"?>
      <profile>
        <AreaEstimates>
          <AvailableResources><LUT>274080</LUT><FF>548160</FF><DSP48E>2520</DSP48E><BRAM_18K>1824</BRAM_18K></AvailableResources>
          <Resources><LUT>812</LUT><DSP48E>3</DSP48E><FF>402</FF><BRAM_18K>0</BRAM_18K></Resources>
        </AreaEstimates>
        <PerformanceEstimates>
          <SummaryOfOverallLatency><Interval-max>undef</Interval-max><Interval-min>undef</Interval-min>
            <Worst-caseLatency>undef</Worst-caseLatency><Average-caseLatency>undef</Average-caseLatency>
            <Best-caseLatency>12</Best-caseLatency></SummaryOfOverallLatency>
          <SummaryOfTimingAnalysis><EstimatedClockPeriod>8.702</EstimatedClockPeriod></SummaryOfTimingAnalysis>
        </PerformanceEstimates>
        <UserAssignments><TopModelName>muon</TopModelName><Part>xczu9eg-ffvb1156-2-e</Part>
          <TargetClockPeriod>10.00</TargetClockPeriod></UserAssignments>
        <ReportVersion><Version>2019.2</Version></ReportVersion>
      </profile>
      """;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("top_csynth.xml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsTheFactsReport() throws Exception {
    CsynthReport r = CsynthXml.read(write(VITIS));
    assertEquals(new CsynthReport("2020.2", "xcvu9p-flga2577-2-e", "jet_tagger", 5.0, 4.312,
        new CsynthReport.Latency(8L, 8L, 8L), new CsynthReport.Interval(1L, 1L),
        new CsynthReport.Resources(34, 74, 14475, 25651, 0L),
        new CsynthReport.Resources(4320, 6840, 2364480, 1182240, 960L)), r);
  }

  @Test
  void readsVivadoHlsReportsByElementNameWithUndefLatencies() throws Exception {
    CsynthReport r = CsynthXml.read(write(VIVADO));
    assertEquals(new CsynthReport.Latency(12L, null, null), r.latency());
    assertEquals(new CsynthReport.Interval(null, null), r.interval());
    assertEquals(new CsynthReport.Resources(0, 3, 402, 812, null), r.used());
    assertEquals(2520, r.available().dsp());
    assertEquals("muon", r.top());
    assertEquals(10.0, r.targetClockNs());
  }

  @Test
  void refusesAHostileReportWithoutReadingTheEntity() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    Path file = write(VITIS.replace("<profile>", "<!DOCTYPE profile [<!ENTITY leak SYSTEM \"" + secret.toUri()
        + "\">]>\n<profile>").replace("<Part>xcvu9p-flga2577-2-e</Part>", "<Part>&leak;</Part>"));

    SrHlsException e = assertThrows(SrHlsException.class, () -> CsynthXml.read(file));

    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"));
  }

  @Test
  void aTruncatedReportNamesTheFileAndPosition() throws Exception {
    Path file = write(VITIS.substring(0, VITIS.length() / 2));
    SrHlsException e = assertThrows(SrHlsException.class, () -> CsynthXml.read(file));
    assertTrue(e.getMessage().matches("\\Q" + file + "\\E:\\d+:\\d+: not a readable synthesis report: .*"),
        e.getMessage());
  }

  @Test
  void missingOrWrongElementsAreNamed() throws Exception {
    Path noLut = write(VITIS.replace("<LUT>25651</LUT>", ""));
    SrHlsException e = assertThrows(SrHlsException.class, () -> CsynthXml.read(noLut));
    assertEquals("the synthesis report " + noLut + " is not what Vitis or Vivado HLS writes: it has no element "
        + "Resources/LUT", e.getMessage());

    Path badLatency = write(VITIS.replace("<Worst-caseLatency>8<", "<Worst-caseLatency>eight<"));
    e = assertThrows(SrHlsException.class, () -> CsynthXml.read(badLatency));
    assertTrue(e.getMessage().endsWith("<Worst-caseLatency> is neither a number of cycles nor undef: 'eight'"),
        e.getMessage());

    Path otherRoot = write("<report/>");
    e = assertThrows(SrHlsException.class, () -> CsynthXml.read(otherRoot));
    assertTrue(e.getMessage().endsWith("its root element is <report>, not <profile>"), e.getMessage());
  }
}
