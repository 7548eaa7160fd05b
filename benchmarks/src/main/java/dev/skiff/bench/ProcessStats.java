package dev.skiff.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and bytes allocated by this JVM over a while: process CPU time from the OS, and the
 * growth of each thread's allocated-bytes counter (HotSpot's). A thread that ends in the while is
 * missed, so allocation is a lower bound where a peer ends threads while measured.
 */
record ProcessStats(long cpuNanos, long allocatedBytes) {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static ProcessStats parse(String line) {
    String[] words = line.trim().split(" ");
    return new ProcessStats(Long.parseLong(words[1]), Long.parseLong(words[2]));
  }

  String format() {
    return "STATS " + cpuNanos + " " + allocatedBytes;
  }

  ProcessStats plus(ProcessStats other) {
    return new ProcessStats(cpuNanos + other.cpuNanos, allocatedBytes + other.allocatedBytes);
  }

  /** Where this JVM stands now; {@link #since} turns it into the use since then. */
  static final class Mark {
    private final long cpuNanos = OS.getProcessCpuTime();
    private final Map<Long, Long> allocated = allocatedByThread();

    ProcessStats since() {
      long cpu = OS.getProcessCpuTime() - cpuNanos;
      long bytes = 0;
      for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
        bytes += thread.getValue() - allocated.getOrDefault(thread.getKey(), 0L);
      }
      return new ProcessStats(cpu, bytes);
    }

    private static Map<Long, Long> allocatedByThread() {
      long[] ids = THREADS.getAllThreadIds();
      long[] bytes = THREADS.getThreadAllocatedBytes(ids);
      Map<Long, Long> byThread = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        if (bytes[i] >= 0) {
          byThread.put(ids[i], bytes[i]);
        }
      }
      return byThread;
    }
  }
}
