package io.github.srhls.core.simulation.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolRunner;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against hand-written modules with the sr-hls interface, built by the real Verilator: values of every
 * port width class (up to 32, up to 64, wider) cross it bit for bit, and the latency it reports is the pipeline's.
 */
class VerilatedTest {
  private static final ToolRunner RUNNER = new ToolRunner(BuildLog.silent());

  /**
   * y = a + b (70 bits, wrapping) and z = c (8 bits), registered twice: latency 2. The name with "__" is one Verilator
   * encodes in its C++ members.
   */
  private static final String PIPE = """
      module pipe (
        input wire clk,
        input wire rst,
        input wire in_valid,
        input wire [69:0] a,
        input wire [69:0] b,
        input wire signed [7:0] c__d___e,
        output wire out_valid,
        output wire [69:0] y,
        output wire signed [40:0] z
      );
        reg [1:0] valid;
        reg [69:0] y1, y2;
        reg signed [40:0] z1, z2;
        always @(posedge clk) begin
          valid <= rst ? 2'b00 : {valid[0], in_valid};
          y1 <= a + b;
          y2 <= y1;
          z1 <= {{33{c__d___e[7]}}, c__d___e};
          z2 <= z1;
        end
        assign out_valid = valid[1];
        assign y = y2;
        assign z = z2;
      endmodule
      """;

  @Test
  void vectorsCrossTheDriverBitForBitWithThePipelinesLatency(@TempDir Path dir) throws Exception {
    Verilated sim = build(dir, PIPE);
    Random random = new Random(7);
    List<List<BigInteger>> vectors = new ArrayList<>();
    BigInteger mask70 = BigInteger.ONE.shiftLeft(70).subtract(BigInteger.ONE);
    for (int k = 0; k < 500; k++) {
      vectors.add(List.of(new BigInteger(70, random), new BigInteger(70, random),
          BigInteger.valueOf(random.nextInt(256) - 128)));
    }
    vectors.add(List.of(mask70, BigInteger.ONE, BigInteger.valueOf(-128)));
    Verilated.Run run = sim.run(RUNNER, dir, vectors);
    assertEquals(2, run.latencyCycles());
    assertEquals(vectors.size(), run.outputs().size());
    BigInteger mask41 = BigInteger.ONE.shiftLeft(41).subtract(BigInteger.ONE);
    for (int k = 0; k < vectors.size(); k++) {
      List<BigInteger> v = vectors.get(k);
      assertEquals(v.get(0).add(v.get(1)).and(mask70), run.outputs().get(k).get(0), "y of vector " + k);
      assertEquals(v.get(2).and(mask41), run.outputs().get(k).get(1), "z of vector " + k);
    }
  }

  @Test
  void aModuleThatNeverAnswersFailsWithAMessage(@TempDir Path dir) throws Exception {
    Verilated sim = build(dir, PIPE.replace("assign out_valid = valid[1];", "assign out_valid = 1'b0;"));
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> sim.run(RUNNER, dir, List.of(List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE))));
    assertTrue(e.getMessage().contains("no out_valid"), e.getMessage());
  }

  @Test
  void verilatorErrorsAreReportedWithTheirText(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("pipe.v");
    Files.writeString(source, PIPE.replace("y1 <= a + b;", "y1 <= a + undeclared;"));
    SrHlsException e = assertThrows(SrHlsException.class, () -> Verilated.build(RUNNER, "verilator",
        dir.resolve("sim"), List.of(source), "pipe", ports(), List.of(new Port("y", 70), new Port("z", 41))));
    assertTrue(e.getMessage().contains("undeclared"), e.getMessage());
  }

  private static Verilated build(Path dir, String verilog) throws Exception {
    Path source = dir.resolve("pipe.v");
    Files.writeString(source, verilog);
    return Verilated.build(RUNNER, "verilator", dir.resolve("sim"), List.of(source), "pipe", ports(),
        List.of(new Port("y", 70), new Port("z", 41)));
  }

  private static List<Port> ports() {
    return List.of(new Port("a", 70), new Port("b", 70), new Port("c__d___e", 8));
  }
}
