package dev.skiff.bench;

import com.google.common.util.concurrent.MoreExecutors;
import dev.skiff.bench.libthrift.Bench;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * Apache Thrift's Java library, with the code its own compiler generates from bench.thrift: a
 * {@code TThreadedSelectorServer} (framed, compact) whose one selector thread runs the handler
 * itself (a direct executor, as the other servers here run theirs on the I/O thread), and blocking
 * clients, {@code TSocket} under {@code TFramedTransport}. A libthrift client cannot have two calls
 * in flight on one connection, so its throughput comes from threads, each with its own.
 */
final class ThriftPeer {
  private ThriftPeer() {}

  static Serving serve() throws Exception {
    Bench.Iface echo = payload -> payload;
    TNonblockingServerSocket socket =
        new TNonblockingServerSocket(new InetSocketAddress("127.0.0.1", 0));
    TServer server =
        new TThreadedSelectorServer(
            new TThreadedSelectorServer.Args(socket)
                .processor(new Bench.Processor<>(echo))
                .protocolFactory(new TCompactProtocol.Factory())
                .selectorThreads(1)
                // Calls run on the selector thread. (workerThreads(0) would too, but then
                // libthrift 0.17 throws a NullPointerException when it stops.)
                .executorService(MoreExecutors.newDirectExecutorService()));
    Thread thread = new Thread(server::serve, "libthrift-server");
    thread.setDaemon(true);
    thread.start();
    while (!server.isServing()) {
      Thread.sleep(1);
    }
    return new Serving() {
      @Override
      public String address() {
        return Integer.toString(socket.getPort());
      }

      @Override
      public void close() {
        server.stop();
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  static Caller caller(String port, int size) throws TTransportException {
    // A read that waits 30 s means the server is stuck: fail rather than hang the run.
    TTransport transport =
        new TFramedTransport(new TSocket("127.0.0.1", Integer.parseInt(port), 30_000));
    transport.open();
    Bench.Client client = new Bench.Client(new TCompactProtocol(transport));
    byte[] payload = new byte[size];
    return new Caller() {
      @Override
      public int call() throws TException {
        return client.echo(ByteBuffer.wrap(payload)).remaining();
      }

      @Override
      public void close() {
        transport.close();
      }
    };
  }
}
