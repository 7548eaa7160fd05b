package dev.skiff.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Sequential sync calls on several connections taking turns: slices of at most {@link
 * #SLICE_MILLIS} ms, each round in a different order, until each connection has had its measured
 * time. On this machine what a cross-core round trip costs drifts by several microseconds over
 * seconds; peers measured one after another meet different drifts, peers taking turns meet the
 * same, so that the differences between them are theirs. Each slice starts with a few calls that
 * are not recorded, as the others' turns let the caches cool.
 */
final class Turns {
  /** The longest turn a connection gets. */
  static final long SLICE_MILLIS = 100;

  /** Unrecorded calls at the start of each turn. */
  private static final int CALLS_BEFORE_SLICE = 20;

  private Turns() {}

  /** Told around each measured slice, outside its timing. */
  interface Hook {
    void sliceStarts(int caller) throws Exception;

    void sliceEnded(int caller) throws Exception;
  }

  static final Hook NO_HOOK =
      new Hook() {
        @Override
        public void sliceStarts(int caller) {}

        @Override
        public void sliceEnded(int caller) {}
      };

  /** What one connection measured: its round trips, how many, over how long. */
  record Measured(Histogram histogram, long calls, long nanos) {
    double p50Micros() {
      return histogram.getValueAtPercentile(50) / 1e3;
    }
  }

  /**
   * Warms each caller for {@code warmupMillis} in turn, then measures them taking turns for {@code
   * measureMillis} each.
   *
   * @param labels what the callers are, for errors
   * @return one result per caller, in the order of {@code callers}
   */
  static Measured[] run(
      List<Caller> callers,
      List<String> labels,
      int size,
      long warmupMillis,
      long measureMillis,
      Hook hook)
      throws Exception {
    int n = callers.size();
    Histogram[] histograms = new Histogram[n];
    long[] calls = new long[n];
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long warmUntil = System.nanoTime() + warmupMillis * 1_000_000L;
      while (System.nanoTime() - warmUntil < 0) {
        check(callers.get(i).call(), size, labels.get(i));
      }
      histograms[i] = new Histogram(3_600_000_000_000L, 3);
    }
    long slice = Math.min(SLICE_MILLIS, measureMillis) * 1_000_000L;
    long rounds = (measureMillis * 1_000_000L + slice - 1) / slice;
    for (int round = 0; round < rounds; round++) {
      for (int turn = 0; turn < n; turn++) {
        int i = (round + turn) % n;
        Caller caller = callers.get(i);
        for (int k = 0; k < CALLS_BEFORE_SLICE; k++) {
          check(caller.call(), size, labels.get(i));
        }
        hook.sliceStarts(i);
        long start = System.nanoTime();
        long end = start + slice;
        long now = start;
        while (now - end < 0) {
          int length = caller.call();
          long after = System.nanoTime();
          histograms[i].recordValue(after - now);
          check(length, size, labels.get(i));
          now = after;
          calls[i]++;
        }
        nanos[i] += now - start;
        hook.sliceEnded(i);
      }
    }
    Measured[] measured = new Measured[n];
    for (int i = 0; i < n; i++) {
      measured[i] = new Measured(histograms[i], calls[i], nanos[i]);
    }
    return measured;
  }

  static void check(int length, int size, String who) {
    if (length != size) {
      throw new IllegalStateException(
          who + " replied with " + length + " bytes to a call of " + size);
    }
  }
}
