package dev.skiff.rpc.transport.nio;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.ClientTransport;
import dev.skiff.rpc.transport.FrameConnection;
import dev.skiff.rpc.transport.FrameHandler;
import dev.skiff.rpc.transport.SocketClientOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Connects over TCP or a Unix domain socket with the JDK's socket channels, for connections whose
 * callers do their own I/O ({@link CallerIoConnection}, {@link
 * dev.skiff.rpc.IoMode#CALLER_THREAD}). Connecting happens on a shared daemon thread, so {@link
 * #connect} does not block. Thread-safe.
 */
public final class CallerIoClientTransport implements ClientTransport {
  private static final ExecutorService CONNECTING =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "skiff-connect");
            thread.setDaemon(true);
            return thread;
          });

  private final boolean unix;
  private final int maxFrameSize;
  private final SocketClientOptions options;

  /**
   * @param unix true for Unix domain sockets, false for TCP
   * @param maxFrameSize the largest incoming frame accepted
   * @param options keepalive; TLS is not supported by this transport
   */
  public CallerIoClientTransport(boolean unix, int maxFrameSize, SocketClientOptions options) {
    this.unix = unix;
    this.maxFrameSize = maxFrameSize;
    this.options = requireNonNull(options, "options");
    if (options.tls() != null) {
      throw new IllegalArgumentException(
          "TLS needs IoMode.EVENT_LOOP; IoMode.CALLER_THREAD connections are plain sockets");
    }
  }

  @Override
  public <H extends FrameHandler> CompletableFuture<H> connect(
      Address address, Duration timeout, Function<FrameConnection, H> bind) {
    requireNonNull(address, "address");
    requireNonNull(bind, "bind");
    CompletableFuture<H> result = new CompletableFuture<>();
    CONNECTING.execute(
        () -> {
          SocketChannel socket = null;
          try {
            socket = open(address, timeout);
            CallerIoConnection connection = new CallerIoConnection(socket, maxFrameSize);
            H handler = bind.apply(connection);
            connection.bind(handler);
            result.complete(handler);
          } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private SocketChannel open(Address address, Duration timeout) throws IOException {
    SocketAddress remote =
        unix ? UnixDomainSocketAddress.of(Path.of(address.path())) : address.socketAddress();
    SocketChannel socket =
        unix ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
    try {
      if (!unix) {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        socket.setOption(StandardSocketOptions.SO_KEEPALIVE, options.tcpKeepAlive());
      }
      socket.configureBlocking(false);
      if (!socket.connect(remote)) {
        try (Selector selector = Selector.open()) {
          socket.register(selector, SelectionKey.OP_CONNECT);
          if (selector.select(Math.max(1, timeout.toMillis())) == 0) {
            throw new ConnectException(
                "connection to " + remote + " timed out after " + timeout.toMillis() + " ms");
          }
        }
        socket.finishConnect();
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  private static void closeQuietly(SocketChannel socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Nothing to do: the socket is gone either way.
      }
    }
  }
}
