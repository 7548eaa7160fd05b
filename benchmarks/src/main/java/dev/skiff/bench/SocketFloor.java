package dev.skiff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The socket floors: a blocking ping-pong over TCP (no Nagle) or a Unix domain socket, written for
 * the benchmark. A message is a 4-byte length and that many bytes; the server thread of a
 * connection reads one and writes it back, the caller's own thread writes and reads. No framework,
 * no encoding, no thread hand-off: the least a round trip through the kernel costs.
 */
final class SocketFloor {
  private SocketFloor() {}

  static Serving serve(boolean unix, Path dir) throws IOException {
    ServerSocketChannel server;
    String address;
    if (unix) {
      Path socket = dir.resolve("floor.sock");
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      address = socket.toString();
    } else {
      server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      address = Integer.toString(((InetSocketAddress) server.getLocalAddress()).getPort());
    }
    Thread acceptor =
        new Thread(
            () -> {
              while (server.isOpen()) {
                try {
                  SocketChannel connection = server.accept();
                  Thread echo = new Thread(() -> echo(connection), "floor-echo");
                  echo.setDaemon(true);
                  echo.start();
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "floor-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return new Serving() {
      @Override
      public String address() {
        return address;
      }

      @Override
      public void close() throws IOException {
        server.close();
        if (unix) {
          Files.deleteIfExists(Path.of(address));
        }
      }
    };
  }

  private static void echo(SocketChannel connection) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(4 + MappedPingPong.MAX_PAYLOAD);
    try (connection) {
      noDelay(connection);
      while (true) {
        buffer.clear().limit(4);
        if (!readFully(connection, buffer)) {
          return;
        }
        int length = buffer.getInt(0);
        buffer.limit(4 + length);
        if (!readFully(connection, buffer)) {
          return;
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
          connection.write(buffer);
        }
      }
    } catch (IOException e) {
      // The caller went away.
    }
  }

  static Caller caller(boolean unix, String address, int size) throws IOException {
    SocketAddress remote =
        unix
            ? UnixDomainSocketAddress.of(address)
            : new InetSocketAddress("127.0.0.1", Integer.parseInt(address));
    SocketChannel channel = SocketChannel.open(remote);
    noDelay(channel);
    return exchange(channel, size, null);
  }

  /**
   * The TCP floor's exchange with the caller waiting for the reply in a {@link Selector}, as a
   * non-blocking channel must (Skiff's caller-thread connections do): what that wait costs over a
   * blocking read, for {@link Breakdown}.
   */
  static Caller selectorCaller(String port, int size) throws IOException {
    SocketChannel channel =
        SocketChannel.open(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)));
    noDelay(channel);
    channel.configureBlocking(false);
    Selector selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    return exchange(channel, size, selector);
  }

  /**
   * Calls that write the request and read the reply on {@code channel}, blocking, or waiting in
   * {@code selector} when the channel is non-blocking.
   */
  private static Caller exchange(SocketChannel channel, int size, Selector selector) {
    ByteBuffer request = ByteBuffer.allocateDirect(4 + size).putInt(size);
    request.position(4 + size).flip();
    ByteBuffer reply = ByteBuffer.allocateDirect(4 + size);
    return new Caller() {
      @Override
      public int call() throws IOException {
        request.rewind();
        while (request.hasRemaining()) {
          channel.write(request);
        }
        reply.clear();
        while (reply.hasRemaining()) {
          if (channel.read(reply) < 0) {
            throw new IOException("floor server closed the connection");
          }
          if (selector != null && reply.hasRemaining()) {
            selector.select(key -> {}, 0);
          }
        }
        return reply.getInt(0);
      }

      @Override
      public void close() throws IOException {
        if (selector != null) {
          selector.close();
        }
        channel.close();
      }
    };
  }

  /**
   * The TCP floor's exchange through a {@link Socket} with a read timeout, whose reads wait in
   * {@code poll}, as libthrift's {@code TSocket} does: for {@link Breakdown}.
   */
  static Caller pollCaller(String port, int size) throws IOException {
    Socket socket = new Socket("127.0.0.1", Integer.parseInt(port));
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    byte[] request = ByteBuffer.allocate(4 + size).putInt(size).array();
    byte[] reply = new byte[4 + size];
    return new Caller() {
      @Override
      public int call() throws IOException {
        out.write(request);
        int read = 0;
        while (read < reply.length) {
          int n = in.read(reply, read, reply.length - read);
          if (n < 0) {
            throw new IOException("floor server closed the connection");
          }
          read += n;
        }
        return ByteBuffer.wrap(reply).getInt();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }

  private static void noDelay(SocketChannel channel) throws IOException {
    if (channel.getLocalAddress() instanceof InetSocketAddress) {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }
  }

  private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }
}
