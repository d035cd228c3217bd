package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.VendorFunction;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ArithmeticSpec;
import io.github.srhls.core.model.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Emits the RTL of a planned design: {@code rtl/<name>.v}, one fully pipelined Verilog-2005 module with the sr-hls
 * interface, bit-exact with {@link io.github.srhls.core.design.BitAccurateModel}. The design is lowered into a
 * {@link Netlist} ({@link DesignLowering}, arithmetic by {@link Arith}), scheduled for the target's clock by the
 * delay model of its part's family ({@link Schedule}), and printed by {@link VerilogWriter}.
 */
public final class RtlEmitter {
  private RtlEmitter() {}

  /**
   * What keeps the RTL back end from a design, in a sentence for the build log, or null when it can emit it. A
   * design it cannot do still gets its HLS C++; generate notes why it has no RTL instead of failing.
   */
  public static String limitation(Design design) {
    TreeSet<String> vendor = new TreeSet<>();
    for (Map.Entry<Integer, FunctionUnit> e : design.units().entrySet()) {
      if (design.isLive(e.getKey()) && e.getValue() instanceof VendorFunction) {
        vendor.add(e.getValue().function().canonicalName());
      }
    }
    if (!vendor.isEmpty()) {
      List<String> keys = vendor.stream().map(f -> "functions." + f + ".implementation: vendor").toList();
      return "no RTL for " + design.name() + ": it calls the vendor's math library for " + String.join(", ", vendor)
          + " (" + String.join(", ", keys) + "), whose bits only the vendor's tools know; with implementation: "
          + "table (the default) sr-hls's own unit computes " + (vendor.size() == 1 ? "it" : "them")
          + " in the RTL too";
    }
    List<String> names = new ArrayList<>(design.graph().inputNames());
    names.addAll(design.graph().outputNames());
    for (String name : names) {
      if (name.startsWith("_") || Netlist.PORTS.contains(name)) {
        return "no RTL for " + design.name() + ": '" + name + "' cannot name a port of the module (a port name "
            + "starts with a letter and is none of " + String.join(", ", new TreeSet<>(Netlist.PORTS))
            + "); rename it";
      }
    }
    return null;
  }

  /**
   * Lowers, schedules and writes a design.
   *
   * @param target the part, whose family's delay model places the registers, and the clock period
   * @param source the model file as messages name it, for a target key the file does not write
   * @param header comment lines at the top of the file (where it comes from), without the comment marker
   * @throws SrHlsException naming {@code target.part} for a part of a family the delay model does not know, and
   *     {@code target.clock-ns} for a clock no pipeline can meet, each at its place in the model file
   * @throws IllegalArgumentException for a design {@link #limitation} refuses
   */
  public static RtlModule emit(Design design, TargetSpec target, String source, List<String> header) {
    return emit(design, target, ArithmeticSpec.defaults(), source, header);
  }

  /**
   * Lowers, schedules and writes a design with the model file's arithmetic choices.
   *
   * @param arithmetic how products by constants are built
   * @see #emit(Design, TargetSpec, String, List)
   */
  public static RtlModule emit(Design design, TargetSpec target, ArithmeticSpec arithmetic, String source,
      List<String> header) {
    String refused = limitation(design);
    if (refused != null) {
      throw new IllegalArgumentException(refused);
    }
    DelayModel delays = DelayModel.forPart(target.part(), place(target.partAt(), source));
    Netlist net = new Netlist();
    DesignLowering.Ports ports = DesignLowering.lower(design, net, new Arith(net, delays, target.clockNs()),
        strategy(arithmetic.constantMultiplication()), "");
    Schedule schedule;
    try {
      schedule = Schedule.of(net, delays, target.clockNs());
    } catch (SrHlsException e) {
      throw new SrHlsException(place(target.clockAt(), source) + ": target.clock-ns " + number(target.clockNs())
          + (target.clockAt() == null ? " (the default)" : "") + ": " + e.getMessage(), e);
    }
    List<String> lines = new ArrayList<>(header);
    lines.add("");
    lines.add(String.format(Locale.ROOT, "Scheduled for %s (%s delay model) at %s ns: latency %d cycles (%s ns), "
        + "initiation interval 1, predicted critical path %.2f ns.", target.part(), delays.family(),
        number(target.clockNs()), schedule.latency(), number(schedule.latency() * target.clockNs()),
        schedule.criticalPathNs()));
    lines.add("Interface: clk, rst (synchronous, active high, clears the valid chain), in_valid, one port per input "
        + "(raw bits");
    lines.add("of its fixed-point type), out_valid, one port per output; the outputs for the inputs of cycle t are "
        + "there in cycle t + L.");
    Map<String, String> files = new LinkedHashMap<>();
    String name = design.name();
    files.put(RtlModule.DIRECTORY + "/" + name + ".v", VerilogWriter.module(name, net, schedule, lines));
    return new RtlModule(name, files, ports.inputs(), ports.outputs(), design.inputType(), target.part(),
        delays.family(), target.clockNs(), schedule.latency(), schedule.criticalPathNs(),
        RtlCost.of(net, schedule));
  }

  /** The model file's word for Arith's. */
  static ConstantProduct.Strategy strategy(ArithmeticSpec.ConstantMultiplication c) {
    return switch (c) {
      case AUTO -> ConstantProduct.Strategy.AUTO;
      case SHIFT_ADD -> ConstantProduct.Strategy.SHIFT_ADD;
      case DSP -> ConstantProduct.Strategy.DSP;
    };
  }

  private static String place(SourcePosition at, String source) {
    return at == null ? source : at.render();
  }

  private static String number(double ns) {
    return ns == Math.rint(ns) && Math.abs(ns) < 1e15 ? String.valueOf((long) ns) : String.valueOf(ns);
  }
}
