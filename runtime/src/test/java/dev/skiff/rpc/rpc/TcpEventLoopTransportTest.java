package dev.skiff.rpc.rpc;

import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;

/** The transport suite over TCP with channels whose I/O a Netty event loop does. */
class TcpEventLoopTransportTest extends TcpTransportTest {
  @Override
  Channel.Builder configure(Channel.Builder builder) {
    return builder.ioMode(IoMode.EVENT_LOOP);
  }
}
