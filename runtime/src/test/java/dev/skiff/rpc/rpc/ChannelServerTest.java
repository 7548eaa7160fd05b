package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channel and server behaviour over tcp beyond what {@link AbstractTransportTest} checks on every
 * transport: reconnect and backoff, multiplexing, interceptors, connection-phase timeouts, server
 * lifecycle.
 */
@Timeout(60)
class ChannelServerTest {
  private static final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> told = new ConcurrentLinkedQueue<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @AfterAll
  static void noLeaks() {
    timer.shutdownNow();
    NettyLeaks.assertNoLeaks();
  }

  private Server serve(Function<String, CompletionStage<String>> behaviour) {
    return serve(Server.builder("tcp://127.0.0.1:0").service(definition(behaviour)));
  }

  private Server serve(Server.Builder builder) {
    Server server = builder.build().start();
    resources.add(server);
    return server;
  }

  private ServiceDefinition definition(Function<String, CompletionStage<String>> behaviour) {
    return EchoService.definition(behaviour, told::add);
  }

  private Channel open(Channel.Builder builder) {
    Channel channel = builder.build();
    resources.add(channel);
    return channel;
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  @Test
  void thousandConcurrentCallsOnOneConnectionEachGetTheirOwnAnswer() throws Exception {
    Server server =
        serve(
            text -> {
              CompletableFuture<String> reply = new CompletableFuture<>();
              long delay = ThreadLocalRandom.current().nextLong(0, 20);
              timer.schedule(() -> reply.complete("re: " + text), delay, TimeUnit.MILLISECONDS);
              return reply;
            });
    Channel channel = open(Channel.builder(server.address()));
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(echo(channel, "call " + i));
    }
    for (int i = 0; i < 1000; i++) {
      assertEquals("re: call " + i, calls.get(i).get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void declaredExceptionReachesTheCallerAndUndeclaredOnesBecomeInternalErrors() throws Exception {
    Server server = serve(text -> CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));

    EchoService.Oops oops =
        assertThrows(
            EchoService.Oops.class,
            () ->
                ClientCalls.await(
                    channel.call(
                        null, EchoService.FAIL, new TextArgs("oops: bad"), CallOptions.DEFAULT)));
    assertEquals("oops: bad", oops.getMessage());

    ApplicationException internal =
        assertThrows(
            ApplicationException.class,
            () ->
                ClientCalls.await(
                    channel.call(
                        null, EchoService.FAIL, new TextArgs("boom"), CallOptions.DEFAULT)));
    assertEquals(ApplicationException.Type.INTERNAL_ERROR, internal.type());
    assertEquals("Internal error processing fail", internal.getMessage());

    assertEquals("still fine", ClientCalls.await(echo(channel, "still fine")));
  }

  @Test
  void unknownMethodGetsUnknownMethodAndTheConnectionStaysUsable() throws Exception {
    Server server = serve(text -> CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));
    var nope = dev.skiff.rpc.stub.MethodDescriptor.call("Echo", "nope", EchoService::readResult);
    ApplicationException e =
        assertThrows(
            ApplicationException.class,
            () ->
                ClientCalls.await(
                    channel.call(null, nope, new TextArgs("x"), CallOptions.DEFAULT)));
    assertEquals(ApplicationException.Type.UNKNOWN_METHOD, e.type());
    assertEquals("Invalid method name: 'nope'", e.getMessage());
    assertEquals("after", ClientCalls.await(echo(channel, "after")));
  }

  @Test
  void cancelledCallIsForgotten() throws Exception {
    CompletableFuture<String> held = new CompletableFuture<>();
    Server server =
        serve(text -> text.equals("slow") ? held : CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));
    CompletableFuture<String> slow = echo(channel, "slow");
    assertTrue(slow.cancel(true));
    held.complete("late");
    assertEquals("next", ClientCalls.await(echo(channel, "next")));
    assertTrue(slow.isCancelled());
  }

