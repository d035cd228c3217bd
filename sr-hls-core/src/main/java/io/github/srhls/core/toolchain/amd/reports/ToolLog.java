package io.github.srhls.core.toolchain.amd.reports;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a vendor tool printed, read for the lines that decide pass or fail: its {@code ERROR:} and {@code @E}
 * lines, the C simulation and co-simulation verdicts, and the summary line of sr-hls's testbench.
 *
 * @param lines the tool's merged output, in order
 */
public record ToolLog(List<String> lines) {

  /** {@code ERROR: [SIM 211-100] ...}, {@code @E Simulation failed...}; Tcl's own {@code invalid command name}. */
  private static final Pattern ERROR = Pattern.compile("^\\s*(ERROR:|@E\\b|invalid command name\\b).*");
  private static final Pattern CSIM_DONE = Pattern.compile("CSim done with (\\d+) errors?");
  private static final Pattern COSIM_FINISHED =
      Pattern.compile("\\*\\*\\* C/RTL co-simulation finished: (PASS|FAIL) \\*\\*\\*");
  /** What the generated testbench prints last; see the testbench emitter. */
  private static final Pattern TESTBENCH = Pattern.compile("sr-hls testbench: (\\d+) vectors, (\\d+) mismatches");

  /** How many error lines a failure message quotes; the log file has all. */
  static final int QUOTED = 5;

  public ToolLog {
    lines = List.copyOf(lines);
  }

  /** The error lines, trimmed, in order. */
  public List<String> errors() {
    return lines.stream().filter(l -> ERROR.matcher(l).matches()).map(String::strip).toList();
  }

  /** The error count of {@code CSim done with N errors}, when the C simulation got that far. */
  public Optional<Integer> csimErrors() {
    return last(CSIM_DONE).map(m -> Integer.parseInt(m.group(1)));
  }

  /** {@code PASS} or {@code FAIL} from {@code *** C/RTL co-simulation finished: ... ***}. */
  public Optional<String> cosimVerdict() {
    return last(COSIM_FINISHED).map(m -> m.group(1));
  }

  /** Vectors and mismatches from the testbench's last summary line. */
  public Optional<int[]> testbenchSummary() {
    return last(TESTBENCH).map(m -> new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
  }

  /** The first error lines, quoted for a failure message; empty when there are none. */
  public String quotedErrors() {
    List<String> errors = errors();
    if (errors.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    errors.subList(0, Math.min(QUOTED, errors.size())).forEach(e -> b.append("\n    ").append(e));
    if (errors.size() > QUOTED) {
      b.append("\n    ... and ").append(errors.size() - QUOTED).append(" more");
    }
    return b.toString();
  }

  private Optional<Matcher> last(Pattern pattern) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = pattern.matcher(lines.get(i));
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
