package io.github.srhls.core.goals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.srhls.core.backend.rtl.DelayModel;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.StepState;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.toolchain.yosys.OpenSynthesis;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import io.github.srhls.core.toolchain.yosys.Yosys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Open synthesis of each model in {@code sr-hls:test}: Yosys over the generated project's {@code rtl/} (top module
 * {@code <name>} in {@code rtl/<name>.v}, with whatever unit modules sit beside it) for the family of the model's
 * {@code target.part}, its counts into report.json's {@code openSynthesis}. Verilog that is unchanged since it was
 * last synthesised, by the same Yosys with the same script, is not synthesised again: its counts are kept in
 * {@code <work>/yosys/} beside the step's state, which is forgotten before every run so that a run that fails or
 * hangs is never taken as up to date.
 */
final class OpenSynthesisStep {

  /** Beside each model's report: the key of the last successful run. */
  static final String STATE_FILE = "open-synthesis-state.json";
  /** Under each model's work directory: Yosys's script, log and statistics, and the counts of the last run. */
  static final String WORK = "yosys";
  static final String COUNTS = "openSynthesis.json";
  /** The generated project's RTL directory. */
  static final String RTL = "rtl";
  /** What generate says about the RTL beside it: its ports, clock and latency (the RTL simulation's input). */

  private static final Pattern PART = Pattern.compile("(?m)^part=(\\S+)\\s*$");
  /** The generated project's file that names the part (sr-hls writes it for the vendor's unified flow). */
  private static final String PART_FILE = "hls_config.cfg";

  private final OpenSynthesisSettings settings;
  private final BuildLog log;
  private final ToolRunner runner;
  private Yosys yosys;

  OpenSynthesisStep(OpenSynthesisSettings settings, BuildLog log) {
    this.settings = settings;
    this.log = log;
    this.runner = new ToolRunner(log);
  }

  /**
   * Synthesises one model, or takes its counts from the last run when nothing changed; what fails is added to
   * {@code failures} and its earlier counts are taken out of the report.
   *
   * @return the counts; empty when it failed
   */
  Optional<OpenSynthesisReport> run(Project project, Path work, List<String> failures) {
    String name = project.manifest().name();
    Path state = work.resolve(STATE_FILE);
    Path dir = work.resolve(WORK);
    Path counts = dir.resolve(COUNTS);
    try {
      List<Path> sources = sources(project);
      String family = family(project);
      Yosys tool = yosys();
      // the Verilog only: the RTL's description beside it does not change what Yosys makes of it
      Fingerprint f = Fingerprint.start().text("yosys", tool.program() + "\n" + tool.version())
          .text("script", OpenSynthesis.script(family, name, sources));
      sources.forEach(source -> f.file(source.getFileName().toString(), source));
      String key = f.done();
      StepState earlier = StepState.read(state);
      Optional<OpenSynthesisReport> kept = earlier != null && earlier.key().equals(key)
          ? JsonFiles.readIfValid(counts, OpenSynthesisReport.class) : Optional.empty();
      OpenSynthesisReport report;
      if (kept.isPresent()) {
        report = kept.get();
        log.info(name + ": open synthesis up to date, not run again (the RTL, Yosys and family are unchanged)");
      } else {
        StepState.forget(state);
        Files.deleteIfExists(counts);
        report = new OpenSynthesis(runner, tool, settings.timeout(), log).run(family, name, sources, dir);
        JsonFiles.write(counts, report);
        new StepState(key, null).write(state);
      }
      ModelReport.setOpenSynthesis(work, project.manifest(), report);
      log.info(summary(name, report));
      return Optional.of(report);
    } catch (SrHlsException | IOException e) {
      String message = name + ": open synthesis failed: " + e.getMessage();
      log.warn(message);
      failures.add(message);
      ModelReport.setOpenSynthesis(work, project.manifest(), null);
      return Optional.empty();
    }
  }

  /**
   * The latency the project's RTL was pipelined to, from the description generate writes beside it
   * ({@link RtlTestbench#FILE}); null when there is none or it cannot be read (the RTL simulation reports a broken
   * one).
   */
  static Long plannedLatency(Project project) {
    try {
      return RtlTestbench.read(project.directory()).map(t -> (long) t.latencyCycles()).orElse(null);
    } catch (SrHlsException e) {
      return null;
    }
  }

  /**
   * Leaves out a model whose RTL simulation failed in this build, with a note: its counts would be those of a wrong
   * module. The counts and state of an earlier run are forgotten, so that nothing is taken as up to date.
   */
  static void skip(Project project, Path work, BuildLog log) {
    String name = project.manifest().name();
    try {
      StepState.forget(work.resolve(STATE_FILE));
      Files.deleteIfExists(work.resolve(WORK).resolve(COUNTS));
    } catch (IOException e) {
      throw new SrHlsException(name + ": could not forget the open synthesis of an earlier run under " + work + ": "
          + e.getMessage(), e);
    }
    ModelReport.setOpenSynthesis(work, project.manifest(), null);
    log.info(name + ": open synthesis skipped: the RTL simulation of this build failed, so its cell counts would be"
        + " those of a wrong module; it runs again once the RTL simulates bit for bit");
  }

  /** Takes the counts of an earlier run out of the report, when open synthesis is off. */
  static void remove(Project project, Path work) {
    ModelReport.setOpenSynthesis(work, project.manifest(), null);
  }

  /** The model's line in the log: the counts, labelled with the tool. */
  static String summary(String name, OpenSynthesisReport r) {
    return name + ": " + r.describeTool() + " (" + r.family() + "): " + r.lut() + " LUT " + r.lutBySize().values()
        + ", " + r.lutram() + " LUTRAM, " + r.ff() + " FF, " + r.carry() + " CARRY, " + r.dsp() + " DSP, "
        + r.bram18k() + " BRAM_18K";
  }

  private Yosys yosys() {
    if (yosys == null) {
      yosys = Yosys.locate(runner, settings.yosys(), settings.path());
    }
    return yosys;
  }

  /** The Verilog files of the project's RTL, the top first, then the others in name order. */
  static List<Path> sources(Project project) throws IOException {
    String name = project.manifest().name();
    Path rtl = project.directory().resolve(RTL);
    Path top = rtl.resolve(name + ".v");
    if (!Files.isRegularFile(top)) {
      throw new SrHlsException("the generated project " + project.directory() + " has no " + RTL + "/" + name
          + ".v to synthesise; run sr-hls:generate with this version of sr-hls and sr-hls.rtl on (it writes the"
          + " RTL, unless the model calls the vendor's math library), or turn open synthesis off");
    }
    try (Stream<Path> files = Files.list(rtl)) {
      return Stream.concat(Stream.of(top), files.filter(f -> !f.equals(top) && Files.isRegularFile(f))
          .filter(f -> f.getFileName().toString().endsWith(".v") || f.getFileName().toString().endsWith(".sv"))
          .sorted()).toList();
    }
  }

  /** Yosys's family for the model's part, from the part the generated project names. */
  static String family(Project project) throws IOException {
    Path file = project.directory().resolve(PART_FILE);
    if (!Files.isRegularFile(file)) {
      throw new SrHlsException("the generated project " + project.directory() + " has no " + PART_FILE
          + " naming the target part; run sr-hls:generate again");
    }
    Matcher m = PART.matcher(Files.readString(file, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new SrHlsException(file + " names no part (no line part=...); run sr-hls:generate again");
    }
    return DelayModel.forPart(m.group(1), project.manifest().modelFile() + ": target.part").family();
  }
}
