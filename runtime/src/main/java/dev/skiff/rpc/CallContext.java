package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call a server handler is serving, and whether its caller has given up on it.
 *
 * <p>{@link #current()} returns it on the thread that runs the handler (and the interceptors), for
 * the duration of that invocation; an asynchronous handler that wants it later keeps the reference.
 * The call is <em>cancelled</em> when nobody can receive its reply any more: the client's
 * connection closed (the client went away, or closed its channel), or the server shut the
 * connection down ({@link Server#shutdownNow()}, or a graceful shutdown whose grace period ran
 * out). A long-running handler can poll {@link #isCancelled()} or register {@link #onCancel} and
 * stop early; its reply, if it sends one, is dropped.
 *
 * <p>Deadlines: plain Thrift carries no deadline or timeout on the wire, so a server cannot learn
 * how long its caller will wait (THeader, which can, is not supported). A client's call timeout
 * ends the wait on the client only; the server learns that its caller gave up only when the
 * connection closes.
 *
 * <p>Thread-safe.
 */
public final class CallContext {
  private static final Logger log = LoggerFactory.getLogger(CallContext.class);
  private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

  private final CallInfo call;
  private volatile boolean cancelled;
  private List<Runnable> listeners; // guarded by this; null once cancelled

  // Created and cancelled by the server, through dev.skiff.rpc.internal.CallContexts.
  private CallContext(CallInfo call) {
    this.call = requireNonNull(call, "call");
    this.listeners = new ArrayList<>(0);
  }

  /**
   * The call the current thread is serving.
   *
   * @throws IllegalStateException when called outside a handler or server interceptor invocation
   */
  public static CallContext current() {
    CallContext context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException("no Skiff server call is running on this thread");
    }
    return context;
  }

  /** What the call is: service, method, peer. */
  public CallInfo call() {
    return call;
  }

  /** Whether the caller can no longer receive the reply. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code listener} once when the call is cancelled, on the thread that cancels it (an event
   * loop: keep it short); at once on this thread if it already is. Listeners of calls that finish
   * without being cancelled never run.
   */
  public void onCancel(Runnable listener) {
    requireNonNull(listener, "listener");
    synchronized (this) {
      if (listeners != null) {
        listeners.add(listener);
        return;
      }
    }
    listener.run();
  }

  @SuppressWarnings("unused") // called through CallContexts
  private void cancel() {
    List<Runnable> toRun;
    synchronized (this) {
      if (listeners == null) {
        return;
      }
      cancelled = true;
      toRun = listeners;
      listeners = null;
    }
    for (Runnable listener : toRun) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.warn("a cancellation listener of {}.{} failed", call.service(), call.method(), e);
      }
    }
  }

  @SuppressWarnings("unused") // called through CallContexts
  private static CallContext enter(CallContext context) {
    CallContext previous = CURRENT.get();
    // set(null) rather than remove(): the thread's map keeps its entry, and the next call on this
    // thread (a handler thread serves call after call) sets it without allocating a new one.
    CURRENT.set(context);
    return previous;
  }

  @Override
  public String toString() {
    return "CallContext["
        + call.service()
        + "."
        + call.method()
        + (cancelled ? ", cancelled]" : "]");
  }
}
