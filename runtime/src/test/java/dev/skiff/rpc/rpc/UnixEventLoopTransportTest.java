package dev.skiff.rpc.rpc;

import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;

/** The transport suite over Unix domain sockets with channels whose I/O a Netty event loop does. */
class UnixEventLoopTransportTest extends UnixTransportTest {
  @Override
  Channel.Builder configure(Channel.Builder builder) {
    return builder.ioMode(IoMode.EVENT_LOOP);
  }
}
