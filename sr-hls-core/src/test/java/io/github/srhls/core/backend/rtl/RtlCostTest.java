package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignRequest;
import io.github.srhls.core.design.DesignBuilder;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.model.ArithmeticSpec;
import io.github.srhls.core.model.TargetSpec;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import io.github.srhls.core.toolchain.yosys.Yosys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTL's cost estimate follows the cells and registers chosen: per-primitive figures, shift registers from runs
 * of copies, nothing for constants; and on a small design its DSP and block-RAM counts are Yosys's exactly.
 */
class RtlCostTest {
  private static final DelayModel US = DelayModel.ULTRASCALE_PLUS_2;

  @Test
  void aVariableProductIsOneDspAndAnAdderIsOneLutPerBitOnCarry4s() {
    Netlist net = new Netlist();
    Arith arith = new Arith(net, US, 5);
    Signal a = net.input("a", FixedType.fixed(16, 4));
    Signal b = net.input("b", FixedType.fixed(16, 4));
    net.output("p", arith.mul("_p", a, b));
    net.output("s", arith.add("_s", a, b));
    RtlCost cost = RtlCost.of(net, new Schedule(List.of(0, 0), 1, 3, 5));
    assertEquals(1, cost.dsp());
    assertEquals(Math.round(RtlCost.ADDER * 17), cost.lut(), "the 17-bit adder");
    assertEquals(5, cost.carry(), "17 bits on CARRY4s");
    assertEquals(kept(32, "dsp") + kept(17, "adder") + 1, cost.ff(), "the registered outputs and the valid bit");
    assertEquals(0, cost.bram18k());
  }

  @Test
  void runsOfThreeOrMoreCopiesAreShiftRegistersAndConstantsCostNothing() {
    Netlist net = new Netlist();
    Arith arith = new Arith(net, US, 5);
    Signal x = net.input("x", FixedType.fixed(8, 4));
    Signal s = arith.add("_s", x, x); // 9 bits, stage 0
    Signal k = arith.constant("_k", Fixed.fromDouble(1.5, FixedType.fixed(8, 4)));
    Signal t = arith.add("_t", s, k); // stage 1: reads copy 1 of _s
    net.output("s", s); // read at copy 6: a run of 5 after copy 1
    net.output("t", t); // copies 1 to 5 of _t: a run of 5
    net.output("k", arith.cast("_kc", k, FixedType.fixed(8, 4))); // a constant's copies
    RtlCost cost = RtlCost.of(net, new Schedule(List.of(0, 0, 1, 0), 6, 3, 5));
    assertEquals(kept(9, "adder") + 6, cost.ff(), "copy 1 of _s, then the valid chain");
    assertEquals(kept(9, "adder") + kept(10, "adder"), cost.lutram(), "_s's copies 2 to 6 and _t's 1 to 5 in SRLs");
    assertEquals(Math.round(RtlCost.ADDER * 9) + Math.round(RtlCost.ADDER * 10), cost.lut(),
        "the adders; none for the constant");
  }

  private static long kept(int bits, String kind) {
    return Math.round(bits * 1.0);
  }

  @Test
  void blockRamFollowsTheTableShapeAndItsVaryingBits() {
    assertEquals(1, RtlCost.bram18(1024, 18));
    assertEquals(2, RtlCost.bram18(1024, 19));
    assertEquals(1, RtlCost.bram18(512, 36));
    assertEquals(4, RtlCost.bram18(4096, 16));
    List<Fixed> table = List.of(Fixed.fromDouble(0.25, FixedType.ufixed(8, 1)),
        Fixed.fromDouble(0.5, FixedType.ufixed(8, 1)), Fixed.fromDouble(0.75, FixedType.ufixed(8, 1)));
    assertEquals(", 2 varying bits", RtlUnits.varying(table));
  }

  @Test
  void constantsAsShiftAddOrDspMoveTheCostBetweenLutsAndDsps() {
    Design d = design();
    RtlCost shiftAdd = RtlEmitter.emit(d, new TargetSpec(TargetSpec.DEFAULT_PART, 5),
        new ArithmeticSpec(ArithmeticSpec.ConstantMultiplication.SHIFT_ADD), "m.sr.yaml", List.of()).cost();
    RtlCost dsp = RtlEmitter.emit(d, new TargetSpec(TargetSpec.DEFAULT_PART, 5),
        new ArithmeticSpec(ArithmeticSpec.ConstantMultiplication.DSP), "m.sr.yaml", List.of()).cost();
    assertTrue(dsp.dsp() > shiftAdd.dsp(), shiftAdd + " vs " + dsp);
    assertTrue(dsp.lut() < shiftAdd.lut(), shiftAdd + " vs " + dsp);
  }

  /** One Yosys run: the estimate's DSPs and block RAMs are exactly what synth_xilinx maps. */
  @Test
  void dspAndBlockRamAreYosyssOnASmallDesign(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Yosys.find(null, System.getenv("PATH")).isPresent(), "skipped: no yosys on the PATH");
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    Yosys yosys = Yosys.locate(runner, null, System.getenv("PATH"));
    RtlModule rtl = RtlEmitter.emit(design(), new TargetSpec(TargetSpec.DEFAULT_PART, 5), "m.sr.yaml", List.of());
    Path source = dir.resolve("m.v");
    Files.writeString(source, rtl.files().get(rtl.file()));
    OpenSynthesisReport r = new OpenSynthesis(runner, yosys, Duration.ofMinutes(5), BuildLog.silent())
        .run("xcup", "m", List.of(source), dir.resolve("yosys"));
    RtlCost cost = rtl.cost();
    assertTrue(cost.dsp() > 0 && cost.bram18k() > 0, "the design has both: " + cost);
    assertEquals(r.dsp(), cost.dsp(), "DSP48E2");
    assertEquals(r.bram18k(), cost.bram18k(), "RAMB18");
  }

  /** y = sin(a) * b + 0.3 a, z = 1.37 b * b: a block-RAM table, variable products, a product by a constant. */
  private static Design design() {
    GraphBuilder g = new GraphBuilder();
    int a = g.input(0);
    int b = g.input(1);
    int y = g.op(Builtin.ADD, g.op(Builtin.MUL, g.op(Builtin.SIN, a), b), g.op(Builtin.MUL, g.constant(0.3), a));
    int z = g.op(Builtin.MUL, g.op(Builtin.MUL, g.constant(1.37), b), b);
    DesignRequest request = DesignRequest.builder("m", g.build(List.of("a", "b"), List.of("y", "z"), List.of(y, z)))
        .inputRanges(List.of(new Interval(-2, 2), new Interval(-2, 2)))
        .inputTypes(List.of(FixedType.fixed(16, 4), FixedType.fixed(16, 4)))
        .resultType(FixedType.fixed(18, 6)).defaultType(FixedType.fixed(18, 6))
        .internalType(FixedType.fixed(18, 6)).clampInputs(false).build();
    return DesignBuilder.uniform(request);
  }
}
