package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.ParallelInOrder;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code sr-hls:test} is asked to do: simulate every generated project under {@code outputDirectory}.
 *
 * @param projectDirectory the project's base directory
 * @param outputDirectory the root of the generated projects ({@code target/generated-sources/sr-hls})
 * @param workDirectory results go to {@code workDirectory/<name>/} (csim_results.dat, report.json, build files)
 * @param compiler the host C++ compiler to use; null means {@code $CXX}, else g++ or clang++ on PATH
 * @param compilerFlags extra flags for the compiler (after ours)
 * @param timeout per step (compile, run); null means 10 minutes
 * @param reportsDirectory where each model's JUnit XML goes ({@code target/surefire-reports}); null for none
 * @param log progress
 * @param hostCsim run the host simulation (with a vendor tool found, its C simulation runs as well)
 * @param vendor what to do with a vendor HLS tool; null means none is looked for
 * @param budgetScope what the build around this goal means for the synthesis budgets; null means
 *     {@link BudgetScope#ALONE}
 * @param openSynthesis whether and how Yosys synthesises each model's RTL; null means off
 * @param rtlSimulation whether the generated RTL is simulated with Verilator; null means {@link RtlSimulation#OFF}
 *     (the plugin's parameter defaults to {@link RtlSimulation#AUTO}: a request that wants the RTL simulated says so,
 *     so that the many tests of other steps do not pay for a Verilator build each)
 * @param verilator the Verilator program (a path, or a name on PATH); null means {@code verilator} on PATH
 * @param verilatorCache where Verilator's compiled run-time library is kept between builds: a directory (a relative
 *     one is taken from the project directory and must stay inside it), {@code none} to compile it in every build, or
 *     null for {@code $XDG_CACHE_HOME/sr-hls/verilator} ({@code ~/.cache/sr-hls/verilator})
 * @param threads the most models simulated at once ({@link ParallelInOrder}); 0 or less means one per available
 *     processor. The results do not depend on it.
 */
public record TestRequest(
    Path projectDirectory,
    Path outputDirectory,
    Path workDirectory,
    String compiler,
    List<String> compilerFlags,
    Duration timeout,
    Path reportsDirectory,
    BuildLog log,
    boolean hostCsim,
    VendorSettings vendor,
    BudgetScope budgetScope,
    OpenSynthesisSettings openSynthesis,
    RtlSimulation rtlSimulation,
    String verilator,
    String verilatorCache,
    int threads) {

  public TestRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    compilerFlags = compilerFlags == null ? List.of() : List.copyOf(compilerFlags);
    timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new SrHlsException("sr-hls:test timeout must be a positive number of seconds, not " + timeout.toSeconds()
          + " (set <timeout> or -Dsr-hls.timeout)");
    }
    log = log == null ? BuildLog.silent() : log;
    vendor = vendor == null ? VendorSettings.disabled() : vendor;
    budgetScope = budgetScope == null ? BudgetScope.ALONE : budgetScope;
    openSynthesis = openSynthesis == null ? OpenSynthesisSettings.OFF : openSynthesis;
    rtlSimulation = rtlSimulation == null ? RtlSimulation.OFF : rtlSimulation;
    verilator = verilator == null || verilator.isBlank() ? null : verilator.strip();
    verilatorCache = verilatorCache == null || verilatorCache.isBlank() ? null : verilatorCache.strip();
    if (threads < 0) {
      throw new SrHlsException("sr-hls:test threads must be 0 (one per available processor) or a positive number, "
          + "not " + threads + " (set <threads> or -Dsr-hls.threads)");
    }
    threads = threads > 0 ? threads : ParallelInOrder.cores();
  }

  /** The same request logging to {@code other}: one model's share of the work, whose lines are printed in order. */
  TestRequest withLog(BuildLog other) {
    return new TestRequest(projectDirectory, outputDirectory, workDirectory, compiler, compilerFlags, timeout,
        reportsDirectory, other, hostCsim, vendor, budgetScope, openSynthesis, rtlSimulation, verilator,
        verilatorCache, threads);
  }

  /** A request built by name; the three directories are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The components by name; the host simulation runs unless turned off, anything else not set is null and the
   * constructor gives it its default.
   */
  public static final class Builder {
    private Path projectDirectory;
    private Path outputDirectory;
    private Path workDirectory;
    private String compiler;
    private List<String> compilerFlags;
    private Duration timeout;
    private Path reportsDirectory;
    private BuildLog log;
    private boolean hostCsim = true;
    private VendorSettings vendor;
    private BudgetScope budgetScope;
    private OpenSynthesisSettings openSynthesis;
    private RtlSimulation rtlSimulation;
    private String verilator;
    private String verilatorCache;
    private int threads;

    private Builder() {}

    public Builder projectDirectory(Path projectDirectory) {
      this.projectDirectory = projectDirectory;
      return this;
    }

    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    public Builder compiler(String compiler) {
      this.compiler = compiler;
      return this;
    }

    public Builder compilerFlags(List<String> compilerFlags) {
      this.compilerFlags = compilerFlags;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder reportsDirectory(Path reportsDirectory) {
      this.reportsDirectory = reportsDirectory;
      return this;
    }

    public Builder log(BuildLog log) {
      this.log = log;
      return this;
    }

    public Builder hostCsim(boolean hostCsim) {
      this.hostCsim = hostCsim;
      return this;
    }

    public Builder vendor(VendorSettings vendor) {
      this.vendor = vendor;
      return this;
    }

    public Builder budgetScope(BudgetScope budgetScope) {
      this.budgetScope = budgetScope;
      return this;
    }

    public Builder openSynthesis(OpenSynthesisSettings openSynthesis) {
      this.openSynthesis = openSynthesis;
      return this;
    }

    public Builder rtlSimulation(RtlSimulation rtlSimulation) {
      this.rtlSimulation = rtlSimulation;
      return this;
    }

    public Builder verilator(String verilator) {
      this.verilator = verilator;
      return this;
    }

    public Builder verilatorCache(String verilatorCache) {
      this.verilatorCache = verilatorCache;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** @throws SrHlsException for a timeout that is not positive */
    public TestRequest build() {
      return new TestRequest(projectDirectory, outputDirectory, workDirectory, compiler, compilerFlags, timeout,
          reportsDirectory, log, hostCsim, vendor, budgetScope, openSynthesis, rtlSimulation, verilator,
          verilatorCache, threads);
    }
  }
}
