package dev.skiff.rpc;

/**
 * Which threads do a client channel's socket I/O ({@code tcp://} and {@code unix://}; {@code
 * shm://} callers always poll their own replies). Set with {@link Channel.Builder#ioMode}.
 */
public enum IoMode {
  /**
   * The default: a Netty event loop, shared by all channels of the process, writes requests and
   * reads replies. Calls of any thread and async calls in large numbers share a connection at the
   * lowest cost per call; a sync call pays two thread hand-offs (caller to event loop and back).
   */
  EVENT_LOOP,

  /**
   * The calling thread writes its request and reads the reply itself, as a classic blocking Thrift
   * client does: a sync call costs no thread hand-off, which makes it the fastest choice for
   * threads that make one sync call at a time. Calls still share the connection: while one caller
   * reads, the others wait for it to hand them their replies, and a reader thread per connection
   * reads the replies of async calls. Their callbacks then run on whichever thread read the reply.
   * Not with TLS.
   */
  CALLER_THREAD
}
