package dev.skiff.rpc.rpc;

/** The transport suite over TCP, with default channels: callers do their own I/O. */
class TcpTransportTest extends AbstractTransportTest {
  @Override
  String newAddress() {
    return "tcp://127.0.0.1:0";
  }
}
