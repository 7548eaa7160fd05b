package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.PeerDiedException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The peer in a second JVM ({@link PeerProcess}): normal calls over every transport, then SIGKILL
 * ({@link Process#destroyForcibly()}) of either side while calls are in flight and large
 * (fragmented) messages are on the way. {@code -Dskiff.kills=N} sets the kills per side (default
 * 100, as the issue asks).
 */
@Timeout(300)
class CrossProcessTest {
  private static final int KILLS = Integer.getInteger("skiff.kills", 100);

  /** Short, so a hundred kills stay quick; one test checks the default second as well. */
  private static final long PEER_TIMEOUT_MS = 600;

  @TempDir Path dir;

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  /** A peer JVM, reading its stdout lines as they come. */
  private static final class Peer implements AutoCloseable {
    final Process process;
    final BufferedReader out;
    final Path errors;

    Peer(Path dir, String role, String address, long peerTimeoutMillis) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      errors = dir.resolve("peer-" + UUID.randomUUID() + ".err");
      process =
          new ProcessBuilder(
                  java,
                  "--add-exports",
                  "java.base/jdk.internal.misc=ALL-UNNAMED",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  PeerProcess.class.getName(),
                  role,
                  address,
                  dir.toString(),
                  Long.toString(peerTimeoutMillis))
              .redirectError(errors.toFile())
              .start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next line starting with {@code prefix}; fails if the peer exits first. */
    String await(String prefix) throws IOException {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new IOException(
          "peer exited before printing " + prefix + "; its stderr:\n" + Files.readString(errors));
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "peer did not die");
    }

    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      boolean stopped;
      try {
        stopped = process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = false;
      }
      if (!stopped) {
        process.destroyForcibly();
        fail("peer did not stop when asked");
      }
    }
  }

  private String address(String scheme) {
    return switch (scheme) {
      case "tcp" -> "tcp://127.0.0.1:0";
      case "unix" -> "unix://" + dir.resolve("peer.sock");
      default -> "shm://x-" + UUID.randomUUID();
    };
  }

  private Channel open(String address, long peerTimeoutMillis) {
    return Channel.builder(address)
        .shmConfig(PeerProcess.config(dir, peerTimeoutMillis))
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".shm")).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "unix", "shm"})
  void callsToAServerInAnotherProcess(String scheme) throws Exception {
    try (Peer server = new Peer(dir, "server", address(scheme), PEER_TIMEOUT_MS)) {
      String address = server.await("READY ").substring(6);
      try (Channel channel = open(address, PEER_TIMEOUT_MS)) {
        for (int i = 0; i < 100; i++) {
          assertEquals("sync " + i, ClientCalls.await(echo(channel, "sync " + i)));
        }
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          calls.add(echo(channel, "async " + i));
        }
        for (int i = 0; i < 200; i++) {
          assertEquals("async " + i, calls.get(i).get(20, TimeUnit.SECONDS));
        }
        String big = ClientCalls.await(echo(channel, "big:2000000"));
        assertTrue(PeerProcess.intact(big));
        String sent = PeerProcess.sealed(PeerProcess.filler(1_500_000));
        assertEquals(sent, ClientCalls.await(echo(channel, sent)));
      }
    }
    assertEquals(List.of(), segments(), "segments left behind");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "unix"})
  void socketServerKilledMidCallFailsCallsAndIsReplaced(String scheme) throws Exception {
    String address;
    try (Peer server = new Peer(dir, "server", address(scheme), PEER_TIMEOUT_MS);
        Channel channel = open(address = server.await("READY ").substring(6), PEER_TIMEOUT_MS)) {
      assertEquals("x", ClientCalls.await(echo(channel, "x")));
      CompletableFuture<String> hanging = echo(channel, "hang");
      CompletableFuture<String> big = echo(channel, "big:3000000");
      server.await("SENDING");
      server.kill();
      assertFailsWith(ConnectionException.class, hanging, 5);
      assertTrue(!big.isDone() || big.isCompletedExceptionally() || PeerProcess.intact(big.join()));
    }
    // A unix socket file the killed server left is replaced by the next one.
    try (Peer again = new Peer(dir, "server", address, PEER_TIMEOUT_MS)) {
      again.await("READY ");
    }
  }

  private static void assertFailsWith(
      Class<? extends Throwable> type, CompletableFuture<?> call, long seconds) throws Exception {
    try {
      call.get(seconds, TimeUnit.SECONDS);
      fail("call should have failed");
    } catch (ExecutionException e) {
      assertInstanceOf(type, e.getCause());
    }
  }

  @Test
  void killedShmServerIsDetectedWithinAboutASecondByDefault() throws Exception {
    long timeout = Duration.ofSeconds(1).toMillis();
    try (Peer server = new Peer(dir, "server", address("shm"), timeout);
        Channel channel = open(server.await("READY ").substring(6), timeout)) {
      assertEquals("x", ClientCalls.await(echo(channel, "x")));
      CompletableFuture<String> hanging = echo(channel, "hang");
      server.kill();
      long killed = System.nanoTime();
      assertFailsWith(PeerDiedException.class, hanging, 10);
      long millis = (System.nanoTime() - killed) / 1_000_000;
      assertTrue(millis < 1_600, "detected after " + millis + " ms");
    }
    assertEquals(List.of(), segments(), "the client reclaims the dead server's segment");
  }

  @Test
  void shmServerKilledMidCallAndMidMessage() throws Exception {
    for (int i = 0; i < KILLS; i++) {
      try (Peer server = new Peer(dir, "server", address("shm"), PEER_TIMEOUT_MS);
          Channel channel = open(server.await("READY ").substring(6), PEER_TIMEOUT_MS)) {
        assertEquals("warm", ClientCalls.await(echo(channel, "warm")));
        CompletableFuture<String> hanging = echo(channel, "hang");
        // Several megabytes through a 32 KiB reply ring: the kill lands mid-message.
        CompletableFuture<String> big = echo(channel, "big:" + (1_000_000 + 500_000 * (i % 5)));
        server.await("SENDING");
        if (i % 2 == 1) {
          Thread.sleep(ThreadLocalRandom.current().nextInt(5));
        }
        server.kill();
        assertFailsWith(PeerDiedException.class, hanging, 10);
        try {
          // Either it arrived whole before the kill, or it failed: never torn.
          assertTrue(PeerProcess.intact(big.get(10, TimeUnit.SECONDS)), "torn reply delivered");
        } catch (ExecutionException e) {
          assertInstanceOf(ConnectionException.class, e.getCause());
        }
        assertEquals(List.of(), segments(), "segment of the killed server left behind");
      }
    }
  }

  @Test
  void shmClientKilledMidCallAndMidMessage() throws Exception {
    AtomicInteger torn = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    String name = "k-" + UUID.randomUUID();
    Server server =
        Server.builder("shm://" + name)
            .shmConfig(PeerProcess.config(dir, PEER_TIMEOUT_MS))
            .gracePeriod(Duration.ZERO)
            .service(
                EchoService.definition(
                    text -> {
                      if (text.equals("hang")) {
                        return new CompletableFuture<>();
                      }
                      if (!text.startsWith("plain") && !PeerProcess.intact(text)) {
                        torn.incrementAndGet();
                      }
                      served.incrementAndGet();
                      return CompletableFuture.completedFuture(text);
                    },
                    text -> {}))
            .build()
            .start();
    try (server) {
      for (int i = 0; i < KILLS; i++) {
        try (Peer client = new Peer(dir, "client", "shm://" + name, PEER_TIMEOUT_MS)) {
          client.await("READY");
          // Let it get some calls through, then kill it as it sends the next.
          for (int calls = 0; calls < 1 + i % 4; calls++) {
            client.await("CALLING");
          }
          if (i % 2 == 1) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
          }
          client.kill();
        }
      }
      assertEquals(0, torn.get(), "torn requests reached the handler");
      assertTrue(served.get() >= KILLS, "served " + served.get());
      // The mailbox still works: dead clients' slots were freed and the ring is not jammed.
      try (Channel channel = open("shm://" + name, PEER_TIMEOUT_MS)) {
        for (int i = 0; i < 10; i++) {
          assertEquals("plain " + i, ClientCalls.await(echo(channel, "plain " + i)));
        }
      }
    }
    assertEquals(List.of(), segments(), "segment left behind after the server closed");
    assertFalse(new File(dir.toFile(), "skiff-" + name + ".shm").exists());
  }
}
