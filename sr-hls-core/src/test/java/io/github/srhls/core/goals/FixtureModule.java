package io.github.srhls.core.goals;

import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.testbench.RtlTestbench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated project whose {@code rtl/<name>.v} is a hand-written module standing in for the emitter's, in the
 * layout the RTL back end writes (top module {@code <name>}), for tests of what sr-hls:test does with RTL.
 *
 * @param temp the consumer project
 * @param name the model's name: its file is {@code <name>.sr.yaml}, its generated project {@code <name>}
 * @param project the generated project
 * @param work the model's work directory
 */
record FixtureModule(TempProject temp, String name, Path project, Path work) {

  /** Generates the model under {@code root}; {@link #write} puts the module in place. */
  static FixtureModule generate(Path root, String name, String model) throws IOException {
    TempProject temp = TempProject.with(root, name + ".sr.yaml", model);
    temp.generate();
    Path project = temp.out().resolve(name);
    Files.createDirectories(project.resolve(OpenSynthesisStep.RTL));
    return new FixtureModule(temp, name, project, temp.work().resolve(name));
  }

  /** The module's file. */
  Path verilog() {
    return project.resolve(OpenSynthesisStep.RTL).resolve(name + ".v");
  }

  /** Writes the module. */
  void write(String verilog) throws IOException {
    Files.writeString(verilog(), verilog);
  }

  /** Describes the module as the emitter would: the ports of the model's design, and the latency it has. */
  void describe(int latencyCycles, double clockNs) throws IOException {
    Path root = temp.root();
    ModelSpec spec = new ModelReader().read(temp.models().resolve(name + ".sr.yaml"), root, "1.0.0");
    Design design = ModelDesign.of(spec, new ModelCompiler(root).compile(spec), name + ".sr.yaml");
    Files.writeString(project.resolve(RtlTestbench.FILE), RtlTestbench.of(design, latencyCycles, clockNs).json());
  }

  /**
   * A module of the sr-hls interface with two 16-bit signed inputs and one output, its result two registers after
   * the inputs (latency 2): {@code first} and {@code second} are the two stages' assignments.
   *
   * @param registers the declaration of the stages' registers
   */
  static String twoStages(String name, String in0, String in1, String out, int outWidth, String registers,
      String first, String second, String result) {
    return """
        module %1$s (
          input wire clk,
          input wire rst,
          input wire in_valid,
          input wire signed [15:0] %2$s,
          input wire signed [15:0] %3$s,
          output wire out_valid,
          output wire signed [%5$d:0] %4$s
        );
          reg [1:0] valid;
          %6$s
          always @(posedge clk) begin
            valid <= rst ? 2'b00 : {valid[0], in_valid};
            %7$s
            %8$s
          end
          assign out_valid = valid[1];
          assign %4$s = %9$s;
        endmodule
        """.formatted(name, in0, in1, out, outWidth - 1, registers, first, second, result);
  }
}
