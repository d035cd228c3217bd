package io.github.srhls.core.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent tasks (one per model) on up to {@code threads} threads, and gives the build log exactly the
 * lines a serial run would give, in the same order: each task logs into its own queue, and the calling thread
 * prints the first task's lines as they come, then the second's (held back until then), and so on. All printing
 * happens on the calling thread, the one Maven runs the goal on.
 */
public final class ParallelInOrder {
  /** The bound by default: the machine's cores, as the JVM sees them (a container's limit included). */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private ParallelInOrder() {}

  /**
   * The tasks' results in task order. With one thread or one task they run on the calling thread, one after the
   * other, logging straight to {@code log}.
   *
   * @throws RuntimeException the first task's (in task order) unchecked exception, once every task has ended
   */
  public static <T> List<T> run(List<Function<BuildLog, T>> tasks, int threads, BuildLog log) {
    int n = Math.min(threads, tasks.size());
    if (n <= 1) {
      List<T> results = new ArrayList<>(tasks.size());
      tasks.forEach(t -> results.add(t.apply(log)));
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(n, daemonThreads());
    try {
      List<BlockingQueue<Consumer<BuildLog>>> queues = new ArrayList<>();
      List<Future<T>> futures = new ArrayList<>();
      for (Function<BuildLog, T> task : tasks) {
        BlockingQueue<Consumer<BuildLog>> queue = new LinkedBlockingQueue<>();
        queues.add(queue);
        futures.add(pool.submit(() -> {
          try {
            return task.apply(new QueueLog(queue));
          } finally {
            queue.add(END);
          }
        }));
      }
      for (BlockingQueue<Consumer<BuildLog>> queue : queues) {
        for (Consumer<BuildLog> line = queue.take(); line != END; line = queue.take()) {
          line.accept(log);
        }
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SrHlsException("interrupted while waiting for the models' work to finish", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The end of a task's lines. */
  private static final Consumer<BuildLog> END = log -> {};

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "sr-hls-model-" + count.incrementAndGet());
      t.setDaemon(true); // never keeps Maven's JVM alive
      return t;
    };
  }

  /** A task's log: every line is queued for the calling thread to print. */
  private record QueueLog(BlockingQueue<Consumer<BuildLog>> queue) implements BuildLog {
    @Override
    public void info(String message) {
      queue.add(log -> log.info(message));
    }

    @Override
    public void warn(String message) {
      queue.add(log -> log.warn(message));
    }

    @Override
    public void debug(String message) {
      queue.add(log -> log.debug(message));
    }

    @Override
    public void infoOncePerBuild(String message) {
      queue.add(log -> log.infoOncePerBuild(message));
    }
  }
}
