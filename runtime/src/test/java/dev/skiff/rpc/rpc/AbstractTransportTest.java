package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallRejectedException;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every transport must do, run by one subclass per transport: the same calls, failures and
 * lifecycle over tcp, unix and shm. Subclasses say only how to make an address and how to configure
 * each side.
 */
@Timeout(60)
abstract class AbstractTransportTest {
  static final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> told = new ConcurrentLinkedQueue<>();

  /** A fresh address for a server to listen on. */
  abstract String newAddress() throws Exception;

  /** Transport settings for a server. */
  Server.Builder configure(Server.Builder builder) {
    return builder;
  }

  /** Transport settings for a channel. */
  Channel.Builder configure(Channel.Builder builder) {
    return builder;
  }

  /** Checks that nothing of a closed server is left behind (socket files, segments). */
  void assertCleanedUp(String address) throws Exception {}

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

  Server serve(Function<String, CompletionStage<String>> behaviour) throws Exception {
    return serve(Server.builder(newAddress()).service(definition(behaviour)));
  }

  Server serve(Server.Builder builder) {
    Server server = configure(builder).build().start();
    resources.add(server);
    return server;
  }

  ServiceDefinition definition(Function<String, CompletionStage<String>> behaviour) {
    return EchoService.definition(behaviour, told::add);
  }

  Channel open(String address) {
    return open(Channel.builder(address));
  }

  Channel open(Channel.Builder builder) {
    Channel channel = configure(builder).build();
    resources.add(channel);
    return channel;
  }

