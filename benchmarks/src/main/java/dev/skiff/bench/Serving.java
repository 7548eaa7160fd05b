package dev.skiff.bench;

import java.io.IOException;

/** A benchmark peer's server side, running in the server JVM until closed. */
interface Serving extends AutoCloseable {
  /** Where clients reach it, in the form its {@link Peer}'s callers take. */
  String address();

  @Override
  void close() throws IOException;
}
