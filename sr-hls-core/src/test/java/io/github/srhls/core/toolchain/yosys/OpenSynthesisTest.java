package io.github.srhls.core.toolchain.yosys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run of the real Yosys over a tiny module with the sr-hls interface, split over two files the way the RTL back
 * end writes a top and a unit module: the counts come from its JSON statistics, the hierarchy is counted as one
 * design, and no I/O or clock buffer is counted.
 */
class OpenSynthesisTest {

  /** A unit: a registered 16 x 16 signed product, one DSP48E2. */
  static final String UNIT = """
      module tiny_mul (
        input wire clk,
        input wire signed [15:0] a,
        input wire signed [15:0] b,
        output reg signed [31:0] p
      );
        always @(posedge clk) p <= a * b;
      endmodule
      """;

  /** The top: the product plus a 32-bit input, registered; latency 2. */
  static final String TOP = """
      module tiny (
        input wire clk,
        input wire rst,
        input wire in_valid,
        input wire signed [15:0] a,
        input wire signed [15:0] b,
        input wire signed [31:0] c,
        output wire out_valid,
        output wire signed [31:0] y
      );
        reg [1:0] valid;
        reg signed [31:0] c1, s;
        wire signed [31:0] p;
        tiny_mul mul (.clk(clk), .a(a), .b(b), .p(p));
        always @(posedge clk) begin
          valid <= rst ? 2'b00 : {valid[0], in_valid};
          c1 <= c;
          s <= p + c1;
        end
        assign out_valid = valid[1];
        assign y = s;
      endmodule
      """;

  @TempDir static Path dir;
  static OpenSynthesisReport report;
  static Yosys yosys;

  @BeforeAll
  static void synthesise() throws Exception {
    Path rtl = Files.createDirectories(dir.resolve("rtl dir"));
    Files.writeString(rtl.resolve("tiny.v"), TOP);
    Files.writeString(rtl.resolve("tiny_mul.v"), UNIT);
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    yosys = Yosys.locate(runner, null, System.getenv("PATH"));
    report = new OpenSynthesis(runner, yosys, Duration.ofMinutes(5), null)
        .run("xcup", "tiny", List.of(rtl.resolve("tiny.v"), rtl.resolve("tiny_mul.v")), dir.resolve("work"));
  }

  @Test
  void theCountsAreYosyssOwnForTheWholeHierarchy() {
    assertEquals("Yosys", report.tool());
    assertTrue(report.version().startsWith("0."), report.version());
    assertEquals("xcup", report.family());
    assertEquals(1, report.dsp(), report::toString);
    // the valid chain (2), c delayed (32) and the sum (32); the product's register may be pulled into the DSP
    assertTrue(report.ff() >= 66, report::toString);
    assertTrue(report.carry() >= 4, report::toString); // a 32-bit adder on the carry chain
    assertEquals(report.lutBySize().values().stream().mapToLong(Long::longValue).sum(), report.lut());
    assertEquals(List.of("LUT1", "LUT2", "LUT3", "LUT4", "LUT5", "LUT6"), List.copyOf(report.lutBySize().keySet()));
    assertEquals(0, report.bram18k());
    assertEquals(0, report.lutram());
    assertNotNull(report.seconds());
    // flattened: no instance of the unit is left as a cell; out of context: no I/O or clock buffers
    assertTrue(report.cells().keySet().stream().noneMatch(c -> c.contains("tiny_mul") || c.endsWith("BUF")
        || c.startsWith("BUFG") || c.startsWith("IBUF") || c.startsWith("OBUF")), report.cells()::toString);
    assertEquals(report.dsp() + report.ff() + report.carry() + report.lut(),
        report.cells().values().stream().mapToLong(Long::longValue).sum(), report.cells()::toString);
  }

  @Test
  void theScriptTheStatisticsAndTheFullLogAreInTheWorkDirectory() throws Exception {
    Path work = dir.resolve("work");
    String script = Files.readString(work.resolve(OpenSynthesis.SCRIPT));
    assertTrue(script.contains("synth_xilinx -family xcup -top tiny -flatten -noiopad -noclkbuf"), script);
    assertTrue(script.contains("read_verilog -sv \"" + dir.resolve("rtl dir").resolve("tiny.v") + "\""), script);
    assertTrue(Files.readString(work.resolve(OpenSynthesis.STATISTICS)).contains("num_cells_by_type"));
    assertTrue(Files.readString(work.resolve(OpenSynthesis.LOG)).contains("synth_xilinx"));
  }
}
