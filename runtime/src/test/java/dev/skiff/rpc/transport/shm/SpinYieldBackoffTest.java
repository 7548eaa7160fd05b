package dev.skiff.rpc.transport.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpinYieldBackoffTest {
  /** Records what the back-off asked for instead of doing it. */
  private static final class Recorded implements SpinYieldBackoff.Waits {
    final List<String> steps = new ArrayList<>();

    @Override
    public void spin() {
      steps.add("spin");
    }

    @Override
    public void yieldCore() {
      steps.add("yield");
    }

    @Override
    public void park(long nanos) {
      steps.add("park " + nanos);
    }

    List<String> take() {
      List<String> taken = List.copyOf(steps);
      steps.clear();
      return taken;
    }
  }

  private final Recorded waits = new Recorded();

  private List<String> idle(SpinYieldBackoff backoff, int times) {
    for (int i = 0; i < times; i++) {
      backoff.idle(0);
    }
    return waits.take();
  }

  @Test
  void spinsYieldingEveryFewThenYieldsThenParksLongerUpToTheMaximum() {
    SpinYieldBackoff backoff = new SpinYieldBackoff(waits, 6, 3, 2, 10, 35);

    assertEquals(
        List.of(
            "spin", "spin", "yield", "spin", "spin", "yield", // spinning, a yield every third
            "yield", "yield", // then yielding
            "park 10", "park 20", "park 35", "park 35"), // then parking, doubling to the cap
        idle(backoff, 12));
  }

  @Test
  void workDoneStartsOverFromSpinning() {
    SpinYieldBackoff backoff = new SpinYieldBackoff(waits, 2, 100, 1, 5, 5);
    idle(backoff, 4);

    backoff.idle(1);

    assertEquals(List.of(), waits.take(), "work done waits for nothing");
    assertEquals(List.of("spin", "spin", "yield", "park 5"), idle(backoff, 4));
  }

  @Test
  void resetStartsOverFromSpinning() {
    SpinYieldBackoff backoff = new SpinYieldBackoff(waits, 1, 100, 0, 4, 8);
    assertEquals(List.of("spin", "park 4", "park 8"), idle(backoff, 3));

    backoff.reset();

    assertEquals(List.of("spin", "park 4"), idle(backoff, 2));
  }

  @Test
  void refusesBackOffsThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> new SpinYieldBackoff(waits, 1, 0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new SpinYieldBackoff(waits, 1, 1, 1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new SpinYieldBackoff(waits, 1, 1, 1, 9, 8));
  }
}
