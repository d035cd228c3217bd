package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.diag.SrHlsException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the pipeline registers go: each cell's stage, by as-soon-as-possible chaining. A cell joins the stage in which
 * its last input arrives while the stage's accumulated delay stays within the clock period less the register
 * overhead; otherwise it starts the next stage, reading registered copies of its inputs. Every output is registered
 * and all outputs leave in the same cycle, {@link #latency()} cycles after the inputs came in.
 *
 * @param stages the stage of each cell, in {@link Netlist#cells()} order (a cell with internal latency starts there)
 * @param latency L: cycles from the input ports to the output ports, at least 1
 * @param criticalPathNs the longest combinational path of any stage by the delay model, register overhead included
 * @param clockNs the clock period scheduled for
 */
public record Schedule(List<Integer> stages, int latency, double criticalPathNs, double clockNs) {

  /** Where and when a signal is first available: in a stage, after some delay into it. */
  private record Arrival(int stage, double offsetNs) {}

  public Schedule {
    stages = List.copyOf(stages);
  }

  /**
   * Schedules a netlist for a clock period.
   *
   * @throws SrHlsException when a cell alone is slower than the period, naming the slowest and the shortest period
   *     possible
   */
  public static Schedule of(Netlist net, DelayModel delays, double clockNs) {
    double budget = clockNs - delays.registerNs();
    // the slowest cell decides the shortest period possible: name it, not the first one over the budget
    Cell slowest = null;
    for (Cell cell : net.cells()) {
      if (slowest == null || cell.delayNs() > slowest.delayNs()) {
        slowest = cell;
      }
    }
    if (slowest != null && slowest.delayNs() > budget) {
      throw new SrHlsException(String.format(Locale.ROOT, "the %s (%s) takes %.2f ns, longer than the clock period "
          + "of %s ns allows (%.2f ns after the register overhead); it is the slowest cell, and the shortest period "
          + "possible is %.2f ns: raise target.clock-ns", slowest.what(), slowest.out().name(), slowest.delayNs(),
          trim(clockNs), budget, slowest.delayNs() + delays.registerNs()));
    }
    Map<String, Arrival> arrivals = new HashMap<>();
    for (Signal in : net.inputs()) {
      arrivals.put(in.name(), new Arrival(0, 0.0));
    }
    Integer[] stages = new Integer[net.cells().size()];
    double critical = 0;
    int k = 0;
    for (Cell cell : net.cells()) {
      int stage = 0;
      double start = 0;
      for (Signal in : cell.inputs()) {
        Arrival a = arrivals.get(in.name());
        if (a.stage() > stage) {
          stage = a.stage();
          start = a.offsetNs();
        } else if (a.stage() == stage) {
          start = Math.max(start, a.offsetNs());
        }
      }
      Arrival out;
      if (cell.latency() > 0) {
        // the cell's first internal register takes its inputs at the end of this stage
        out = new Arrival(stage + cell.latency(), cell.delayNs());
      } else if (start + cell.delayNs() <= budget) {
        out = new Arrival(stage, start + cell.delayNs());
      } else {
        stage++;
        out = new Arrival(stage, cell.delayNs());
      }
      critical = Math.max(critical, Math.max(cell.latency() > 0 ? start : 0, out.offsetNs()));
      stages[k++] = stage;
      arrivals.put(cell.out().name(), out);
    }
    int latency = 1;
    for (Signal out : net.outputs().values()) {
      latency = Math.max(latency, arrivals.get(out.name()).stage() + 1);
    }
    return new Schedule(List.of(stages), latency, critical + delays.registerNs(), clockNs);
  }

  /** The stage in which a signal is produced: 0 for input ports. */
  int producedIn(Netlist net, Signal s) {
    int i = net.cellOf(s);
    return i < 0 ? 0 : stages.get(i) + net.cells().get(i).latency();
  }

  /**
   * The registered copies each signal's readers read, by signal name (sorted, so text built from it is stable): the
   * number of cycles after its production, for every reader (a cell in a later stage, or an output port at the
   * latency) that reads it later than the stage it is produced in. The writer declares a chain of copies up to the
   * deepest; the cost estimate counts the runs between readers.
   */
  SortedMap<String, SortedSet<Integer>> readDepths(Netlist net) {
    SortedMap<String, SortedSet<Integer>> depths = new TreeMap<>();
    for (int i = 0; i < net.cells().size(); i++) {
      for (Signal in : net.cells().get(i).inputs()) {
        read(depths, in, stages.get(i) - producedIn(net, in));
      }
    }
    for (Signal out : net.outputs().values()) {
      read(depths, out, latency - producedIn(net, out));
    }
    return depths;
  }

  private static void read(SortedMap<String, SortedSet<Integer>> depths, Signal s, int k) {
    if (k > 0) {
      depths.computeIfAbsent(s.name(), x -> new TreeSet<>()).add(k);
    }
  }

  private static String trim(double ns) {
    return ns == Math.rint(ns) ? String.valueOf((long) ns) : String.valueOf(ns);
  }
}
