package io.github.srhls.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatch;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatches;
import io.github.srhls.core.simulation.host.SimulationResult.Timings;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.amd.VendorReport.CsimResult;
import io.github.srhls.core.toolchain.amd.VendorReport.IpExport;
import io.github.srhls.core.toolchain.amd.VendorReport.Step;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReportTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;

  private static ProjectManifest manifest(String digest, Map<String, Long> overflows) {
    return ProjectManifest.builder().name("m").version("1.2.0").digest(digest).inputs(List.of("x0"))
        .outputs(List.of("y", "millis")).vectors(8).tolerance(0.01).hostSimulation(true).overflows(overflows)
        .modelFile("model/m.sr.yaml").build();
  }

  private static ProjectManifest manifest() {
    return manifest(DIGEST, Map.of("t3", 2L));
  }

  /** One mismatch of y, and an output named like a vendor step's duration, which must survive packaging. */
  private static SimulationResult result() {
    Map<String, Integer> byOutput = new LinkedHashMap<>();
    byOutput.put("y", 1);
    byOutput.put("millis", 0);
    Map<String, ErrorStats> errors = new LinkedHashMap<>();
    errors.put("y", new ErrorStats(Double.NaN, 0.25));
    errors.put("millis", new ErrorStats(0, -0.0));
    return new SimulationResult(8, new Mismatches(1, byOutput, List.of(new Mismatch(3, "y", 0.5, -0.0))), errors,
        null, new Timings(120, 30, 266), List.of("1 of 16 values differ"));
  }

  private static ModelReport hostReport() {
    return ModelReport.of(manifest()).withHost(SimulationReport.of(manifest(), result()));
  }

  private static VendorReport vendor(String digest) {
    return new VendorReport("vitis-hls", "2023.1", digest, new Step<>(true, new CsimResult(8, 0), List.of(), 4321),
        null, null, new Step<>(true, new IpExport("ip.zip", "0".repeat(64)), List.of(), 99));
  }

  private static final String HOST = """
      {
        "model" : "m",
        "version" : "1.2.0",
        "digest" : "sha256:abababababababababababababababababababababababababababababababab",
        "vectors" : 8,
        "mismatches" : {
          "count" : 1,
          "byOutput" : {
            "y" : 1,
            "millis" : 0
          },
          "first" : [
            {
              "vector" : 3,
              "output" : "y",
              "expected" : 0.5,
              "actual" : -0.0
            }
          ]
        },
        "errorVsFloat64" : {
          "y" : {
            "maxAbsError" : "NaN",
            "meanAbsError" : 0.25
          },
          "millis" : {
            "maxAbsError" : 0.0,
            "meanAbsError" : -0.0
          }
        },
        "classAgreement" : null,
        "overflows" : {
          "t3" : 2
        },
        "tolerance" : 0.01,
      """;

  private static final String TIMINGS = """
        "timings" : {
          "compileMillis" : 120,
          "runMillis" : 30,
          "vectorsPerSecond" : 266
        },
      """;

  private static final String VERDICT = """
        "failures" : [
          "1 of 16 values differ"
        ],
        "passed" : false
      """;

  private static String vendorSection(boolean withMillis) {
    return """
          "vendor" : {
            "tool" : "vitis-hls",
            "version" : "2023.1",
            "digest" : "sha256:abababababababababababababababababababababababababababababababab",
            "csim" : {
              "passed" : true,
              "result" : {
                "vectors" : 8,
                "mismatches" : 0
              },
              "failures" : [ ]%s
            },
            "csynth" : null,
            "cosim" : null,
            "export" : {
              "passed" : true,
              "result" : {
                "file" : "ip.zip",
                "sha256" : "0000000000000000000000000000000000000000000000000000000000000000"
              },
              "failures" : [ ]%s
            }
          }
        """.formatted(withMillis ? ",\n      \"millis\" : 4321" : "", withMillis ? ",\n      \"millis\" : 99" : "");
  }

  @Test
  void theHostSectionFollowsTheModelWithItsKeysInOrderAndTwoSpaceIndents() throws Exception {
    hostReport().write(dir);

    assertEquals(HOST + TIMINGS + VERDICT + "}\n", Files.readString(dir.resolve("report.json")));
  }

  @Test
  void theVendorSectionComesLast() throws Exception {
    hostReport().withVendor(vendor(DIGEST)).write(dir);

    assertEquals(HOST + TIMINGS + VERDICT.replace("false\n", "false,\n") + vendorSection(true) + "}\n",
        Files.readString(dir.resolve("report.json")));
  }

  @Test
  void whatIsWrittenReadsBackAsItWas() {
    for (ModelReport report : List.of(hostReport(), hostReport().withVendor(vendor(DIGEST)),
        ModelReport.of(manifest()).withVendor(vendor(DIGEST)))) {
      report.write(dir);
      assertEquals(Optional.of(report), ModelReport.read(dir));
    }
    assertNull(ModelReport.read(dir).orElseThrow().host(), "a vendor-only report has no host section");
  }

  @Test
  void theVendorSectionIsAddedBesideTheHostSectionOfTheSameProject() {
    hostReport().write(dir);
    ModelReport.addVendor(dir, manifest(), vendor(DIGEST));
    assertEquals(hostReport().withVendor(vendor(DIGEST)), ModelReport.read(dir).orElseThrow());

    // a later vendor run replaces the section
    VendorReport again = new VendorReport("vitis-hls", "2023.1", DIGEST, null, null, null, null);
    ModelReport.addVendor(dir, manifest(), again);
    assertEquals(hostReport().withVendor(again), ModelReport.read(dir).orElseThrow());
  }

  @Test
  void aReportOfAnotherProjectOrNoneGivesAVendorOnlyReport() throws Exception {
    String other = "sha256:" + "cd".repeat(32);
    hostReport().write(dir);
    ModelReport.addVendor(dir, manifest(other, Map.of()), vendor(other));
    assertEquals(new ModelReport("m", "1.2.0", other, null, null, vendor(other), null), ModelReport.read(dir).orElseThrow());

    Path none = dir.resolve("none");
    ModelReport.addVendor(none, manifest(), vendor(DIGEST));
    assertEquals(ModelReport.of(manifest()).withVendor(vendor(DIGEST)), ModelReport.read(none).orElseThrow());

    Files.writeString(dir.resolve("report.json"), "{ damaged");
    ModelReport.addVendor(dir, manifest(), vendor(DIGEST));
    assertEquals(ModelReport.of(manifest()).withVendor(vendor(DIGEST)), ModelReport.read(dir).orElseThrow());
  }

  @Test
  void thePackagedCopyHasNoTimingsAndNoStepDurationsButKeepsAnOutputNamedMillis() throws Exception {
    ModelReport report = hostReport().withVendor(vendor(DIGEST));
    report.write(dir);

    Path packaged = report.writePackaged(dir.resolve("package"));

    assertEquals(dir.resolve("package/report.json"), packaged);
    assertEquals(HOST + VERDICT.replace("false\n", "false,\n") + vendorSection(false) + "}\n",
        Files.readString(packaged));
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"timings\""), "the report itself is kept");
  }

  @Test
  void theOpenSynthesisSectionComesAfterTheVendorsReadsBackAndIsPackagedWithoutItsRunTime() throws Exception {
    OpenSynthesisReport counts = new OpenSynthesisReport("Yosys", "0.23 (git sha1 7ce5011c24b)", "xcup", "m", 47,
        Map.of("LUT1", 0L, "LUT2", 47L, "LUT3", 0L, "LUT4", 0L, "LUT5", 0L, "LUT6", 0L), 0, 66, 12, 3, 0,
        Map.of("CARRY4", 12L, "DSP48E2", 3L, "FDRE", 66L, "LUT2", 47L), 3.25);
    hostReport().withVendor(vendor(DIGEST)).write(dir);
    ModelReport.setOpenSynthesis(dir, manifest(), counts);
    ModelReport read = ModelReport.read(dir).orElseThrow();
    assertEquals(hostReport().withVendor(vendor(DIGEST)).withOpenSynthesis(counts), read);
    String text = Files.readString(dir.resolve("report.json"));
    assertTrue(text.indexOf("\"vendor\"") < text.indexOf("\"openSynthesis\""), text);
    assertTrue(text.contains("\"seconds\" : 3.25"), text);

    String packaged = Files.readString(read.writePackaged(dir.resolve("package")));
    assertTrue(packaged.contains("\"openSynthesis\" : {\n    \"tool\" : \"Yosys\","), packaged);
    assertFalse(packaged.contains("\"seconds\""), packaged);

    ModelReport.setOpenSynthesis(dir, manifest(), null);
    assertEquals(hostReport().withVendor(vendor(DIGEST)), ModelReport.read(dir).orElseThrow());
  }

  @Test
  void aMissingReportIsEmptyAndAMalformedOneSaysToTestAgain() throws Exception {
    assertEquals(Optional.empty(), ModelReport.read(dir));

    Files.writeString(dir.resolve("report.json"), HOST.replace("\"vectors\" : 8", "\"vectors\" : \"eight\"")
        + TIMINGS + VERDICT + "}\n");
    SrHlsException e = assertThrows(SrHlsException.class, () -> ModelReport.read(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("report.json") + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; run sr-hls:test again to write a current report"), e.getMessage());
    assertEquals(Optional.empty(), ModelReport.readIfValid(dir));

    Files.writeString(dir.resolve("report.json"), "{\"model\": \"m\", \"version\": \"1\", \"vendor\": {}}\n");
    e = assertThrows(SrHlsException.class, () -> ModelReport.read(dir));
    assertTrue(e.getMessage().contains("\"digest\" is missing or not a string"), e.getMessage());
  }

  @Test
  void deleteRemovesAnEarlierReport() {
    hostReport().write(dir);
    ModelReport.delete(dir);
    assertFalse(Files.exists(dir.resolve("report.json")));
    ModelReport.delete(dir);
  }

  private static RtlReport rtl(boolean passed) {
    RtlResult.Mismatches mismatches = passed
        ? new RtlResult.Mismatches(0, Map.of("y", 0), List.of())
        : new RtlResult.Mismatches(1, Map.of("y", 1), List.of(new RtlResult.Mismatch(2, "y", "0.5", "0.53125",
            "0x0010", "0x0011")));
    return RtlReport.of(new RtlResult("Verilator 5.006 2023-01-22 rev v5.006", 8, mismatches, 3, 3, 3.3,
        new RtlResult.Timings(6100, 40), passed ? List.of() : List.of("1 of 16 output values differ")));
  }

  @Test
  void theRtlSectionIsKeyRtlBesideTheHostsAndIsPackagedWithoutItsTimings() throws Exception {
    hostReport().write(dir);
    ModelReport.addRtl(dir, manifest(), rtl(false));
    ModelReport read = ModelReport.read(dir).orElseThrow();
    assertEquals(hostReport().withRtl(rtl(false)), read);
    assertEquals(9.9, read.rtl().latencyNs(), "3 x 3.3 ns in decimal");
    assertEquals(1, read.rtl().initiationInterval());
    String text = Files.readString(ModelReport.file(dir));
    assertTrue(text.contains("\"rtl\" : {\n    \"simulator\" : \"Verilator\",\n    \"version\" : \"Verilator 5.006"),
        text);
    assertTrue(text.contains("\"expectedBits\" : \"0x0010\""), text);

    String packaged = Files.readString(read.writePackaged(dir.resolve("package")));
    assertTrue(packaged.contains("\"latencyCycles\" : 3") && !packaged.contains("buildMillis"), packaged);
    assertTrue(packaged.contains("\"initiationInterval\" : 1,\n    \"failures\""), packaged);

    ModelReport.removeRtl(dir);
    assertEquals(hostReport(), ModelReport.read(dir).orElseThrow());
  }
}
