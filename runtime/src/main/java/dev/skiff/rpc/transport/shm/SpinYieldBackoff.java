package dev.skiff.rpc.transport.shm;

import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;

/**
 * The default receiver back-off ({@link ShmConfig.IdleMode#BACKOFF}): spin, giving the core away
 * every {@code yieldEvery} spins; then yield; then sleep for periods doubling up to a maximum.
 *
 * <p>Agrona's {@code BackoffIdleStrategy} spins without a break before it first yields. When the
 * peer runs on the same core, that spin is time the peer cannot run: a server that spun 2,000 times
 * after each reply kept its caller on the same core waiting, and a 32-byte round trip took 124 µs.
 * A yield now and then hands the core over at once when a thread waits for it, and costs one system
 * call per {@code yieldEvery} spins when none does (9 µs on one core, unchanged across cores).
 *
 * <p>Not thread-safe: one per waiting thread.
 */
final class SpinYieldBackoff implements IdleStrategy {
  /** How a thread waits; the real thing outside tests. */
  interface Waits {
    Waits THREAD =
        new Waits() {
          @Override
          public void spin() {
            Thread.onSpinWait();
          }

          @Override
          public void yieldCore() {
            Thread.yield();
          }

          @Override
          public void park(long nanos) {
            LockSupport.parkNanos(nanos);
          }
        };

    void spin();

    void yieldCore();

    void park(long nanos);
  }

  private final Waits waits;
  private final int spins;
  private final int yieldEvery;
  private final int yields;
  private final long minParkNanos;
  private final long maxParkNanos;

  private int spun;
  private int yielded;
  private long parkNanos;

  SpinYieldBackoff(int spins, int yieldEvery, int yields, long minParkNanos, long maxParkNanos) {
    this(Waits.THREAD, spins, yieldEvery, yields, minParkNanos, maxParkNanos);
  }

  SpinYieldBackoff(
      Waits waits, int spins, int yieldEvery, int yields, long minParkNanos, long maxParkNanos) {
    if (spins < 0
        || yieldEvery < 1
        || yields < 0
        || minParkNanos < 1
        || maxParkNanos < minParkNanos) {
      throw new IllegalArgumentException(
          String.format(
              "back-off needs spins >= 0, yieldEvery >= 1, yields >= 0 and 1 <= minParkNanos <="
                  + " maxParkNanos; got %d, %d, %d, %d, %d",
              spins, yieldEvery, yields, minParkNanos, maxParkNanos));
    }
    this.waits = waits;
    this.spins = spins;
    this.yieldEvery = yieldEvery;
    this.yields = yields;
    this.minParkNanos = minParkNanos;
    this.maxParkNanos = maxParkNanos;
    reset();
  }

  @Override
  public void idle(int workCount) {
    if (workCount > 0) {
      reset();
    } else {
      idle();
    }
  }

  @Override
  public void idle() {
    if (spun < spins) {
      if (++spun % yieldEvery == 0) {
        waits.yieldCore();
      } else {
        waits.spin();
      }
    } else if (yielded < yields) {
      yielded++;
      waits.yieldCore();
    } else {
      waits.park(parkNanos);
      parkNanos = Math.min(parkNanos * 2, maxParkNanos);
    }
  }

  @Override
  public void reset() {
    spun = 0;
    yielded = 0;
    parkNanos = minParkNanos;
  }

  @Override
  public String alias() {
    return "spin-yield-backoff";
  }
}
