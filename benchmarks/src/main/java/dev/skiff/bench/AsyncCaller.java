package dev.skiff.bench;

import java.util.function.Consumer;

/**
 * One connection over which many calls of the same payload can be in flight at once. Thread-safe: a
 * call may be started from any thread, including the one that completes another.
 */
interface AsyncCaller extends AutoCloseable {
  /**
   * Starts one call.
   *
   * @param done told, on whichever thread completes the call, null for success or the failure
   */
  void start(Consumer<Throwable> done);

  @Override
  void close();
}
