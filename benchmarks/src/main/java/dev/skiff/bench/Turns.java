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

  /** Round trips of one connection: their histogram, how many, and the time they took. */
  static final class Tally {
    final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
    long calls;
    long nanos;

    /** Sequential calls on {@code caller} for {@code forNanos}, each one recorded. */
    void measure(Caller caller, int size, String who, long forNanos) throws Exception {
      long start = System.nanoTime();
      long end = start + forNanos;
      long now = start;
      while (now - end < 0) {
        int length = caller.call();
        long after = System.nanoTime();
        histogram.recordValue(after - now);
        check(length, size, who);
        now = after;
        calls++;
      }
      nanos += now - start;
    }

    double p50Micros() {
      return histogram.getValueAtPercentile(50) / 1e3;
    }
  }

  /** Unrecorded calls on {@code caller} for {@code millis}. */
  static void warm(Caller caller, int size, String who, long millis) throws Exception {
    long until = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() - until < 0) {
      check(caller.call(), size, who);
    }
  }

  /**
   * Warms each caller for {@code warmupMillis} in turn, then measures them taking turns for {@code
   * measureMillis} each.
   *
   * @param labels what the callers are, for errors
   * @return one tally per caller, in the order of {@code callers}
   */
  static Tally[] run(
      List<Caller> callers,
      List<String> labels,
      int size,
      long warmupMillis,
      long measureMillis,
      Hook hook)
      throws Exception {
    int n = callers.size();
    Tally[] tallies = new Tally[n];
    for (int i = 0; i < n; i++) {
      warm(callers.get(i), size, labels.get(i), warmupMillis);
      tallies[i] = new Tally();
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
        tallies[i].measure(caller, size, labels.get(i), slice);
        hook.sliceEnded(i);
      }
    }
    return tallies;
  }

  static void check(int length, int size, String who) {
    if (length != size) {
      throw new IllegalStateException(
          who + " replied with " + length + " bytes to a call of " + size);
    }
  }
}
