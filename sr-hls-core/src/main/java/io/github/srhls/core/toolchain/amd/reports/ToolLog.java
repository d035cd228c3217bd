package io.github.srhls.core.toolchain.amd.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a vendor tool printed, read for the lines that decide pass or fail: its {@code ERROR:} and {@code @E}
 * lines, the C simulation and co-simulation verdicts, and the summary line of sr-hls's testbench.
 *
 * <p>It is fed every line as the tool prints it ({@link #accept}), however long the output (a million lines of
 * chatter before the verdict is possible), and keeps only what the verdict needs: the last line of each verdict
 * kind, the error count and the first {@link #QUOTED} error lines. The whole output is in the step's log file.
 */
public final class ToolLog implements Consumer<String> {

  /** {@code ERROR: [SIM 211-100] ...}, {@code @E Simulation failed...}; Tcl's own {@code invalid command name}. */
  private static final Pattern ERROR = Pattern.compile("^\\s*(ERROR:|@E\\b|invalid command name\\b).*");
  private static final Pattern CSIM_DONE = Pattern.compile("CSim done with (\\d+) errors?");
  private static final Pattern COSIM_FINISHED =
      Pattern.compile("\\*\\*\\* C/RTL co-simulation finished: (PASS|FAIL) \\*\\*\\*");
  /** What the generated testbench prints last; see the testbench emitter. */
  private static final Pattern TESTBENCH = Pattern.compile("sr-hls testbench: (\\d+) vectors, (\\d+) mismatches");

  /** How many error lines a failure message quotes; the log file has all. */
  static final int QUOTED = 5;

  private final List<String> firstErrors = new ArrayList<>(QUOTED);
  private long errorCount;
  private Integer csimErrors;
  private String cosimVerdict;
  private int[] testbenchSummary;

  /** A log that has seen no line yet. */
  public ToolLog() {}

  /** The log of these lines, in order. */
  public static ToolLog of(List<String> lines) {
    ToolLog log = new ToolLog();
    lines.forEach(log);
    return log;
  }

  /** Reads one more line of the tool's output; called on the thread that reads the tool's output. */
  @Override
  public synchronized void accept(String line) {
    if (ERROR.matcher(line).matches()) {
      errorCount++;
      if (firstErrors.size() < QUOTED) {
        firstErrors.add(line.strip());
      }
    }
    // A verdict is rarely there: check for its fixed text before a regex runs on every line of chatter.
    if (line.contains("CSim done with")) {
      Matcher m = CSIM_DONE.matcher(line);
      if (m.find()) {
        csimErrors = parse(m.group(1));
      }
    }
    if (line.contains("co-simulation finished")) {
      Matcher m = COSIM_FINISHED.matcher(line);
      if (m.find()) {
        cosimVerdict = m.group(1);
      }
    }
    if (line.contains("sr-hls testbench:")) {
      Matcher m = TESTBENCH.matcher(line);
      if (m.find()) {
        testbenchSummary = new int[] {parse(m.group(1)), parse(m.group(2))};
      }
    }
  }

  /** How many error lines it printed. */
  public synchronized long errorCount() {
    return errorCount;
  }

  /** The error count of the last {@code CSim done with N errors}, when the C simulation got that far. */
  public synchronized Optional<Integer> csimErrors() {
    return Optional.ofNullable(csimErrors);
  }

  /** {@code PASS} or {@code FAIL} from the last {@code *** C/RTL co-simulation finished: ... ***}. */
  public synchronized Optional<String> cosimVerdict() {
    return Optional.ofNullable(cosimVerdict);
  }

  /** Vectors and mismatches from the testbench's last summary line. */
  public synchronized Optional<int[]> testbenchSummary() {
    return Optional.ofNullable(testbenchSummary).map(int[]::clone);
  }

  /** The first error lines, quoted for a failure message; empty when there are none. */
  public synchronized String quotedErrors() {
    StringBuilder b = new StringBuilder();
    firstErrors.forEach(e -> b.append("\n    ").append(e));
    if (errorCount > firstErrors.size()) {
      b.append("\n    ... and ").append(errorCount - firstErrors.size()).append(" more");
    }
    return b.toString();
  }

  /** A count as printed; one too large for an int (no real run) counts as the largest, still non-zero. */
  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
