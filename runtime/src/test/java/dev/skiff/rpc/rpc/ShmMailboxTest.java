package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.MailboxFullException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only the shm transport has: segment files, full mailboxes, servers sharing a mailbox. */
@Timeout(60)
class ShmMailboxTest {
  @TempDir Path dir;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final String name = "m-" + UUID.randomUUID();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  private ShmConfig.Builder config() {
    return ShmConfig.builder().directory(dir).requestRingCapacity(64 * 1024);
  }

  private Path segment() {
    return dir.resolve("skiff-" + name + ".shm");
  }

  private Server serve(ShmConfig config, Server.Builder builder) {
    Server server = builder.shmConfig(config).build().start();
    resources.add(server);
    return server;
  }

  private Server serve(String prefix) {
    return serve(
        config().build(),
        Server.builder("shm://" + name)
            .service(
                EchoService.definition(
                    t -> CompletableFuture.completedFuture(prefix + t), t -> {})));
  }

  private Channel open(ShmConfig config) {
    Channel channel = Channel.builder("shm://" + name).shmConfig(config).build();
    resources.add(channel);
    return channel;
  }

  private static String echo(Channel channel, String text) throws Exception {
    return ClientCalls.await(
        channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT));
  }

  private static CompletableFuture<Void> tell(Channel channel, String text) {
    return channel.call(null, EchoService.TELL, new TextArgs(text), CallOptions.DEFAULT);
  }

  @Test
  void segmentIsOwnerOnlyAndRemovedWhenTheLastServerCloses() throws Exception {
    Server server = serve("");
    assertEquals(
        PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(segment()));
    assertEquals("x", echo(open(config().build()), "x"));
    server.close();
    assertFalse(Files.exists(segment()), "segment left behind");
  }

  @Test
  void symbolicLinkAtTheSegmentPathIsRefused() throws Exception {
    Path target = Files.createFile(dir.resolve("target"));
    Files.createSymbolicLink(segment(), target);
    ConnectionException refused = assertThrows(ConnectionException.class, () -> serve(""));
    assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
    assertEquals(0, Files.size(target));
  }

  @Test
  void nonBlockingSendFailsFastWhenTheMailboxIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ShmConfig small =
        config().requestRingCapacity(4096).whenFull(ShmConfig.WhenFull.FAIL_FAST).build();
    serve(
        small,
        Server.builder("shm://" + name)
            // Handlers on the receiver thread: a blocked handler stops the mailbox draining.
            .directExecutor()
            .service(
                EchoService.definition(
                    t -> CompletableFuture.completedFuture(t), t -> await(release))));
    Channel channel = open(small);
    String payload = "p".repeat(300);
    MailboxFullException full = null;
    for (int i = 0; i < 100 && full == null; i++) {
      try {
        tell(channel, payload).get(5, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        full = assertInstanceOf(MailboxFullException.class, e.getCause());
      }
    }
    assertTrue(full != null, "the mailbox never filled");
    release.countDown();
    assertEquals("after", echo(channel, "after"));
  }

  @Test
  void blockingSendWaitsUntilTheServerMakesRoom() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ShmConfig small = config().requestRingCapacity(4096).build();
    serve(
        small,
        Server.builder("shm://" + name)
            .directExecutor()
            .service(
                EchoService.definition(
                    t -> CompletableFuture.completedFuture(t), t -> await(release))));
    Channel channel = open(small);
    CompletableFuture<Void> sending =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 100; i++) {
                tell(channel, "p".repeat(300)).join();
              }
            });
    assertThrows(TimeoutException.class, () -> sending.get(300, TimeUnit.MILLISECONDS));
    release.countDown();
    sending.get(20, TimeUnit.SECONDS);
    assertEquals("after", echo(channel, "after"));
  }

  @Test
  void aReplyCallbackMayMakeASyncCallOnTheSameChannel() throws Exception {
    // Replies are decoded inside the ring read; a callback run there, holding the read lock,
    // would wait forever for a reply that only a read can deliver. Busy-spinning callers poll for
    // their reply until it comes, whichever thread they are (a receiver thread in back-off mode
    // polls for a while only, then waits for the receiver: itself).
    serve("");
    Channel channel = open(config().idle(ShmConfig.IdleMode.BUSY_SPIN).build());
    String big = "b".repeat(3000);
    CompletableFuture<String> nested =
        channel
            .call(null, EchoService.ECHO, new TextArgs(big), CallOptions.DEFAULT)
            .thenApply(
                first -> {
                  try {
                    return first.length() + ":" + echo(channel, "second");
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    assertEquals("3000:second", nested.get(20, TimeUnit.SECONDS));
  }

  @Test
  void repliesLargerThanARingSlotAndWholeOnesInterleaveCorrectly() throws Exception {
    // Reply rings of 4 KiB: a message holds at most 512 bytes, so the long replies are fragmented
    // (copied together) while the short ones are read where they lie in the ring.
    ShmConfig small = config().replyRingCapacity(4096).build();
    serve(
        small,
        Server.builder("shm://" + name)
            .service(EchoService.definition(t -> CompletableFuture.completedFuture(t), t -> {})));
    Channel channel = open(small);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String text = i % 3 == 0 ? (i + "-").repeat(400) : "short-" + i;
      sent.add(text);
      calls.add(channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(sent.get(i), calls.get(i).get(20, TimeUnit.SECONDS));
    }
    assertEquals((7 + "-").repeat(2000), echo(channel, (7 + "-").repeat(2000)));
  }

  @Test
  void aHandlerOnTheReceiverThreadLearnsThatItsClientClosed() throws Exception {
    // With a direct executor the handler blocks the server's receiver thread, so the client's
    // goodbye is not read; its slot changing is what the heartbeat thread notices.
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> noticed = new CompletableFuture<>();
    ShmConfig quick =
        config()
            .heartbeatInterval(Duration.ofMillis(20))
            .peerTimeout(Duration.ofMillis(200))
            .build();
    serve(
        quick,
        Server.builder("shm://" + name)
            .directExecutor()
            .service(
                EchoService.definition(
                    t -> {
                      CallContext context = CallContext.current();
                      started.countDown();
                      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                      while (!context.isCancelled() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                      }
                      noticed.complete(context.isCancelled());
                      return CompletableFuture.completedFuture(t);
                    },
                    t -> {})));
    Channel channel = Channel.builder("shm://" + name).shmConfig(quick).build();
    CompletableFuture<String> call =
        channel.call(null, EchoService.ECHO, new TextArgs("long"), CallOptions.DEFAULT);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    channel.close();
    assertTrue(noticed.get(10, TimeUnit.SECONDS), "the handler saw the cancellation");
    assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void secondServerAttachesToTheMailboxAndSharesTheClients() throws Exception {
    Server first = serve("A:");
    serve("B:");
    List<Channel> channels = new ArrayList<>();
    Set<String> servedBy = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      Channel channel = open(config().build());
      channels.add(channel);
      servedBy.add(echo(channel, "x").substring(0, 2));
    }
    assertEquals(Set.of("A:", "B:"), servedBy);

    first.close();
    for (Channel channel : channels) {
      assertEquals("B:y", awaitAnswer(channel, "y"));
    }
    assertTrue(Files.exists(segment()), "the mailbox lives on while a server serves it");
  }

  private static String awaitAnswer(Channel channel, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return echo(channel, text);
      } catch (ConnectionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(5);
      }
    }
  }

  @Test
  void aFullMailboxRefusesMoreClients() throws Exception {
    serve(
        config().maxClients(2).build(),
        Server.builder("shm://" + name)
            .service(EchoService.definition(t -> CompletableFuture.completedFuture(t), t -> {})));
    ShmConfig client = config().build();
    assertEquals("1", echo(open(client), "1"));
    assertEquals("2", echo(open(client), "2"));
    Channel third = open(client);
    ConnectionException refused = assertThrows(ConnectionException.class, () -> echo(third, "3"));
    assertTrue(refused.getMessage().contains("client slots are taken"), refused.getMessage());
  }

  @Test
  void clientThatClosesFreesItsSlot() throws Exception {
    serve(
        config().maxClients(1).build(),
        Server.builder("shm://" + name)
            .service(EchoService.definition(t -> CompletableFuture.completedFuture(t), t -> {})));
    for (int i = 0; i < 5; i++) {
      Channel channel =
          Channel.builder("shm://" + name)
              .shmConfig(config().build())
              .initialBackoff(Duration.ofMillis(1))
              .build();
      try {
        assertEquals("r" + i, awaitAnswer(channel, "r" + i));
      } finally {
        channel.close();
      }
    }
  }
}
