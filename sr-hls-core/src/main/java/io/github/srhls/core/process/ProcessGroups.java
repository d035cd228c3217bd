package io.github.srhls.core.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts each program in a session and process group of its own, so that it ends with everything it started, and
 * ends with the build even when the JVM is killed with SIGKILL (Linux and other Unix systems with {@code setsid}).
 *
 * <p>How: the program is started through a fixed {@code /bin/sh} script that gets the program and its arguments as
 * positional parameters (so nothing of them is ever interpreted by a shell). The script starts a watchdog in the
 * background, then replaces itself with {@code setsid program args…}: {@code setsid} makes the program, under the
 * very process id the JVM started, the leader of a new session and process group. (setsid forks only when it runs
 * as a process group leader, which a process the JVM starts never is; so no {@code -w}, which busybox lacks.) Every process it starts stays in
 * that group unless it leaves it on purpose (calls setsid or setpgid itself), including a grandchild orphaned by a
 * double fork, which is no longer a descendant the JVM could find.
 *
 * <p>The watchdog reads the program's standard input, a pipe whose only writer is the JVM, which never writes to it.
 * The read ends at end of file, which comes when the JVM closes the pipe: when the program exited (the JVM closes a
 * process's input then), when sr-hls stops it (timeout, interrupt, shutdown hook), or when the JVM died, however it
 * died (the kernel closes its files). The watchdog then sends SIGTERM to the whole group, waits up to two seconds
 * and sends SIGKILL to what is left. So a compiler dies with a Maven that was SIGKILLed, and a program that exits
 * leaves nothing running behind it. A watchdog needs no polling, native code or parent-death signal (which would
 * fire on the death of the JVM thread that started the program, not of the JVM).
 *
 * <p>Where {@code setsid} or {@code /bin/sh} is missing (Windows, macOS) programs start directly; sr-hls then stops
 * the descendants it can still see, as Java lists them.
 */
final class ProcessGroups {

  /**
   * {@code $0} is a name for {@code ps}, {@code $1} the path of setsid, then the program and its arguments.
   * The watchdog reads the input through a copy (fd 3): a background job's own input is /dev/null. Its output goes
   * to /dev/null so it does not hold the program's output open. It ignores SIGINT (a background job of a
   * non-interactive shell), so Ctrl-C in a terminal reaches it only through the JVM.
   */
  static final String SCRIPT = """
      setsid=$1
      shift
      exec 3<&0
      {
        while read -r _; do :; done
        kill -TERM -$$ || exit 0
        n=0
        while [ "$n" -lt 20 ] && kill -0 -$$; do sleep 0.1; n=$((n + 1)); done
        kill -KILL -$$
      } <&3 3<&- >/dev/null 2>&1 &
      exec 3<&- "$setsid" "$@"
      """;

  private static final Path SHELL = Path.of("/bin/sh");

  private final Path setsid;

  private ProcessGroups(Path setsid) {
    this.setsid = setsid;
  }

  /** The launcher of this system, if it has what it needs. */
  static Optional<ProcessGroups> find() {
    if (System.getProperty("os.name", "").startsWith("Windows") || !Files.isExecutable(SHELL)) {
      return Optional.empty();
    }
    Optional<Path> found = Executables.onPath("setsid", System.getenv("PATH"));
    if (found.isEmpty()) {
      found = Executables.in(Path.of("/usr/bin"), "setsid").or(() -> Executables.in(Path.of("/bin"), "setsid"));
    }
    return found.map(ProcessGroups::new);
  }

  /**
   * The command that runs {@code command} in its own process group under the watchdog.
   *
   * @param program the program, resolved as the JVM would start it (setsid would look for it on the program's own
   *     PATH, which may differ)
   */
  List<String> wrap(Path program, List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", SCRIPT, "sr-hls-tool",
        setsid.toString(), program.toString()));
    wrapped.addAll(command.subList(1, command.size()));
    return wrapped;
  }
}
