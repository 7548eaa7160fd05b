package dev.skiff.interop.rpc;

import dev.skiff.interop.Codecs;
import dev.skiff.interop.libthrift.Base;
import dev.skiff.interop.libthrift.Extended;
import dev.skiff.rpc.protocol.Protocol;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.thrift.TMultiplexedProcessor;
import org.apache.thrift.TProcessor;
import org.apache.thrift.server.TNonblockingServer;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * One of libthrift's non-blocking servers (framed transport, one protocol) on a free port of
 * 127.0.0.1, serving {@link LibthriftService} either plain or, through a {@link
 * TMultiplexedProcessor}, as "Extended" and "Base".
 */
final class LibthriftServer implements AutoCloseable {
  /** libthrift's two servers for framed, non-blocking connections. */
  enum Kind {
    THREADED_SELECTOR,
    NONBLOCKING
  }

  private final TServer server;
  private final TNonblockingServerSocket socket;
  private final Thread thread;

  private LibthriftServer(TServer server, TNonblockingServerSocket socket) {
    this.server = server;
    this.socket = socket;
    this.thread = new Thread(server::serve, "libthrift-server-" + socket.getPort());
    thread.setDaemon(true);
  }

  static LibthriftServer start(
      Kind kind, Protocol protocol, boolean multiplexed, LibthriftService service)
      throws TTransportException {
    TNonblockingServerSocket socket =
        new TNonblockingServerSocket(new InetSocketAddress("127.0.0.1", 0));
    TProcessor processor;
    if (multiplexed) {
      TMultiplexedProcessor mux = new TMultiplexedProcessor();
      mux.registerProcessor("Extended", new Extended.Processor<>(service));
      mux.registerProcessor("Base", new Base.Processor<>(service));
      processor = mux;
    } else {
      processor = new Extended.Processor<>(service);
    }
    TServer server =
        switch (kind) {
          case THREADED_SELECTOR ->
              new TThreadedSelectorServer(
                  new TThreadedSelectorServer.Args(socket)
                      .selectorThreads(1)
                      .workerThreads(2)
                      .processor(processor)
                      .protocolFactory(Codecs.libthriftFactory(protocol))
                      .transportFactory(new TFramedTransport.Factory()));
          case NONBLOCKING ->
              new TNonblockingServer(
                  new TNonblockingServer.Args(socket)
                      .processor(processor)
                      .protocolFactory(Codecs.libthriftFactory(protocol))
                      .transportFactory(new TFramedTransport.Factory()));
        };
    LibthriftServer started = new LibthriftServer(server, socket);
    started.thread.start();
    Await.until(server::isServing, Duration.ofSeconds(10), "libthrift's " + kind + " server");
    return started;
  }

  String address() {
    return "tcp://127.0.0.1:" + socket.getPort();
  }

  @Override
  public void close() throws InterruptedException {
    server.stop();
    thread.join(10_000);
    socket.close();
  }
}
