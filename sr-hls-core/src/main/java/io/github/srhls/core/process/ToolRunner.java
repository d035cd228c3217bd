package io.github.srhls.core.process;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts an external program without a shell and waits for it. Its merged stdout and stderr are streamed line by
 * line into the {@link BuildLog} as {@code [tool:pid] line} while it runs, and into the invocation's log file.
 * On timeout, on interruption of the waiting thread (Ctrl-C in Maven) and on JVM shutdown, the program and every
 * descendant it started are stopped: politely first, then forcibly. Each program runs in a process group of its own
 * that ends when the program exits, is stopped, or the JVM dies, even by SIGKILL ({@link ProcessGroups}).
 */
public final class ToolRunner {

  /**
   * Lines kept in {@link ToolResult#lines()}; the log file and the invocation's listener always get everything, so
   * whatever must see every line (a vendor tool's verdict) listens instead of reading the result.
   */
  public static final int MAX_CAPTURED_LINES = 100_000;

  /**
   * Above this many characters of arguments an argument file is used. Windows' CreateProcess stops at 32767;
   * 8000 leaves room for the program path and stays below cmd-style limits of wrapper scripts.
   */
  static final int ARGUMENT_FILE_THRESHOLD = 8000;

  /** How long the output may keep flowing after the program exited. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  /** How often a long-running program is reported as still running. */
  static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** How long a stopped program gets to exit on its own before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** Each program in a process group of its own where the system allows; see {@link ProcessGroups}. */
  private static final Optional<ProcessGroups> GROUPS = ProcessGroups.find();

  private final BuildLog log;
  private final Duration heartbeat;

  public ToolRunner(BuildLog log) {
    this(log, HEARTBEAT);
  }

  /** With another interval for the "still running" lines (tests). */
  ToolRunner(BuildLog log, Duration heartbeat) {
    this.log = log;
    this.heartbeat = heartbeat;
  }

  /** Where the programs' lines go. */
  public BuildLog log() {
    return log;
  }