  @Test
  void droppedConnectionFailsPendingCallsAtOnceAndTheNextCallReconnects() throws Exception {
    CompletableFuture<String> never = new CompletableFuture<>();
    CountDownLatch hangingStarted = new CountDownLatch(1);
    Server first =
        serve(
            text -> {
              if (text.equals("hang")) {
                hangingStarted.countDown();
                return never;
              }
              return CompletableFuture.completedFuture(text);
            });
    int port = first.port();
    Channel channel = open(Channel.builder(first.address()).initialBackoff(Duration.ofMillis(1)));
    assertEquals("warm", ClientCalls.await(echo(channel, "warm")));

    CompletableFuture<String> hanging = echo(channel, "hang");
    assertTrue(hangingStarted.await(10, TimeUnit.SECONDS));
    first.shutdown(Duration.ZERO);
    ExecutionException dropped =
        assertThrows(ExecutionException.class, () -> hanging.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ConnectionException.class, dropped.getCause());

    serve(
        Server.builder("tcp://127.0.0.1:" + port)
            .service(definition(text -> CompletableFuture.completedFuture("again " + text))));
    assertEquals("again x", awaitReconnected(channel, "x"));
  }

  private static String awaitReconnected(Channel channel, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return ClientCalls.await(echo(channel, text));
      } catch (ConnectionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void timeoutCoversTheConnectionAttempt() throws Exception {
    // A listener that never accepts, its backlog full: further connection attempts hang.
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> fillers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        java.net.Socket filler = new java.net.Socket();
        fillers.add(filler);
        try {
          filler.connect(silent.getLocalSocketAddress(), 200);
        } catch (java.io.IOException backlogFull) {
          break;
        }
      }
      Channel channel = open(Channel.builder("tcp://127.0.0.1:" + silent.getLocalPort()));
      CompletableFuture<String> call =
          channel.call(
              null,
              EchoService.ECHO,
              new TextArgs("x"),
              CallOptions.timeout(Duration.ofMillis(200)));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> call.get(4, TimeUnit.SECONDS));
      // Without the timeout covering the connection attempt this would be the connect
      // timeout's ConnectionException after 5 s, past the 4 s wait above.
      assertInstanceOf(CallTimeoutException.class, e.getCause());
      for (java.net.Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @Test
  void refusedConnectionFailsAndBacksOff() throws Exception {
    Server server = serve(text -> CompletableFuture.completedFuture(text));
    int port = server.port();
    server.close();
    Channel channel =
        open(Channel.builder("tcp://127.0.0.1:" + port).initialBackoff(Duration.ofSeconds(30)));
    ConnectionException refused =
        assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(channel, "a")));
    assertTrue(
        refused.getMessage().startsWith("cannot connect to tcp://127.0.0.1:" + port),
        refused.getMessage());
    ConnectionException backingOff =
        assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(channel, "b")));
    assertTrue(backingOff.getMessage().contains("next attempt in"), backingOff.getMessage());
  }

  @Test
  void multiplexedServicesShareOnePort() throws Exception {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service(definition(t -> CompletableFuture.completedFuture("default " + t)))
                .service(
                    "Loud", definition(t -> CompletableFuture.completedFuture(t.toUpperCase()))));
    Channel channel = open(Channel.builder(server.address()));
    assertEquals("default a", ClientCalls.await(echo(channel, "a")));
    assertEquals(
        "B",
        ClientCalls.await(
            channel.call("Loud", EchoService.ECHO, new TextArgs("b"), CallOptions.DEFAULT)));
    assertEquals(
        "default c",
        ClientCalls.await(
            channel.call("Echo", EchoService.ECHO, new TextArgs("c"), CallOptions.DEFAULT)));
    ApplicationException unknown =
        assertThrows(
            ApplicationException.class,
            () ->
                ClientCalls.await(
                    channel.call(
                        "Nobody", EchoService.ECHO, new TextArgs("d"), CallOptions.DEFAULT)));
    assertEquals(ApplicationException.Type.UNKNOWN_METHOD, unknown.type());
    assertEquals(
        "Invalid method name: 'echo' (no service 'Nobody' on this server)", unknown.getMessage());
    var nope = dev.skiff.rpc.stub.MethodDescriptor.call("Loud", "nope", EchoService::readResult);
    ApplicationException noMethod =
        assertThrows(
            ApplicationException.class,
            () ->
                ClientCalls.await(
                    channel.call("Loud", nope, new TextArgs("e"), CallOptions.DEFAULT)));
    assertEquals("Invalid method name: 'nope'", noMethod.getMessage());
  }

  @Test
  void aServerWithoutADefaultServiceSaysSoToPlainCalls() throws Exception {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service("Only", definition(t -> CompletableFuture.completedFuture(t))));
    Channel channel = open(Channel.builder(server.address()));
    ApplicationException plain =
        assertThrows(ApplicationException.class, () -> ClientCalls.await(echo(channel, "x")));
    assertEquals(ApplicationException.Type.UNKNOWN_METHOD, plain.type());
    assertEquals(
        "Invalid method name: 'echo' (this server serves only multiplexed services)",
        plain.getMessage());
    assertEquals(
        "y",
        ClientCalls.await(
            channel.call("Only", EchoService.ECHO, new TextArgs("y"), CallOptions.DEFAULT)));
  }

  @Test
  void interceptorsSeeEveryCallOnBothSides() throws Exception {
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service(definition(t -> CompletableFuture.completedFuture(t + "!")))
                .intercept(
                    (call, args, next) -> {
                      log.add(
                          "server "
                              + call.service()
                              + "."
                              + call.method()
                              + " "
                              + ((TextArgs) args).text());
                      if (((TextArgs) args).text().equals("forbidden")) {
                        return CompletableFuture.failedFuture(
                            new dev.skiff.rpc.SkiffException("permission denied"));
                      }
                      return next.invoke(call, args);
                    }));
    Channel channel =
        open(
            Channel.builder(server.address())
                .intercept(
                    (CallInfo call, Object args, dev.skiff.rpc.ClientInterceptor.Invoker next) ->
                        next.invoke(call, args)
                            .thenApply(
                                result -> {
                                  log.add("client " + call.method() + " -> " + result);
                                  return result;
                                })));
    assertEquals("hi!", ClientCalls.await(echo(channel, "hi")));
    ApplicationException denied =
        assertThrows(
            ApplicationException.class, () -> ClientCalls.await(echo(channel, "forbidden")));
    assertEquals("permission denied", denied.getMessage());
    assertEquals(
        List.of("server Echo.echo hi", "client echo -> hi!", "server Echo.echo forbidden"),
        List.copyOf(log));
  }

  @Test
  void gracefulShutdownLetsCallsInFlightFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(100);
    CompletableFuture<String> release = new CompletableFuture<>();
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .gracePeriod(Duration.ofSeconds(20))
                .service(
                    definition(
                        t -> {
                          if (!t.startsWith("n")) {
                            return CompletableFuture.completedFuture(t);
                          }
                          started.countDown();
                          return release.thenApply(r -> t);
                        })));
    int port = server.port();
    String address = server.address();
    Channel channel = open(Channel.builder(address));
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(echo(channel, "n" + i));
    }
    assertTrue(started.await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);

    // While it drains: a new call on the open connection is refused with a typed error, nothing
    // of it run, and new connections are not accepted.
    ApplicationException refused = awaitRefusal(channel);
    assertEquals(ApplicationException.Type.INTERNAL_ERROR, refused.type());
    assertEquals("Server is shutting down; 'echo' was not run", refused.getMessage());
    Channel late = open(Channel.builder(address));
    assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(late, "new")));
    assertFalse(closing.isDone(), "still waiting for the 100 calls");

    release.complete("go");
    closing.get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 100; i++) {
      assertEquals("n" + i, calls.get(i).get(5, TimeUnit.SECONDS));
    }
    assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(channel, "late")));

    // The port is free at once.
    Server again =
        serve(
            Server.builder("tcp://127.0.0.1:" + port)
                .service(definition(t -> CompletableFuture.completedFuture("again " + t))));
    assertEquals(port, again.port());
    Channel fresh = open(Channel.builder(again.address()));
    assertEquals("again x", ClientCalls.await(echo(fresh, "x")));
  }

  /** Calls until the server, now draining, refuses one. */
  private static ApplicationException awaitRefusal(Channel channel) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        ClientCalls.await(echo(channel, "probe"));
      } catch (ApplicationException e) {
        return e;
      }
      assertTrue(System.nanoTime() < deadline, "the server never started draining");
    }
  }

  @Test
  void serverCloseIsIdempotentAndThePortIsReusableAtOnce() {
    Server server = serve(text -> CompletableFuture.completedFuture(text));
    int port = server.port();
    server.close();
    server.close();
    Server again =
        serve(
            Server.builder("tcp://127.0.0.1:" + port)
                .service(definition(t -> CompletableFuture.completedFuture(t))));
    assertEquals(port, again.port());
    assertFalse(again.address().isEmpty());
  }
}