  static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  /** A call made as generated blocking stubs make it: the caller may do its own I/O. */
  static String echoAndWait(Channel channel, String text) throws Exception {
    return channel.callAndWait(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  static CompletionStage<String> done(String text) {
    return CompletableFuture.completedFuture(text);
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void syncCallOverEitherProtocol(Protocol protocol) throws Exception {
    Server server = serve(text -> done("echo: " + text));
    Channel channel = open(Channel.builder(server.address()).protocol(protocol));
    for (int i = 0; i < 50; i++) {
      assertEquals("echo: héllo ☃ " + i, echoAndWait(channel, "héllo ☃ " + i));
    }
  }

  @Test
  void asyncCallsAnsweredOutOfOrderEachGetTheirOwnReply() throws Exception {
    Server server =
        serve(
            text -> {
              CompletableFuture<String> reply = new CompletableFuture<>();
              long delay = ThreadLocalRandom.current().nextLong(0, 20);
              timer.schedule(() -> reply.complete("re: " + text), delay, TimeUnit.MILLISECONDS);
              return reply;
            });
    Channel channel = open(server.address());
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(echo(channel, "call " + i));
    }
    for (int i = 0; i < 1000; i++) {
      assertEquals("re: call " + i, calls.get(i).get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void onewayCallIsDeliveredWithoutReply() throws Exception {
    Server server = serve(text -> done(text));
    Channel channel = open(server.address());
    for (int i = 0; i < 10; i++) {
      channel
          .call(null, EchoService.TELL, new TextArgs("note " + i), CallOptions.DEFAULT)
          .get(5, TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (told.size() < 10 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertEquals(10, told.size(), () -> "told: " + told);
    assertTrue(told.contains("note 9"));
  }

  @Test
  void eachThreadsCallsArriveInTheOrderItMadeThemWhileCallersContend() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Function<String, CompletionStage<String>> record =
        text -> {
          seen.add(text);
          return done(text);
        };
    Server server =
        serve(
            Server.builder(newAddress())
                .directExecutor() // handlers run in the order their frames arrive
                .service(EchoService.definition(record, seen::add)));
    // From the first call on, while the channel is still connecting, then connected.
    Channel channel = open(server.address());
    int threads = 8;
    int rounds = 200;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    channel.call(
                        null,
                        EchoService.TELL,
                        new TextArgs(thread + " tell " + i),
                        CallOptions.DEFAULT);
                    echo(channel, thread + " async " + i);
                    echoAndWait(channel, thread + " sync " + i);
                  }
                  return null;
                }));
      }
      for (Future<?> thread : running) {
        thread.get(50, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    List<String> order = List.copyOf(seen);
    assertEquals(threads * rounds * 3, order.size());
    for (int t = 0; t < threads; t++) {
      String prefix = t + " ";
      List<String> mine = order.stream().filter(text -> text.startsWith(prefix)).toList();
      for (int i = 0; i < rounds; i++) {
        assertEquals(prefix + "tell " + i, mine.get(3 * i));
        assertEquals(prefix + "async " + i, mine.get(3 * i + 1));
        assertEquals(prefix + "sync " + i, mine.get(3 * i + 2));
      }
    }
  }

  @Test
  void concurrentCallersShareOneChannel() throws Exception {
    Server server = serve(text -> done(text.toUpperCase()));
    Channel channel = open(server.address());
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(
            callers.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    String text = "t" + thread + "-" + i;
                    // Half the threads wait as blocking stubs do, half on the call's future.
                    String reply =
                        thread % 2 == 0
                            ? echoAndWait(channel, text)
                            : ClientCalls.await(echo(channel, text));
                    assertEquals(text.toUpperCase(), reply);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void timedOutCallFailsAndItsLateReplyDisturbsNoOtherCall() throws Exception {
    CompletableFuture<String> held = new CompletableFuture<>();
    Server server = serve(text -> text.equals("slow") ? held : done(text));
    Channel channel = open(server.address());
    CompletableFuture<String> slow =
        channel.call(
            null,
            EchoService.ECHO,
            new TextArgs("slow"),
            CallOptions.timeout(Duration.ofMillis(100)));
    ExecutionException timeout =
        assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
    assertInstanceOf(CallTimeoutException.class, timeout.getCause());
    held.complete("late");
    for (int i = 0; i < 20; i++) {
      assertEquals("fast " + i, echoAndWait(channel, "fast " + i));
    }
  }

  @Test
  void syncCallTimesOutWhileTheCallerWaits() throws Exception {
    Server server =
        serve(
            Server.builder(newAddress())
                .gracePeriod(Duration.ofMillis(10))
                .service(definition(text -> new CompletableFuture<>())));
    Channel channel = open(Channel.builder(server.address()).defaultTimeout(Duration.ofMillis(50)));
    assertThrows(CallTimeoutException.class, () -> echoAndWait(channel, "never"));
    assertThrows(CallTimeoutException.class, () -> ClientCalls.await(echo(channel, "never")));
  }

  @Test
  void messagesLargerThanAnyRingSlotTravelBothWays() throws Exception {
    Server server = serve(text -> done(new StringBuilder(text).reverse().toString()));
    Channel channel = open(server.address());
    List<CompletableFuture<String>> calls = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int size : new int[] {70_000, 1 << 20, 3 << 20, 100, 300_000}) {
      String text = randomText(size);
      sent.add(text);
      calls.add(echo(channel, text));
      // Small calls interleave with the fragments of large ones.
      calls.add(echo(channel, "small " + size));
      sent.add("small " + size);
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(
          new StringBuilder(sent.get(i)).reverse().toString(),
          calls.get(i).get(30, TimeUnit.SECONDS));
    }
  }

  static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  @Test
  void declaredAndApplicationErrorsCrossTheTransport() throws Exception {
    Server server = serve(text -> done(text));
    Channel channel = open(server.address());
    EchoService.Oops oops =
        assertThrows(
            EchoService.Oops.class,
            () ->
                ClientCalls.await(
                    channel.call(
                        null, EchoService.FAIL, new TextArgs("oops: x"), CallOptions.DEFAULT)));
    assertEquals("oops: x", oops.getMessage());
    var nope = dev.skiff.rpc.stub.MethodDescriptor.call("Echo", "nope", EchoService::readResult);
    ApplicationException unknown =
        assertThrows(
            ApplicationException.class,
            () ->
                ClientCalls.await(
                    channel.call(null, nope, new TextArgs("x"), CallOptions.DEFAULT)));
    assertEquals(ApplicationException.Type.UNKNOWN_METHOD, unknown.type());
  }

  @Test
  void interceptorsSeeThePeer() throws Exception {
    ConcurrentLinkedQueue<SocketAddress> peers = new ConcurrentLinkedQueue<>();
    Server server =
        serve(
            Server.builder(newAddress())
                .service(definition(t -> done(t)))
                .intercept(
                    (call, args, next) -> {
                      peers.add(call.remoteAddress());
                      return next.invoke(call, args);
                    }));
    Channel channel = open(server.address());
    assertEquals("x", ClientCalls.await(echo(channel, "x")));
    assertNotNull(peers.peek());
  }

  @Test
  void gracefulShutdownLetsCallsInFlightFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(20);
    CompletableFuture<String> release = new CompletableFuture<>();
    String address = newAddress();
    Server server =
        serve(
            Server.builder(address)
                .gracePeriod(Duration.ofSeconds(20))
                .service(
                    definition(
                        t -> {
                          started.countDown();
                          return release.thenApply(r -> t);
                        })));
    Channel channel = open(server.address());
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(echo(channel, "n" + i));
    }
    assertTrue(started.await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    timer.schedule(() -> release.complete("go"), 200, TimeUnit.MILLISECONDS);
    closing.get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 20; i++) {
      assertEquals("n" + i, calls.get(i).get(5, TimeUnit.SECONDS));
    }
    assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(channel, "late")));
    assertCleanedUp(server.address());
  }

  @Test
  void abruptShutdownFailsPendingCallsAtOnceAndTheNextCallReconnects() throws Exception {
    CountDownLatch hanging = new CountDownLatch(1);
    String address = newAddress();
    Server first =
        serve(
            Server.builder(address)
                .service(
                    definition(
                        text -> {
                          if (text.equals("hang")) {
                            hanging.countDown();
                            return new CompletableFuture<>();
                          }
                          return done(text);
                        })));
    String actual = first.address();
    Channel channel = open(Channel.builder(actual).initialBackoff(Duration.ofMillis(1)));
    assertEquals("warm", ClientCalls.await(echo(channel, "warm")));
    CompletableFuture<String> pending = echo(channel, "hang");
    assertTrue(hanging.await(10, TimeUnit.SECONDS));
    first.shutdown(Duration.ZERO);
    ExecutionException dropped =
        assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ConnectionException.class, dropped.getCause());

    serve(Server.builder(actual).service(definition(text -> done("again " + text))));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        assertEquals("again x", ClientCalls.await(echo(channel, "x")));
        break;
      } catch (ConnectionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(5);
      }
    }
  }

  @Test
  void connectingToNoServerFailsWithConnectionException() throws Exception {
    String address = newAddress();
    Server server = serve(Server.builder(address).service(definition(t -> done(t))));
    String actual = server.address();
    server.close();
    Channel channel = open(Channel.builder(actual).connectTimeout(Duration.ofSeconds(2)));
    ConnectionException refused =
        assertThrows(ConnectionException.class, () -> ClientCalls.await(echo(channel, "a")));
    assertTrue(
        refused.getMessage().startsWith("cannot connect to " + actual), refused.getMessage());
    assertCleanedUp(actual);
  }

  @Test
  void closedChannelRefusesCalls() throws Exception {
    Server server = serve(text -> done(text));
    Channel channel = open(server.address());
    assertEquals("a", ClientCalls.await(echo(channel, "a")));
    channel.close();
    channel.close();
    assertThrows(CallRejectedException.class, () -> ClientCalls.await(echo(channel, "x")));
  }

  @Test
  void manyChannelsToOneServer() throws Exception {
    Server server = serve(text -> done(text));
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      channels.add(open(server.address()));
    }
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < channels.size(); i++) {
        calls.add(echo(channels.get(i), round + "/" + i));
      }
    }
    int k = 0;
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < channels.size(); i++) {
        assertEquals(round + "/" + i, calls.get(k++).get(20, TimeUnit.SECONDS));
      }
    }
  }
}
