package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a server does about greedy, slow, idle and deaf clients: caps on calls in flight, on
 * connections, on the time a frame may take, on idleness, and back-pressure on clients that do not
 * read their replies.
 */
@Timeout(60)
class ServerLimitsTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

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

  private Server serve(Server.Builder builder) {
    Server server = builder.build().start();
    resources.add(server);
    return server;
  }

  private static Server.Builder echoServer(Function<String, CompletionStage<String>> behaviour) {
    return Server.builder("tcp://127.0.0.1:0")
        .service(EchoService.definition(behaviour, text -> {}));
  }

  private Channel open(String address) {
    Channel channel = Channel.builder(address).build();
    resources.add(channel);
    return channel;
  }

  private RawClient raw(int port, Duration readTimeout) throws IOException {
    RawClient client = new RawClient(port, readTimeout);
    resources.add(client);
    return client;
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  private static ApplicationException refusal(CompletableFuture<String> call) throws Exception {
    ExecutionException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(ApplicationException.class, failed.getCause());
  }

  @Test
  void callsBeyondThePerConnectionAndServerCapsAreRefusedAndConnectionsStayHealthy()
      throws Exception {
    CompletableFuture<String> release = new CompletableFuture<>();
    AtomicInteger started = new AtomicInteger();
    Server server =
        serve(
            echoServer(
                    text -> {
                      if (text.startsWith("hold")) {
                        started.incrementAndGet();
                        return release.thenApply(r -> text);
                      }
                      return CompletableFuture.completedFuture(text);
                    })
                .maxCallsPerConnection(5)
                .maxCallsInFlight(7));
    Channel first = open(server.address());
    Channel second = open(server.address());
    // Connected first, so the calls below go out in the order they are made.
    assertEquals("warm", ClientCalls.await(echo(first, "warm")));
    assertEquals("warm", ClientCalls.await(echo(second, "warm")));

    List<CompletableFuture<String>> held = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      held.add(echo(first, "hold a" + i));
    }
    ApplicationException perConnection = refusal(echo(first, "hold a5"));
    assertEquals(ApplicationException.Type.INTERNAL_ERROR, perConnection.type());
    assertEquals(
        "Too many calls in flight on this connection: limit 5; 'echo' was not run",
        perConnection.getMessage());

    held.add(echo(second, "hold b0"));
    held.add(echo(second, "hold b1"));
    ApplicationException serverWide = refusal(echo(second, "hold b2"));
    assertEquals(
        "Server is overloaded: 7 calls in flight, the limit; 'echo' was not run",
        serverWide.getMessage());

    release.complete("go");
    for (CompletableFuture<String> call : held) {
      assertTrue(call.get(10, TimeUnit.SECONDS).startsWith("hold"));
    }
    assertEquals(7, started.get(), "refused calls never reached the handler");
    // Both connections carry on, and the freed capacity is usable again.
    assertEquals("after", ClientCalls.await(echo(first, "after")));
    assertEquals("after", ClientCalls.await(echo(second, "after")));
  }

  @Test
  void connectionsBeyondTheLimitAreClosedOnAccept() throws Exception {
    Server server = serve(echoServer(CompletableFuture::completedFuture).maxConnections(2));
    RawClient a = raw(server.port(), Duration.ofSeconds(10));
    RawClient b = raw(server.port(), Duration.ofSeconds(10));
    a.send(RawClient.call("echo", 1, "a"));
    b.send(RawClient.call("echo", 1, "b"));
    assertEquals("a", a.readReply().success());
    assertEquals("b", b.readReply().success());

    RawClient refused = raw(server.port(), Duration.ofSeconds(10));
    assertTrue(refused.closedByServer(), "the third connection is closed at once");
    a.send(RawClient.call("echo", 2, "a again"));
    assertEquals("a again", a.readReply().success(), "open connections are untouched");

    // Once one closes, a new connection is accepted again.
    b.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (RawClient c = new RawClient(server.port(), Duration.ofSeconds(10))) {
        c.send(RawClient.call("echo", 1, "c"));
        assertEquals("c", c.readReply().success());
        break;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  @Test
  void aFrameThatDoesNotArriveWithinTheReadTimeoutClosesTheConnection() throws Exception {
    Server server =
        serve(
            echoServer(CompletableFuture::completedFuture)
                .frameReadTimeout(Duration.ofMillis(300)));
    // A frame in two parts well within the limit is fine.
    RawClient patient = raw(server.port(), Duration.ofSeconds(10));
    byte[] call = RawClient.call("echo", 1, "in two parts");
    patient.send(Arrays.copyOf(call, 7));
    Thread.sleep(50); // the gap between the parts is the point of this check
    patient.send(Arrays.copyOfRange(call, 7, call.length));
    assertEquals("in two parts", patient.readReply().success());

    // A frame that stops half way: closed after the timeout, not before.
    RawClient trickle = raw(server.port(), Duration.ofSeconds(10));
    long start = System.nanoTime();
    trickle.send(Arrays.copyOf(RawClient.call("echo", 1, "never finished"), 10));
    assertTrue(trickle.closedByServer());
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(elapsedMillis >= 250 && elapsedMillis < 5000, "closed after " + elapsedMillis);

    // The timer is per frame: a connection sending whole frames stays open past the timeout.
    for (int i = 0; i < 4; i++) {
      patient.send(RawClient.call("echo", 2 + i, "again " + i));
      assertEquals("again " + i, patient.readReply().success());
      Thread.sleep(100); // idle between frames is not a slow frame
    }
  }

  @Test
  void anIdleConnectionIsClosedButOneWithACallInFlightIsNot() throws Exception {
    CompletableFuture<String> release = new CompletableFuture<>();
    CountDownLatch holding = new CountDownLatch(1);
    Server server =
        serve(
            echoServer(
                    text -> {
                      if (text.equals("hold")) {
                        holding.countDown();
                        return release;
                      }
                      return CompletableFuture.completedFuture(text);
                    })
                .idleTimeout(Duration.ofMillis(200)));
    RawClient idle = raw(server.port(), Duration.ofSeconds(10));
    long start = System.nanoTime();
    assertTrue(idle.closedByServer());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));

    RawClient busy = raw(server.port(), Duration.ofMillis(1000));
    busy.send(RawClient.call("echo", 1, "hold"));
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    // Five idle timeouts pass with nothing on the wire but a call in flight: still open.
    SocketTimeoutException quiet =
        org.junit.jupiter.api.Assertions.assertThrows(
            SocketTimeoutException.class, busy::readFrame);
    assertTrue(quiet.getMessage() != null);
    release.complete("done at last");
    busy.socket.setSoTimeout(10_000);
    RawClient.Reply reply = busy.readReply();
    assertEquals("done at last", reply.success());
    assertNull(reply.error());
  }

  @Test
  void aClientThatNeverReadsItsRepliesMakesTheServerStopReadingIt() throws Exception {
    int replySize = 64 * 1024;
    String big = "x".repeat(replySize);
    AtomicInteger served = new AtomicInteger();
    Server server =
        serve(
            echoServer(
                    text -> {
                      served.incrementAndGet();
                      return CompletableFuture.completedFuture(big);
                    })
                .writeBufferWaterMarks(64 * 1024, 256 * 1024));
    RawClient deaf = raw(server.port(), Duration.ofSeconds(10));
    deaf.socket.setReceiveBufferSize(64 * 1024);
    int calls = 2000; // 128 MB of replies, if the server were to buffer them all
    // Calls of 8 KB, so that one read of the server's holds only a few of them.
    String padding = "c".repeat(8 * 1024);
    java.io.ByteArrayOutputStream calls100 = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      calls100.writeBytes(RawClient.call("echo", i, padding));
    }
    byte[] batch = calls100.toByteArray();
    CompletableFuture<Void> writing =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < calls / 100; i++) {
                  deaf.send(batch);
                }
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    // The server serves calls until its queue of replies passes the high water mark, then stops
    // reading: the count settles far below the 2,000 calls sent, and the writer blocks.
    int settled = awaitSettled(served);
    System.out.printf("deaf client: server stopped after %d of %d calls%n", settled, calls);
    assertTrue(settled < calls / 2, "served " + settled + " calls for a client that reads nothing");
    assertFalse(writing.isDone(), "the client's writes are held back by the server");

    // Once the client reads, everything is answered.
    int received = 0;
    while (received < calls) {
      RawClient.Reply reply = deaf.readReply();
      assertEquals(replySize, reply.success().length());
      received++;
    }
    writing.get(10, TimeUnit.SECONDS);
    assertEquals(calls, served.get());
  }

  /** Waits until {@code counter} has not moved for 300 ms, and returns its value. */
  private static int awaitSettled(AtomicInteger counter) throws InterruptedException {
    int last = -1;
    while (true) {
      Thread.sleep(300); // sampling a counter over time is what "settled" means
      int now = counter.get();
      if (now == last && now > 0) {
        return now;
      }
      last = now;
    }
  }
}
