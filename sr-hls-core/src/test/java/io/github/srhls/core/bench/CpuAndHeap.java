package io.github.srhls.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks measure beside wall time: CPU time, this JVM's and its children's (so that other work on the
 * machine matters less), and the peak heap.
 */
final class CpuAndHeap {
  /** Clock ticks a second in {@code /proc}: USER_HZ on Linux. */
  static final double TICKS = 100.0;

  private CpuAndHeap() {}

  /**
   * User + system time of this JVM's children that have ended and been waited for, in clock ticks, from
   * {@code /proc/self/stat} (Linux): it counts a compiler with everything it starts.
   */
  static long childTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields from the state (field 3): cutime is field 16, cstime field 17
    return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
  }

  /** The CPU time of this JVM, all its threads, in milliseconds. */
  static long jvmMillis() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
  }

  /** Collects the garbage and starts counting the peak heap afresh. */
  static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The most heap in use since {@link #resetPeaks}, garbage included. */
  static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }
}
