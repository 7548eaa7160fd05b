package dev.skiff.bench;

import java.io.IOException;

/**
 * One caller's connection to a benchmark peer, holding the payload it sends. One thread makes the
 * calls, except for peers that {@linkplain Peer#multiplexes multiplex}, whose callers many threads
 * share in the {@code shared} workload.
 */
interface Caller extends AutoCloseable {
  /**
   * One synchronous round trip: sends the payload and waits for the echo.
   *
   * @return the length of the reply, which the harness checks
   */
  int call() throws Exception;

  @Override
  void close() throws IOException;
}
