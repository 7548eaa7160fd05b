package dev.skiff.rpc.rpc;

import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;

/** The transport suite over TCP with channels whose callers do their own I/O. */
class TcpCallerThreadTransportTest extends TcpTransportTest {
  @Override
  Channel.Builder configure(Channel.Builder builder) {
    return builder.ioMode(IoMode.CALLER_THREAD);
  }
}
