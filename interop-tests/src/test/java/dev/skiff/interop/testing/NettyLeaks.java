package dev.skiff.interop.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Turns Netty's leak reports into test failures.
 *
 * <p>{@link LeakDetectorInstaller} installs {@link #FACTORY} when the test run starts, before any
 * buffer class is loaded; from then on every leak the (paranoid) detector finds is recorded here. A
 * leak is only found after the garbage collector has reclaimed the buffer and a later allocation
 * polls the detector, so {@link #assertNoLeaks()} deliberately leaks a tagged canary buffer and
 * collects garbage until the canary is reported: by then the earlier leaks have been reported too.
 * A run in which the canary never shows up fails, which also proves the detector is installed.
 */
public final class NettyLeaks {
  private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();
  private static final Duration CANARY_TIMEOUT = Duration.ofSeconds(20);

  static final ResourceLeakDetectorFactory FACTORY =
      new ResourceLeakDetectorFactory() {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            Class<T> resource, int samplingInterval) {
          return new RecordingDetector<>(resource, samplingInterval);
        }

        // Abstract, so it must be implemented, though Netty deprecates it.
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
            Class<T> resource, int samplingInterval, long maxActive) {
          return newResourceLeakDetector(resource, samplingInterval);
        }
      };

  private NettyLeaks() {}

  /** Fails with every leak recorded since the last call. */
  public static void assertNoLeaks() {
    String canary = "leak-canary-" + UUID.randomUUID();
    leakCanary(canary);
    long deadline = System.nanoTime() + CANARY_TIMEOUT.toNanos();
    while (LEAKS.stream().noneMatch(l -> l.contains(canary))) {
      if (System.nanoTime() > deadline) {
        fail("the leak canary was never reported: is NettyLeaks' detector installed?");
      }
      System.gc();
      // Each allocation makes the detector poll its queue of collected buffers.
      ByteBufAllocator.DEFAULT.buffer(1).release();
    }
    List<String> leaks =
        LEAKS.stream().filter(l -> !l.contains(canary)).collect(Collectors.toList());
    LEAKS.clear();
    if (!leaks.isEmpty()) {
      fail(leaks.size() + " leaked buffer(s):\n" + String.join("\n\n", leaks));
    }
  }

  private static void leakCanary(String hint) {
    ByteBuf canary = ByteBufAllocator.DEFAULT.buffer(1);
    canary.touch(hint);
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add("LEAK " + resourceType + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add("LEAK " + resourceType + " (untraced)");
    }
  }
}
