package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module built by Verilator with {@link VerilatorDriver}: {@link #build} compiles it into an executable under a
 * work directory, {@link #run} streams raw-bit vectors through it.
 *
 * @param executable the simulator
 * @param top the module's name
 * @param inputs its data input ports, in order
 * @param outputs its data output ports, in order
 */
public record Verilated(Path executable, String top, List<Port> inputs, List<Port> outputs) {

  private static final Pattern SUMMARY = Pattern.compile("sr-hls-rtl vectors (\\d+) latency (-?\\d+)");

  public Verilated {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** What a run observed: one list of raw output values per vector, and the pipeline's latency in cycles. */
  public record Run(List<List<BigInteger>> outputs, int latencyCycles, ToolResult tool) {}

  /**
   * Builds the simulator in {@code workDir} (replaced), with {@code verilator} (its path or name on PATH).
   *
   * @throws SrHlsException when Verilator fails, with the tail of its output
   */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs) {
    try {
      Files.createDirectories(workDir);
      Path driver = workDir.resolve("sr_hls_driver.cpp");
      Files.writeString(driver, VerilatorDriver.source(top, inputs, outputs), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(verilator, "--cc", "--exe", "--build", "-j", "2",
          "--Mdir", workDir.resolve("obj").toString(), "--top-module", top, "-o", "sim"));
      for (Path s : sources) {
        command.add(s.toAbsolutePath().toString());
      }
      command.add(driver.toAbsolutePath().toString());
      ToolResult result = runner.run(ToolInvocation.of("verilator", command).withWorkingDirectory(workDir)
          .withLogFile(workDir.resolve("verilator.log")).withChatty(true));
      if (!result.succeeded()) {
        throw new SrHlsException("Verilator could not build " + top + " (" + result.describeExit() + "):\n"
            + tail(result.lines()) + "\nsee " + workDir.resolve("verilator.log"));
      }
      return new Verilated(workDir.resolve("obj").resolve("sim"), top, inputs, outputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs every vector (one list of raw input values per vector, in port order) through the module.
   *
   * @throws SrHlsException when the simulator fails or its outputs do not add up
   */
  public Run run(ToolRunner runner, Path workDir, List<List<BigInteger>> vectors) {
    try {
      Path in = workDir.resolve("vectors.hex");
      Path out = workDir.resolve("outputs.hex");
      try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.US_ASCII)) {
        for (List<BigInteger> vector : vectors) {
          for (int i = 0; i < inputs.size(); i++) {
            w.write((i == 0 ? "" : " ") + inputs.get(i).raw(vector.get(i)).toString(16));
          }
          w.write('\n');
        }
      }
      return run(runner, in, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the vectors of a file already written in the driver's format; the outputs go to {@code out}. */
  public Run run(ToolRunner runner, Path in, Path out) {
    ToolResult result = runner.run(ToolInvocation.of("rtl-sim", List.of(executable.toString(), in.toString(),
        out.toString())).withChatty(true));
    Matcher m = SUMMARY.matcher(result.lines().isEmpty() ? "" : result.lines().get(result.lines().size() - 1));
    if (!result.succeeded() || !m.matches()) {
      throw new SrHlsException("the RTL simulation of " + top + " failed (" + result.describeExit() + "):\n"
          + tail(result.lines()));
    }
    List<List<BigInteger>> values = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.US_ASCII)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        List<BigInteger> row = new ArrayList<>(outputs.size());
        for (String word : line.split(" ")) {
          row.add(new BigInteger(word, 16));
        }
        values.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Run(values, Integer.parseInt(m.group(2)), result);
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
