package dev.skiff.rpc.internal;

import io.netty.util.HashedWheelTimer;
import java.util.concurrent.TimeUnit;

/**
 * The hashed wheel that socket transports schedule call timeouts on: taking a timeout wakes no
 * thread, and a 10 ms tick is plenty for call timeouts. One daemon thread for the process.
 */
public final class CallTimeoutWheel {
  private static final HashedWheelTimer WHEEL =
      new HashedWheelTimer(
          runnable -> {
            Thread thread = new Thread(runnable, "skiff-call-timeouts");
            thread.setDaemon(true);
            return thread;
          },
          10,
          TimeUnit.MILLISECONDS,
          512);

  private CallTimeoutWheel() {}

  /** The shared wheel; its tasks run on its own thread and must be short. */
  public static HashedWheelTimer get() {
    return WHEEL;
  }
}