  /**
   * Runs the program to completion. A non-zero exit is not an error here; callers decide what it means.
   *
   * @throws SrHlsException if it cannot be started, does not finish within the timeout, or the waiting thread is
   *     interrupted (the interrupt flag stays set)
   */
  public ToolResult run(ToolInvocation invocation) {
    List<String> command = commandLine(invocation);
    List<String> launched = command;
    if (GROUPS.isPresent()) {
      Path program = Executables.startable(command.get(0), invocation.workingDirectory())
          .orElseThrow(() -> new SrHlsException("cannot start " + invocation.tool() + " (" + command.get(0)
              + "): " + (command.get(0).indexOf('/') < 0 ? "not found" : "not an executable file")
              + "; check that it is installed and on the PATH"));
      launched = GROUPS.get().wrap(program, command);
    }
    ProcessBuilder builder = new ProcessBuilder(launched).redirectErrorStream(true);
    if (invocation.workingDirectory() != null) {
      builder.directory(invocation.workingDirectory().toFile());
    }
    builder.environment().putAll(invocation.environment());
    log.debug("running " + String.join(" ", command)
        + (invocation.workingDirectory() == null ? "" : " in " + invocation.workingDirectory()));

    Writer logFile = openLogFile(invocation.logFile());
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      closeQuietly(logFile);
      throw new SrHlsException("cannot start " + invocation.tool() + " (" + command.get(0) + "): " + e.getMessage()
          + "; check that it is installed and on the PATH", e);
    }
    Thread stopOnShutdown = new Thread(() -> destroyTree(process), "sr-hls stop " + invocation.tool());
    try {
      Runtime.getRuntime().addShutdownHook(stopOnShutdown);
    } catch (IllegalStateException e) {
      destroyTree(process);
      closeQuietly(logFile);
      throw new SrHlsException("the build is shutting down; stopped " + invocation.tool(), e);
    }
    try {
      OutputPump pump = new OutputPump(invocation, process, logFile);
      Thread reader = new Thread(pump, "sr-hls " + invocation.tool() + " output");
      reader.setDaemon(true);
      reader.start();
      boolean finished = waitLogging(invocation, process, started);
      if (!finished) {
        destroyTree(process);
        throw new SrHlsException(invocation.tool() + " did not finish within " + human(invocation.timeout())
            + "; stopped it and its child processes (raise the timeout if it needs longer)");
      }
      Duration duration = Duration.ofNanos(System.nanoTime() - started);
      // The watchdog ends what the program left running in its process group once the input closes. The JVM closes
      // it on exit too, but not while its reaper thread waits for the output stream, which the pump holds.
      closeQuietly(process.getOutputStream());
      // What is left in the pipe takes milliseconds to read. Longer means a background grandchild, no longer
      // reachable as a descendant, holds the pipe open: do not wait for it.
      reader.join(DRAIN.toMillis());
      if (reader.isAlive()) {
        log.warn(invocation.tool() + " exited but a process it left in the background still holds its output open; "
            + "not waiting for it");
      }
      pump.failure().ifPresent(e -> {
        throw new SrHlsException("lost output of " + invocation.tool() + " (reading it or writing "
            + invocation.logFile() + "): " + e.getMessage(), e);
      });
      return new ToolResult(invocation.tool(), process.pid(), process.exitValue(), pump.lines(), duration);
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw new SrHlsException(invocation.tool() + " was interrupted; stopped it and its child processes", e);
    } finally {
      removeHook(stopOnShutdown);
      closeQuietly(logFile);
    }
  }

  /**
   * Waits for the program until its timeout, saying every {@link #HEARTBEAT} that it is still running, so a long
   * simulation or vendor run does not look hung.
   *
   * @return whether it finished in time
   */
  private boolean waitLogging(ToolInvocation invocation, Process process, long started) throws InterruptedException {
    long deadline = started + invocation.timeout().toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return !process.isAlive();
      }
      if (process.waitFor(Math.min(left, heartbeat.toNanos()), TimeUnit.NANOSECONDS)) {
        return true;
      }
      if (deadline - System.nanoTime() > 0) {
        log.info(invocation.tool() + " still running after "
            + human(Duration.ofNanos(System.nanoTime() - started).withNanos(0)) + " (time limit "
            + human(invocation.timeout()) + ")");
      }
    }
  }

  /** The command as started: long argument lists go into the argument file when one is allowed. */
  private static List<String> commandLine(ToolInvocation invocation) {
    List<String> command = invocation.command();
    List<String> arguments = command.subList(1, command.size());
    int length = arguments.stream().mapToInt(a -> a.length() + 1).sum();
    if (invocation.argumentFile() == null || length <= ARGUMENT_FILE_THRESHOLD) {
      return command;
    }
    StringBuilder content = new StringBuilder();
    for (String argument : arguments) {
      content.append(quoteForArgumentFile(argument)).append('\n');
    }
    try {
      Files.createDirectories(invocation.argumentFile().toAbsolutePath().getParent());
      Files.writeString(invocation.argumentFile(), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot write the argument file " + invocation.argumentFile() + ": " + e.getMessage(),
          e);
    }
    return List.of(command.get(0), "@" + invocation.argumentFile());
  }

  /**
   * Quotes one argument the way gcc's and clang's {@code @file} reader expects: a backslash makes the next
   * character literal, so escaping every whitespace, quote and backslash keeps the argument intact.
   */
  static String quoteForArgumentFile(String argument) {
    if (argument.isEmpty()) {
      return "''";
    }
    StringBuilder b = new StringBuilder(argument.length() + 8);
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (Character.isWhitespace(c) || c == '\\' || c == '\'' || c == '"') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * Stops a process and everything it started. Where programs run in process groups of their own, closing the
   * program's input has its watchdog end the whole group ({@link ProcessGroups}). What is still running after that,
   * or everywhere else, is stopped here: the descendants are listed before the parent dies, because orphans are no
   * longer reachable through it afterwards.
   */
  static void destroyTree(Process process) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    process.descendants().forEach(tree::add);
    tree.add(process.toHandle());
    if (GROUPS.isPresent()) {
      closeQuietly(process.getOutputStream());
      awaitExit(tree, GRACE.plusSeconds(1));
    }
    tree.forEach(ProcessHandle::destroy);
    awaitExit(tree, GRACE);
    Set<ProcessHandle> survivors = new LinkedHashSet<>();
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.descendants().forEach(survivors::add);
        survivors.add(handle);
      }
    }
    survivors.forEach(ProcessHandle::destroyForcibly);
  }

  /** Waits until every process has exited, or the time is up. */
  private static void awaitExit(Set<ProcessHandle> processes, Duration limit) {
    CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // still running: the caller goes on to the next, harder step
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook runs and stops the process
    }
  }

  private static Writer openLogFile(Path file) {
    if (file == null) {
      return null;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SrHlsException("cannot write the log file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Closes a log file (a convenience copy: its lines were already logged) or a program's input. */
  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // nothing to add: a log file's lines were logged, and a closed input is what was asked for
    }
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s >= 1 ? s + " s" : d.toMillis() + " ms";
  }

  /** Reads the program's output until it closes, logging, capturing and copying each line. */
  private final class OutputPump implements Runnable {
    private final ToolInvocation invocation;
    private final Process process;
    private final Writer logFile;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private volatile IOException failure;

    OutputPump(ToolInvocation invocation, Process process, Writer logFile) {
      this.invocation = invocation;
      this.process = process;
      this.logFile = logFile;
    }

    @Override
    public void run() {
      String prefix = "[" + invocation.tool() + ":" + process.pid() + "] ";
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (invocation.chatty()) {
            log.debug(prefix + line);
          } else {
            log.info(prefix + line);
          }
          if (lines.size() < MAX_CAPTURED_LINES) {
            lines.add(line);
          }
          if (invocation.listener() != null) {
            invocation.listener().accept(line);
          }
          if (logFile != null) {
            logFile.write(line);
            logFile.write('\n');
          }
        }
        if (logFile != null) {
          logFile.flush();
        }
      } catch (IOException e) {
        failure = e;
      }
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    Optional<IOException> failure() {
      return Optional.ofNullable(failure);
    }
  }
}
