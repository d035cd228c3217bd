package io.github.srhls.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Real processes; POSIX tools (sh, printf, sleep) stand in for compilers and testbenches. */
@DisabledOnOs(OS.WINDOWS)
class ToolRunnerTest {

  @TempDir Path dir;

  /** Remembers each log call with the time it arrived. */
  static final class RecordingLog implements BuildLog {
    final List<String> info = Collections.synchronizedList(new ArrayList<>());
    final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    final List<Long> infoNanos = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
      info.add(message);
      infoNanos.add(System.nanoTime());
    }

    @Override
    public void warn(String message) {
      info.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
      debug.add(message);
    }
  }

  @Test
  void streamsLinesWhileTheProgramRunsAndCopiesThemToTheLogFile() throws Exception {
    RecordingLog log = new RecordingLog();
    Path logFile = dir.resolve("logs/tool.log");
    ToolResult result = new ToolRunner(log).run(ToolInvocation.of("demo",
            List.of("sh", "-c", "echo first; sleep 1; echo second >&2"))
        .withLogFile(logFile));

    assertEquals(0, result.exitCode());
    assertEquals(List.of("first", "second"), result.lines());
    assertEquals(List.of("[demo:" + result.pid() + "] first", "[demo:" + result.pid() + "] second"), log.info);
    // The first line was logged about a second before the second: it was streamed, not collected at exit.
    long gapMillis = (log.infoNanos.get(1) - log.infoNanos.get(0)) / 1_000_000;
    assertTrue(gapMillis >= 700, "lines arrived " + gapMillis + " ms apart");
    assertEquals("first\nsecond\n", Files.readString(logFile, StandardCharsets.UTF_8));
    assertTrue(result.duration().toMillis() >= 900);
  }

  @Test
  void aLongRunningToolIsReportedAsStillRunning() {
    RecordingLog log = new RecordingLog();
    new ToolRunner(log, java.time.Duration.ofMillis(300)).run(ToolInvocation.of("slow",
        List.of("sh", "-c", "sleep 1")).withTimeout(java.time.Duration.ofSeconds(20)));
    List<String> heartbeats = log.info.stream().filter(l -> l.startsWith("slow still running after ")).toList();
    assertTrue(heartbeats.size() >= 2 && heartbeats.size() <= 4, log.info.toString());
    assertTrue(heartbeats.get(0).endsWith(" (time limit 20 s)"), heartbeats.get(0));
  }

  @Test
  void chattyToolsLogAtDebugLevel() {
    RecordingLog log = new RecordingLog();
    ToolResult result = new ToolRunner(log).run(
        ToolInvocation.of("printf", List.of("printf", "a\\nb\\n")).withChatty(true));
    assertEquals(List.of("a", "b"), result.lines());
    assertTrue(log.info.isEmpty());
    String prefix = "[printf:" + result.pid() + "] ";
    assertEquals(List.of("running printf a\\nb\\n", prefix + "a", prefix + "b"), log.debug);
  }

  @Test
  void reportsExitCodesAndSignals() {
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    ToolResult three = runner.run(ToolInvocation.of("sh", List.of("sh", "-c", "exit 3")));
    assertEquals(3, three.exitCode());
    assertFalse(three.succeeded());
    assertFalse(three.crashed());
    assertEquals("exit code 3", three.describeExit());

    ToolResult segv = runner.run(ToolInvocation.of("sh", List.of("sh", "-c", "kill -SEGV $$")));
    assertTrue(segv.crashed());
    assertEquals("crashed (exit status 139, probably signal 11, SIGSEGV)", segv.describeExit());
  }

  @Test
  void runsInTheWorkingDirectoryWithAddedEnvironment() throws Exception {
    Files.writeString(dir.resolve("marker.txt"), "here");
    ToolResult result = new ToolRunner(BuildLog.silent()).run(
        ToolInvocation.of("sh", List.of("sh", "-c", "cat marker.txt; echo; echo \"$SRHLS_TEST_VALUE\""))
            .withWorkingDirectory(dir)
            .withEnvironment(Map.of("SRHLS_TEST_VALUE", "a b;c")));
    assertEquals(List.of("here", "a b;c"), result.lines());
  }

  @Test
  void argumentsReachTheProgramVerbatimWithoutAShell() {
    ToolResult result = new ToolRunner(BuildLog.silent()).run(
        ToolInvocation.of("printf", List.of("printf", "%s|%s\\n", "$(echo no) *", "a;b")).withWorkingDirectory(dir));
    assertEquals(List.of("$(echo no) *|a;b"), result.lines());
  }

  @Test
  void timeoutStopsTheWholeProcessTree() {
    RecordingLog log = new RecordingLog();
    long started = System.nanoTime();
    SrHlsException e = assertThrows(SrHlsException.class, () -> new ToolRunner(log).run(
        ToolInvocation.of("tree", List.of("sh", "-c",
                "sleep 60 & echo child $!; sleep 60 & echo child $!; wait"))
            .withTimeout(Duration.ofSeconds(1))));
    assertTrue(e.getMessage().startsWith("tree did not finish within 1 s; stopped it and its child processes"),
        e.getMessage());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000);

    List<Long> children = log.info.stream()
        .filter(l -> l.contains("] child "))
        .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)))
        .toList();
    assertEquals(2, children.size(), log.info.toString());
    for (long pid : children) {
      assertFalse(waitUntilGone(pid), "child " + pid + " of the timed-out tool is still running");
    }
  }

  @Test
  void aGrandchildOrphanedByADoubleForkIsStoppedAtTheTimeout() {
    RecordingLog log = new RecordingLog();
    // The inner shell starts the grandchild and exits: the grandchild is no longer a descendant of anything sr-hls
    // started, as a daemonising tool's would be.
    assertThrows(SrHlsException.class, () -> new ToolRunner(log).run(ToolInvocation.of("forker", List.of("sh",
            "-c", "sh -c 'sleep 600 >/dev/null 2>&1 & echo grandchild $!'; echo parent $$; exec sleep 600"))
        .withTimeout(Duration.ofSeconds(2))));

    long grandchild = pidAfter(log, "] grandchild ");
    long parent = pidAfter(log, "] parent ");
    assertFalse(waitUntilGone(parent), "the tool " + parent + " is still running");
    assertFalse(waitUntilGone(grandchild), "the orphaned grandchild " + grandchild + " is still running");
  }

  @Test
  void whatAToolLeavesRunningInTheBackgroundEndsWithIt() {
    RecordingLog log = new RecordingLog();
    ToolResult result = new ToolRunner(log).run(ToolInvocation.of("leaver",
        List.of("sh", "-c", "sleep 600 & echo background $!; exit 0")));

    assertEquals(0, result.exitCode());
    assertFalse(waitUntilGone(pidAfter(log, "] background ")), "the background process is still running");
    assertTrue(log.info.stream().noneMatch(l -> l.contains("still holds its output open")), log.info.toString());
  }

  @Test
  void aCompilerDiesWithTheBuildWhenTheBuildsJvmIsKilled() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, ToolRunnerChild.class.getName()).redirectErrorStream(true).start();
    try {
      long[] compiler = null;
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(build.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.contains("] compiler ")) {
            String[] words = line.substring(line.indexOf("] compiler ") + 11).split(" ");
            compiler = new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])};
            break;
          }
        }
        assertTrue(compiler != null, "the child build never started its compiler");
        for (long pid : compiler) {
          assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " runs");
        }

        build.destroyForcibly(); // SIGKILL: no shutdown hook runs
        build.waitFor();

        for (long pid : compiler) {
          assertFalse(waitUntilGone(pid), "process " + pid + " of the compiler outlived the killed build");
        }
      }
    } finally {
      build.destroyForcibly();
    }
  }

  @Test
  void interruptingTheWaitingThreadStopsTheToolAndKeepsTheFlag() throws Exception {
    RecordingLog log = new RecordingLog();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        new ToolRunner(log).run(ToolInvocation.of("sleeper", List.of("sh", "-c", "echo pid $$; sleep 60")));
      } catch (Throwable t) {
        thrown.set(t);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    worker.start();
    long pid = awaitPid(log);
    worker.interrupt();
    worker.join(10_000);
    assertFalse(worker.isAlive());
    assertTrue(thrown.get() instanceof SrHlsException, String.valueOf(thrown.get()));
    assertEquals("sleeper was interrupted; stopped it and its child processes", thrown.get().getMessage());
    assertTrue(flag.get());
    assertFalse(waitUntilGone(pid));
  }

  @Test
  void aMissingProgramIsAClearError() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> new ToolRunner(BuildLog.silent()).run(
        ToolInvocation.of("nothing", List.of("sr-hls-no-such-program-x"))));
    assertTrue(e.getMessage().startsWith("cannot start nothing (sr-hls-no-such-program-x): "), e.getMessage());
    assertTrue(e.getMessage().endsWith("check that it is installed and on the PATH"), e.getMessage());
  }

  @Test
  void longArgumentListsGoThroughAnArgumentFileThatGccReads() throws Exception {
    Path source = dir.resolve("main.cpp");
    Files.writeString(source, "#include <cstdio>\nint main() { std::puts(MESSAGE); return SUM; }\n");
    List<String> command = new ArrayList<>(List.of("g++", "-DMESSAGE=\"it's a \\\\ \\\"test\\\"\""));
    StringBuilder sum = new StringBuilder("0");
    for (int i = 0; i < 600; i++) {
      command.add("-DUNUSED_MACRO_NUMBER_" + i + "=" + i);
    }
    for (int i = 1; i <= 5; i++) {
      sum.append("+V").append(i);
      command.add("-DV" + i + "=" + i);
    }
    command.add("-DSUM=(" + sum + ")");
    command.addAll(List.of(source.toString(), "-o", dir.resolve("main.exe").toString()));
    assertTrue(String.join(" ", command).length() > ToolRunner.ARGUMENT_FILE_THRESHOLD);

    Path args = dir.resolve("gcc.args");
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    ToolResult compiled = runner.run(ToolInvocation.of("g++", command).withArgumentFile(args));
    assertEquals(0, compiled.exitCode(), compiled.lines().toString());
    assertTrue(Files.isRegularFile(args), "the argument file was used");

    ToolResult ran = runner.run(ToolInvocation.of("main", List.of(dir.resolve("main.exe").toString())));
    assertEquals(List.of("it's a \\ \"test\""), ran.lines());
    assertEquals(15, ran.exitCode());
  }

  @Test
  void shortArgumentListsArePassedDirectly() {
    Path args = dir.resolve("unused.args");
    ToolResult result = new ToolRunner(BuildLog.silent()).run(
        ToolInvocation.of("printf", List.of("printf", "ok")).withArgumentFile(args));
    assertEquals(List.of("ok"), result.lines());
    assertFalse(Files.exists(args));
  }

  /** The number after {@code marker} in the first log line holding it. */
  private static long pidAfter(RecordingLog log, String marker) {
    synchronized (log.info) {
      for (String line : log.info) {
        int at = line.indexOf(marker);
        if (at >= 0) {
          return Long.parseLong(line.substring(at + marker.length()).strip());
        }
      }
    }
    throw new AssertionError("no line with '" + marker + "' in " + log.info);
  }

  private static long awaitPid(RecordingLog log) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      synchronized (log.info) {
        for (String line : log.info) {
          if (line.contains("] pid ")) {
            return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the tool never printed its pid");
  }

  /** True if the process is still alive after 15 seconds (a generous bound on a loaded machine). */
  private static boolean waitUntilGone(long pid) {
    for (int i = 0; i < 300; i++) {
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
      } else {
        return false;
      }
    }
    return true;
  }
}
