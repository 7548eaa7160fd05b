package dev.skiff.rpc.transport.netty;

import dev.skiff.rpc.internal.CallTimeoutWheel;
import dev.skiff.rpc.transport.FrameConnection;
import io.netty.channel.EventLoop;
import io.netty.util.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * Call timeouts scheduled from outside a channel's event loop. Scheduling one on the event loop
 * from another thread wakes that loop (a task for its queue), which for a blocking caller costs a
 * context switch per call on top of the write's; the shared {@link CallTimeoutWheel} takes it
 * without waking any thread. A fired timeout runs on the channel's event loop, as one scheduled
 * there would.
 */
final class CallTimeouts {
  private CallTimeouts() {}

  static FrameConnection.Cancellable schedule(EventLoop loop, Runnable task, long delayNanos) {
    Timeout timeout =
        CallTimeoutWheel.get()
            .newTimeout(fired -> loop.execute(task), delayNanos, TimeUnit.NANOSECONDS);
    return timeout::cancel;
  }
}
