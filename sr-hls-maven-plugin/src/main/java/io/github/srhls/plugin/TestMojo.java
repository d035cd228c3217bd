package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.BudgetScope;
import io.github.srhls.core.goals.OpenSynthesisSettings;
import io.github.srhls.core.goals.RtlSimulation;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.goals.TestResult;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every generated project with its testbench on the host and runs it, bit-accurately, against the expected
 * outputs, and simulates its RTL with Verilator when there is one; fails the build on any mismatch. When an AMD HLS tool is found it also runs the tool's C simulation,
 * and synthesis and C/RTL co-simulation when asked for. Results go to a directory named after the model in
 * {@code workDirectory}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractVendorMojo {

  /** The host C++ compiler. Unset means {@code $CXX}, else {@code g++} or {@code clang++} on the PATH. */
  @Parameter(property = "sr-hls.compiler")
  String compiler;

  /** Extra compiler flags, passed after the plugin's own. */
  @Parameter List<String> compilerFlags;

  /**
   * Time limit in seconds for each step (compiling, running; Verilator's build and run of the RTL; open synthesis)
   * of each model.
   */
  @Parameter(property = "sr-hls.timeout", defaultValue = "600")
  int timeout;

  /** Run the vendor's synthesis too (its estimates are checked against the budgets). */
  @Parameter(property = "sr-hls.synthesis", defaultValue = "false")
  boolean synthesis;

  /** Run the vendor's synthesis and C/RTL co-simulation too. */
  @Parameter(property = "sr-hls.cosim", defaultValue = "false")
  boolean cosim;

  /**
   * Synthesise each model's RTL ({@code rtl/} of the generated project) with Yosys and write its resource counts
   * (LUT by size, FF, CARRY, DSP, BRAM, LUTRAM) into report.json's {@code openSynthesis}. When no vendor synthesis
   * runs, the budgets (maxLut, maxFf, maxDsp, maxBram) are held against these counts. Needs Yosys (Debian package
   * yosys); unchanged RTL is not synthesised again.
   */
  @Parameter(property = "sr-hls.openSynthesis", defaultValue = "false")
  boolean openSynthesis;

  /** The Yosys program for open synthesis: a path, or a name on the PATH. Unset means {@code yosys} on the PATH. */
  @Parameter(property = "sr-hls.yosys")
  String yosys;

  /** Skips the host simulation (the vendor's still runs when a tool is found). */
  @Parameter(property = "sr-hls.hostCsim.skip", defaultValue = "false")
  boolean skipHostCsim;

  /**
   * Whether the generated RTL ({@code rtl/} of each generated project) is simulated with Verilator, bit for bit
   * against the Java model: {@code auto} when Verilator is found (without it the build says so once and goes on),
   * {@code required} (a build without Verilator fails), or {@code off}.
   */
  @Parameter(property = "sr-hls.rtlSimulation", defaultValue = "auto")
  String rtlSimulation;

  /** The Verilator program: a path, or a name looked up on the PATH. Unset means {@code verilator} on the PATH. */
  @Parameter(property = "sr-hls.verilator")
  String verilator;

  /**
   * Where Verilator's compiled run-time library is kept, so that only the first RTL simulation on a machine pays
   * for compiling it: a directory (a relative one is taken from the project directory and must stay inside it), or
   * {@code none} to compile it in every build. Unset means {@code $XDG_CACHE_HOME/sr-hls/verilator}, else
   * {@code ~/.cache/sr-hls/verilator}.
   */
  @Parameter(property = "sr-hls.verilatorCache")
  String verilatorCache;

  /** Skips the vendor's C simulation (synthesis and co-simulation still run when asked for). */
  @Parameter(property = "sr-hls.vendorCsim.skip", defaultValue = "false")
  boolean skipVendorCsim;

  /**
   * Where each model's outcome is written as JUnit XML, {@code TEST-sr-hls.MODEL.xml} (MODEL being the model's
   * name), one test case per output, for CI servers and IDEs to show like unit tests.
   */
  @Parameter(property = "sr-hls.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports",
      required = true)
  File reportsDirectory;

  /** Skips this goal only. */
  @Parameter(property = "sr-hls.test.skip", defaultValue = "false")
  boolean skipTest;

  /** Maven's usual switch to skip running tests; honoured so one flag skips all of them. */
  @Parameter(property = "skipTests", defaultValue = "false")
  boolean skipTests;

  /** Maven's usual switch to skip compiling and running tests. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean mavenTestSkip;

  /** The core's entry point; tests put a recorder here to see the request without running the core. */
  Function<TestRequest, TestResult> orchestrator = new TestOrchestrator()::run;

  /** Whether sr-hls:package of this plugin runs later in this build ({@link PackageFollows}). */
  private boolean packageFollows() {
    if (session == null || project == null || mojoExecution == null
        || mojoExecution.getMojoDescriptor() == null) {
      return false;
    }
    String prefix = mojoExecution.getMojoDescriptor().getPluginDescriptor().getGoalPrefix();
    Plugin plugin = project.getPlugin(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
    boolean bound = plugin != null && plugin.getExecutions().stream().anyMatch(e -> e.getGoals().contains("package"));
    return PackageFollows.in(session.getGoals(), prefix, mojoExecution.getArtifactId(), bound);
  }

  /**
   * The most models simulated at once, each on its own thread; 0 (the default) means one per available processor. The
   * results do not depend on it. Maven's {@code -T N} runs up to N modules' builds at once, each with its own pool, so
   * a reactor build may use up to N times this many threads: with {@code -T}, give each module its share of the cores
   * ({@code -T 2 -Dsr-hls.threads=4} on 8 cores).
   */
  @Parameter(property = "sr-hls.threads", defaultValue = "0")
  int threads;

  @Override
  Optional<String> goalSkipReason() {
    if (skipTest) {
      return Optional.of("sr-hls.test.skip is set");
    }
    if (skipTests) {
      return Optional.of("skipTests is set");
    }
    return mavenTestSkip ? Optional.of("maven.test.skip is set") : Optional.empty();
  }

  @Override
  void run(BuildLog log) {
    // the request checks the parameters even when there is nothing to simulate, so a bad value is never hidden
    TestRequest request =
        TestRequest.builder()
            .projectDirectory(project.getBasedir().toPath())
            .outputDirectory(outputDirectory.toPath())
            .workDirectory(workDirectory.toPath())
            .compiler(compiler)
            .compilerFlags(compilerFlags)
            .timeout(Duration.ofSeconds(timeout))
            .reportsDirectory(reportsDirectory.toPath())
            .log(log)
            .hostCsim(!skipHostCsim)
            .vendor(vendorSettings(!skipVendorCsim, synthesis, cosim, false))
            .budgetScope(new BudgetScope(enforceBudgets, budgetsSettledEarlier(), packageFollows()))
            .openSynthesis(openSynthesis ? OpenSynthesisSettings.on(yosys, Duration.ofSeconds(timeout))
                : OpenSynthesisSettings.OFF)
            .rtlSimulation(RtlSimulation.parse(rtlSimulation))
            .verilator(verilator)
            .verilatorCache(verilatorCache)
            .threads(threads)
            .build();
    if (!outputDirectory.isDirectory()) {
      log.info("No generated projects in " + outputDirectory + "; nothing to simulate");
      return;
    }
    TestResult result = orchestrator.apply(request);
    result.models().forEach(model -> log.info(model.summary()));
    if (result.budgetsSettled()) {
      budgetsSettled();
    }
  }
}
