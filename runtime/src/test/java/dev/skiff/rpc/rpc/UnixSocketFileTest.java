package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The socket file of a unix:// server: owner-only, stale ones replaced, live ones refused. */
@Timeout(30)
class UnixSocketFileTest {
  @TempDir Path dir;

  private static Server serve(Path socket, String prefix) {
    return Server.builder("unix://" + socket)
        .service(
            EchoService.definition(t -> CompletableFuture.completedFuture(prefix + t), t -> {}))
        .build()
        .start();
  }

  private static String echo(Path socket, String text) throws Exception {
    try (Channel channel = Channel.open("unix://" + socket)) {
      return ClientCalls.await(
          channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT));
    }
  }

  @Test
  void socketFileIsOwnerOnlyAndRemovedOnClose() throws Exception {
    Path socket = dir.resolve("a.sock");
    try (Server server = serve(socket, "")) {
      assertEquals(
          PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(socket));
      assertEquals("unix://" + socket, server.address());
      assertEquals("hi", echo(socket, "hi"));
      try (var files = Files.list(dir)) {
        assertEquals(1, files.count(), "only the socket file is left in the directory");
      }
    }
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void staleSocketFileOfADeadServerIsReplaced() throws Exception {
    Path socket = dir.resolve("stale.sock");
    // The JDK leaves the file behind when a listening socket closes: as a killed server does.
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    }
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    try (Server server = serve(socket, "new ")) {
      assertEquals("unix://" + socket, server.address());
      assertEquals("new x", echo(socket, "x"));
    }
  }

  @Test
  void socketOfALiveServerIsRefusedAndKeepsWorking() throws Exception {
    Path socket = dir.resolve("live.sock");
    try (Server first = serve(socket, "first ")) {
      assertEquals("unix://" + socket, first.address());
      ConnectionException refused =
          assertThrows(ConnectionException.class, () -> serve(socket, "second "));
      assertTrue(
          refused.getMessage().contains("another server is listening"), refused.getMessage());
      assertEquals("first x", echo(socket, "x"));
    }
  }

  @Test
  void pathThatIsNotASocketIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("data.sock"), "precious");
    ConnectionException refused = assertThrows(ConnectionException.class, () -> serve(file, ""));
    assertTrue(refused.getMessage().contains("is not a socket"), refused.getMessage());
    assertEquals("precious", Files.readString(file));
  }
}
