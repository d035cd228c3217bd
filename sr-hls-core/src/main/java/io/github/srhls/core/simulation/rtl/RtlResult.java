package io.github.srhls.core.simulation.rtl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the RTL simulation of one model found. Apart from {@link Timings}, the same RTL, vectors and Verilator give
 * the same result. Writing it down is the report's job.
 *
 * @param simulator the simulator's own name for itself and its version ({@code verilator --version})
 * @param vectors test vectors simulated
 * @param mismatches output values whose raw bits differ from the Java model's
 * @param latencyCycles cycles from a vector's inputs to its outputs, as observed (the planned latency when no vector
 *     ran)
 * @param plannedLatencyCycles the latency the RTL was pipelined to ({@code rtl/sr-hls-rtl.json})
 * @param clockNs the clock period it was pipelined for
 * @param timings how long building and running took
 * @param failures why the model failed, empty when it passed
 */
public record RtlResult(
    String simulator,
    int vectors,
    Mismatches mismatches,
    int latencyCycles,
    int plannedLatencyCycles,
    double clockNs,
    Timings timings,
    List<String> failures) {

  public RtlResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * @param count how many output values differ
   * @param byOutput how many values of each output differ, in output order
   * @param first the first ones of each output, at most {@link #SHOWN} per output, in vector order
   */
  public record Mismatches(int count, Map<String, Integer> byOutput, List<Mismatch> first) {
    public static final int SHOWN = 5;

    public Mismatches {
      byOutput = Collections.unmodifiableMap(new LinkedHashMap<>(byOutput));
      first = List.copyOf(first);
    }
  }

  /**
   * One output value the RTL got wrong.
   *
   * @param vector 0-based vector index (the line of tb_data/*.dat, counted from 0)
   * @param output the output port
   * @param expected the Java model's value, exactly, in decimal
   * @param actual the RTL's value, exactly, in decimal
   * @param expectedBits the Java model's raw bits, {@code 0x} and as many hex digits as the port has nibbles
   * @param actualBits the RTL's raw bits, the same way
   */
  public record Mismatch(int vector, String output, String expected, String actual, String expectedBits,
      String actualBits) {}

  /** How long this run took: the one part of the result that differs between two runs. */
  public record Timings(long buildMillis, long runMillis) {}
}
