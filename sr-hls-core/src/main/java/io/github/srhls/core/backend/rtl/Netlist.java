package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The datapath before pipelining: the module's input ports, the cells in dependency order (every cell's inputs are
 * ports or earlier cells' outputs) and the output ports. Built once by the lowering of a design, then read by the
 * scheduler and the writer.
 *
 * <p>Names: ports are the model's names, which start with a letter; every other signal starts with {@code _} and
 * contains no {@code __}, which the writer keeps for its register copies ({@code _<signal>__q<k>}) and its
 * {@code _valid} chain. So no internal name can clash with a port or with another internal name.
 */
public final class Netlist {
  /** The interface's own ports. */
  public static final Set<String> PORTS = Set.of("clk", "rst", "in_valid", "out_valid");

  private final List<Signal> inputs = new ArrayList<>();
  private final List<Cell> cells = new ArrayList<>();
  private final Map<String, Signal> outputs = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();
  /** Where each cell's output is defined, by name: its index in {@link #cells}. */
  private final Map<String, Integer> cellIndex = new HashMap<>();
  private final Map<String, Signal> signals = new HashMap<>();

  /** Declares an input port carrying the raw bits of {@code type}. */
  public Signal input(String name, FixedType type) {
    portName(name);
    Signal s = new Signal(claim(name), type);
    inputs.add(s);
    signals.put(name, s);
    return s;
  }

  /** Adds a combinational cell and returns its output. */
  public Signal cell(String name, FixedType type, List<Signal> in, double delayNs, String what, Resource resource,
      Cell.Body body) {
    return cell(name, type, in, delayNs, 0, what, resource, body);
  }

  /** Adds a cell with {@code latency} internal register stages and returns its output. */
  public Signal cell(String name, FixedType type, List<Signal> in, double delayNs, int latency, String what,
      Resource resource, Cell.Body body) {
    for (Signal s : in) {
      if (!names.contains(s.name())) {
        throw new IllegalArgumentException(what + " reads " + s.name() + ", which is not defined before it");
      }
    }
    if (!name.startsWith("_") || name.contains("__") || name.length() < 2) {
      throw new IllegalArgumentException("internal signal " + name + " must start with one '_' and contain no '__'");
    }
    Signal out = new Signal(claim(name), type);
    cellIndex.put(name, cells.size());
    signals.put(name, out);
    cells.add(new Cell(out, in, body, delayNs, latency, what, resource));
    return out;
  }

  /** Declares an output port driven by {@code value}; the port has the value's type. */
  public void output(String name, Signal value) {
    portName(name);
    if (outputs.putIfAbsent(name, value) != null || names.contains(name)) {
      throw new IllegalArgumentException("output " + name + " is declared twice or clashes with a signal");
    }
  }

  public List<Signal> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  public List<Cell> cells() {
    return Collections.unmodifiableList(cells);
  }

  /** The output ports in declaration order, by port name. */
  public Map<String, Signal> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  /** The input port or cell output of this name. */
  Signal signal(String name) {
    return signals.get(name);
  }

  /** The index in {@link #cells()} of the cell that defines a signal; -1 for an input port. */
  int cellOf(Signal s) {
    return cellIndex.getOrDefault(s.name(), -1);
  }

  /** Whether a name is taken by a port or a cell's output, so that lowering can pick fresh ones. */
  public boolean isTaken(String name) {
    return names.contains(name) || outputs.containsKey(name);
  }

  private static void portName(String name) {
    if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || PORTS.contains(name)) {
      throw new IllegalArgumentException("port " + name + " must start with a letter and not be one of " + PORTS);
    }
  }

  private String claim(String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("signal " + name + " is defined twice");
    }
    return name;
  }
}
