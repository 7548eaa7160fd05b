package dev.skiff.rpc;

/**
 * Which threads do a client channel's socket I/O ({@code tcp://} and {@code unix://}; {@code
 * shm://} callers always poll their own replies). Set with {@link Channel.Builder#ioMode}; a
 * channel that sets none uses {@link #CALLER_THREAD} over plain sockets and {@link #EVENT_LOOP}
 * with TLS.
 */
public enum IoMode {
  /**
   * A Netty event loop, shared by all channels of the process, writes requests and reads replies. A
   * sync call pays two thread hand-offs (caller to event loop and back); async callbacks run on the
   * event loop. The only mode that supports TLS, and the default with it.
   */
  EVENT_LOOP,

  /**
   * The default for plain sockets. The calling thread writes its request and reads the reply
   * itself, as a classic blocking Thrift client does: a sync call costs no thread hand-off, which
   * makes it the fastest choice for threads that make one sync call at a time. Calls still share
   * the connection: while one caller reads, the others wait for it to hand them their replies, and
   * a reader thread reads the replies of async calls while any are outstanding (it ends after a
   * second with none). Callbacks run on whichever thread read the reply. Not with TLS.
   */
  CALLER_THREAD
}
