package io.github.srhls.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParallelInOrderTest {

  /** Keeps every line with the thread that printed it. */
  private static final class Recording implements BuildLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
      lines.add("info " + message);
      threads.add(Thread.currentThread());
    }

    @Override
    public void warn(String message) {
      lines.add("warn " + message);
      threads.add(Thread.currentThread());
    }

    @Override
    public void debug(String message) {
      lines.add("debug " + message);
      threads.add(Thread.currentThread());
    }
  }

  @Test
  void linesComeInTaskOrderOnTheCallingThreadWhateverOrderTheTasksEndIn() {
    // the last task ends first: task k waits until task k+1 has logged its last line
    int n = 4;
    List<CountDownLatch> done = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      done.add(new CountDownLatch(1));
    }
    List<Function<BuildLog, Integer>> tasks = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int task = k;
      tasks.add(log -> {
        try {
          if (task + 1 < n && !done.get(task + 1).await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the tasks did not run at once");
          }
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        log.info(task + " starts");
        log.warn(task + " warns");
        log.info(task + " ends");
        done.get(task).countDown();
        return task * 10;
      });
    }
    Recording log = new Recording();
    assertEquals(List.of(0, 10, 20, 30), ParallelInOrder.run(tasks, n, log));
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      expected.addAll(List.of("info " + k + " starts", "warn " + k + " warns", "info " + k + " ends"));
    }
    assertEquals(expected, log.lines);
    assertEquals(Collections.nCopies(expected.size(), Thread.currentThread()), log.threads);
  }

  @Test
  void theFirstTasksExceptionIsThrownOnceEveryTaskHasEndedAndLogged() {
    Recording log = new Recording();
    List<Function<BuildLog, String>> tasks = List.of(
        l -> "a",
        l -> {
          l.info("b fails");
          throw new IllegalStateException("b");
        },
        l -> {
          l.info("c fails");
          throw new IllegalArgumentException("c");
        },
        l -> {
          l.info("d ran");
          return "d";
        });
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelInOrder.run(tasks, 3, log));
    assertEquals("b", e.getMessage());
    assertEquals(List.of("info b fails", "info c fails", "info d ran"), log.lines);
  }

  @Test
  void oneThreadRunsTheTasksInOrderOnTheCallingThread() {
    Recording log = new Recording();
    List<Function<BuildLog, String>> tasks = List.of(l -> {
      l.info("x");
      return "x";
    }, l -> {
      l.infoOncePerBuild("y");
      return "y";
    });
    assertEquals(List.of("x", "y"), ParallelInOrder.run(tasks, 1, log));
    assertEquals(List.of("info x", "info y"), log.lines);
  }
}
