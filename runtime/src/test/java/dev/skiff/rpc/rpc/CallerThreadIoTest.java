package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.TlsConfig;
import dev.skiff.rpc.internal.CallTimeoutWheel;
import dev.skiff.rpc.protocol.ProtocolConfig;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.util.HashedWheelTimer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@link IoMode#CALLER_THREAD} promises beyond the transport suite ({@link TcpTransportTest},
 * which runs with it as the default): sync callers do their own I/O, async replies are read in the
 * background, an idle connection the server closed is noticed before the next call, and a peer that
 * misbehaves costs a typed failure, never a stuck caller.
 */
@Timeout(60)
class CallerThreadIoTest {
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

  private Server serve(Function<String, CompletionStage<String>> behaviour) {
    return serve(Server.builder("tcp://127.0.0.1:0"), behaviour);
  }

  private Server serve(
      Server.Builder builder, Function<String, CompletionStage<String>> behaviour) {
    Server server = builder.service(EchoService.definition(behaviour, text -> {})).build().start();
    resources.add(server);
    return server;
  }

  private Channel open(Channel.Builder builder) {
    Channel channel = builder.ioMode(IoMode.CALLER_THREAD).build();
    resources.add(channel);
    return channel;
  }

  private static String echoAndWait(Channel channel, String text) throws Exception {
    return channel.callAndWait(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  private static boolean readerThreadFor(Server server) {
    String port = ":" + server.address().substring(server.address().lastIndexOf(':') + 1);
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("skiff-reader") && t.getName().endsWith(port));
  }

  @Test
  void asyncRepliesAreReadInTheBackgroundAndRunCallbacksThere() throws Exception {
    CompletableFuture<String> held = new CompletableFuture<>();
    Server server =
        serve(text -> text.equals("async") ? held : CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));
    echoAndWait(channel, "connect");
    CompletableFuture<String> thread = new CompletableFuture<>();
    echo(channel, "async").thenRun(() -> thread.complete(Thread.currentThread().getName()));
    held.complete("re: async");
    // Nobody blocks on the call: only the background reader can have read its reply.
    assertTrue(thread.get(10, TimeUnit.SECONDS).startsWith("skiff-reader"), thread::join);
    assertTrue(readerThreadFor(server));
  }

  @Test
  void channelsThatSetNoIoModeDoTheirOwnIoOverPlainSockets() throws Exception {
    Server server = serve(CompletableFuture::completedFuture);
    Channel channel = Channel.builder(server.address()).build();
    resources.add(channel);
    CompletableFuture<String> thread = new CompletableFuture<>();
    echo(channel, "async").thenRun(() -> thread.complete(Thread.currentThread().getName()));
    assertTrue(thread.get(10, TimeUnit.SECONDS).startsWith("skiff-reader"), thread::join);
  }

  @Test
  void theBackgroundReaderEndsOnceNoAsyncCallIsLeftAndTheNextAsyncCallStartsAnother()
      throws Exception {
    Server server = serve(CompletableFuture::completedFuture);
    Channel channel = open(Channel.builder(server.address()));
    assertEquals("one", echo(channel, "one").get(10, TimeUnit.SECONDS));
    assertTrue(readerThreadFor(server));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (readerThreadFor(server) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertFalse(readerThreadFor(server), "the reader outlived its last async call");
    assertEquals("two", echo(channel, "two").get(10, TimeUnit.SECONDS));
    assertEquals("sync", echoAndWait(channel, "sync"));
  }

  @Test
  void syncAndAsyncCallsInterleaveOnOneConnection() throws Exception {
    Server server =
        serve(
            text ->
                CompletableFuture.supplyAsync(
                    () -> "re: " + text,
                    CompletableFuture.delayedExecutor(
                        text.startsWith("slow") ? 50 : 0, TimeUnit.MILLISECONDS)));
    Channel channel = open(Channel.builder(server.address()));
    List<CompletableFuture<String>> slow = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      slow.add(echo(channel, "slow " + round));
      // The sync caller reads the async replies that come before its own and hands them over.
      assertEquals("re: fast " + round, echoAndWait(channel, "fast " + round));
    }
    for (int round = 0; round < 20; round++) {
      assertEquals("re: slow " + round, slow.get(round).get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void manyThreadsMixingSyncAndAsyncCallsEachGetTheirOwnReplies() throws Exception {
    Server server =
        serve(
            text -> {
              long delayMicros = ThreadLocalRandom.current().nextLong(0, 2_000);
              return CompletableFuture.supplyAsync(
                  () -> "re: " + text,
                  CompletableFuture.delayedExecutor(delayMicros, TimeUnit.MICROSECONDS));
            });
    Channel channel = open(Channel.builder(server.address()));
    ExecutorService callers = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        threads.add(
            callers.submit(
                () -> {
                  List<CompletableFuture<String>> pending = new ArrayList<>();
                  List<String> sent = new ArrayList<>();
                  int checked = 0;
                  for (int i = 0; i < 300; i++) {
                    String text = thread + "/" + i;
                    if (ThreadLocalRandom.current().nextInt(10) < 7) {
                      assertEquals("re: " + text, echoAndWait(channel, text));
                      checked++;
                    } else {
                      pending.add(echo(channel, text));
                      sent.add(text);
                    }
                  }
                  for (int i = 0; i < pending.size(); i++) {
                    assertEquals("re: " + sent.get(i), pending.get(i).get(30, TimeUnit.SECONDS));
                    checked++;
                  }
                  return checked;
                }));
      }
      int total = 0;
      for (Future<Integer> thread : threads) {
        total += thread.get(50, TimeUnit.SECONDS);
      }
      assertEquals(16 * 300, total);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void manyThreadsSendingLargeFramesAtOnceAllGetTheirReplies() throws Exception {
    // Megabytes each way at once: more than the socket buffers hold, so writers wait for room
    // while the peer waits for room to write its replies; the reader must keep reading meanwhile.
    Server server = serve(text -> CompletableFuture.completedFuture(text.toUpperCase()));
    Channel channel = open(Channel.builder(server.address()));
    ExecutorService callers = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < 12; t++) {
        String text = String.valueOf((char) ('a' + t)).repeat(1024 * 1024);
        String expected = text.toUpperCase();
        threads.add(
            callers.submit(
                () -> {
                  List<CompletableFuture<String>> async = new ArrayList<>();
                  for (int i = 0; i < 3; i++) {
                    async.add(echo(channel, text));
                    assertEquals(expected, echoAndWait(channel, text));
                  }
                  for (CompletableFuture<String> reply : async) {
                    assertEquals(expected, reply.get(30, TimeUnit.SECONDS));
                  }
                  return null;
                }));
      }
      for (Future<?> thread : threads) {
        thread.get(50, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void waitingForAnotherCallInsideACallbackOnTheReadingThreadFailsInsteadOfDeadlocking()
      throws Exception {
    CompletableFuture<String> held = new CompletableFuture<>();
    Server server =
        serve(text -> text.equals("outer") ? held : CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));
    echoAndWait(channel, "connect");
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    echo(channel, "outer")
        .thenRun(
            () -> {
              try {
                echo(channel, "inner").get(5, TimeUnit.SECONDS);
                failure.complete(null);
              } catch (Exception | Error e) {
                failure.complete(e);
              }
            });
    held.complete("outer"); // answered once the callback is in place: it runs on the reader
    Throwable thrown = failure.get(10, TimeUnit.SECONDS);
    assertInstanceOf(IllegalStateException.class, thrown);
    assertTrue(thrown.getMessage().contains("thenCompose"), thrown.getMessage());
    assertEquals("after", echoAndWait(channel, "after"));
  }

  @Test
  void anIdleConnectionTheServerClosedIsReplacedBeforeTheNextCall() throws Exception {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0").idleTimeout(Duration.ofMillis(100)),
            text -> CompletableFuture.completedFuture("re: " + text));
    Channel channel = open(Channel.builder(server.address()));
    for (int i = 0; i < 3; i++) {
      assertEquals("re: " + i, echoAndWait(channel, String.valueOf(i)));
      Thread.sleep(400); // the server closes the idle connection meanwhile
    }
  }

  @Test
  void aReplyLargerThanTheFrameLimitFailsTheCallAndTheChannelRecovers() throws Exception {
    // Requests are checked when encoded; only the reply can overstep, so pad it on the server.
    Server server =
        serve(
            text ->
                CompletableFuture.completedFuture(
                    text.equals("pad me") ? text + "x".repeat(4096) : text));
    Channel channel =
        open(
            Channel.builder(server.address())
                .initialBackoff(Duration.ofMillis(1))
                .protocolConfig(ProtocolConfig.builder().maxFrameSize(1024).build()));
    assertEquals("small", echoAndWait(channel, "small"));
    ConnectionException failed =
        assertThrows(ConnectionException.class, () -> echoAndWait(channel, "pad me"));
    assertInstanceOf(ProtocolException.class, failed.getCause(), failed::toString);
    // The oversized frame closed the connection; the same channel connects again.
    assertEquals("again", echoAndWait(channel, "again"));
  }

  @Test
  void aPeerThatStopsReadingTimesTheCallOutWithoutHoldingTheCaller() throws Exception {
    try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread accepting =
          new Thread(
              () -> {
                try (Socket socket = deaf.accept()) {
                  InputStream in = socket.getInputStream();
                  Thread.sleep(60_000); // never reads
                  in.close();
                } catch (Exception ignored) {
                  // Closed by the test.
                }
              });
      accepting.setDaemon(true);
      accepting.start();
      Channel channel =
          open(
              Channel.builder("tcp://127.0.0.1:" + deaf.getLocalPort())
                  .defaultTimeout(Duration.ofMillis(300)));
      String huge = "y".repeat(8 * 1024 * 1024); // more than the socket buffers hold
      long start = System.nanoTime();
      assertThrows(CallTimeoutException.class, () -> echoAndWait(channel, "hello"));
      assertThrows(CallTimeoutException.class, () -> echoAndWait(channel, huge));
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(took < 5_000, "took " + took + " ms");
      accepting.interrupt();
    }
  }

  @Test
  void aSyncCallTakesNoTimerItsWaitingCallerEndsItAtTheDeadline() throws Exception {
    CompletableFuture<String> syncHeld = new CompletableFuture<>();
    CompletableFuture<String> asyncHeld = new CompletableFuture<>();
    CompletableFuture<Void> syncArrived = new CompletableFuture<>();
    Server server =
        serve(
            text ->
                switch (text) {
                  case "sync" -> {
                    syncArrived.complete(null);
                    yield syncHeld;
                  }
                  case "async" -> asyncHeld;
                  default -> CompletableFuture.completedFuture(text);
                });
    Channel channel = open(Channel.builder(server.address()));
    echoAndWait(channel, "connect");
    HashedWheelTimer wheel = CallTimeoutWheel.get();
    long before = settledPendingTimeouts(wheel);
    CompletableFuture<String> sync =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return echoAndWait(channel, "sync");
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    syncArrived.get(10, TimeUnit.SECONDS);
    assertEquals(before, settledPendingTimeouts(wheel), "a sync call in flight holds no timer");
    CompletableFuture<String> async = echo(channel, "async");
    assertEquals(before + 1, wheel.pendingTimeouts(), "an async call's timeout is the wheel's");
    syncHeld.complete("sync reply");
    asyncHeld.complete("async reply");
    assertEquals("sync reply", sync.get(10, TimeUnit.SECONDS));
    assertEquals("async reply", async.get(10, TimeUnit.SECONDS));

    // With no timer, the sync call still ends at its deadline, and its late reply is dropped.
    CompletableFuture<String> never = new CompletableFuture<>();
    Server silent =
        serve(text -> text.equals("never") ? never : CompletableFuture.completedFuture(text));
    Channel timed = open(Channel.builder(silent.address()).defaultTimeout(Duration.ofMillis(200)));
    echoAndWait(timed, "connect");
    long start = System.nanoTime();
    assertThrows(CallTimeoutException.class, () -> echoAndWait(timed, "never"));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= 200 && waited < 5_000, "waited " + waited + " ms");
    never.complete("too late");
    assertEquals("after", echoAndWait(timed, "after"));
  }

  /**
   * The wheel's count once it stopped changing: timeouts other tests cancelled leave it on the
   * wheel's next tick.
   */
  private static long settledPendingTimeouts(HashedWheelTimer wheel) throws InterruptedException {
    long last = wheel.pendingTimeouts();
    for (int stable = 0; stable < 5; ) {
      Thread.sleep(20);
      long now = wheel.pendingTimeouts();
      stable = now == last ? stable + 1 : 0;
      last = now;
    }
    return last;
  }

  @Test
  void tlsIsRefusedWithAClearMessage() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Channel.builder("tcp://127.0.0.1:1")
                    .tls(TlsConfig.builder().build())
                    .ioMode(IoMode.CALLER_THREAD)
                    .build());
    assertTrue(refused.getMessage().contains("IoMode.EVENT_LOOP"), refused.getMessage());
  }

  @Test
  void aWaitThatTimesOutLeavesTheSocketToTheBackgroundReader() throws Exception {
    CompletableFuture<String> held = new CompletableFuture<>();
    Server server =
        serve(text -> text.equals("held") ? held : CompletableFuture.completedFuture(text));
    Channel channel = open(Channel.builder(server.address()));
    echoAndWait(channel, "connect");
    CompletableFuture<String> call = echo(channel, "held");
    assertThrows(
        java.util.concurrent.TimeoutException.class, () -> call.get(50, TimeUnit.MILLISECONDS));
    assertFalse(call.isDone());
    held.complete("at last");
    assertEquals("at last", call.get(10, TimeUnit.SECONDS));
  }

  @Test
  void anInterruptedSyncCallerHandsTheSocketOnAndItsLateReplyIsDropped() throws Exception {
    CompletableFuture<String> syncHeld = new CompletableFuture<>();
    CompletableFuture<String> asyncHeld = new CompletableFuture<>();
    Server server =
        serve(
            text ->
                switch (text) {
                  case "sync" -> syncHeld;
                  case "async" -> asyncHeld;
                  default -> CompletableFuture.completedFuture(text);
                });
    Channel channel = open(Channel.builder(server.address()));
    echoAndWait(channel, "connect");
    CompletableFuture<String> async = echo(channel, "async");
    CompletableFuture<Throwable> syncFailure = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                echoAndWait(channel, "sync");
                syncFailure.complete(null);
              } catch (Throwable e) {
                syncFailure.complete(e);
              }
            });
    caller.start();
    // Let the caller reach its wait (reading the socket, or queued behind the reader thread).
    Thread.sleep(100);
    assertFalse(syncFailure.isDone());
    caller.interrupt();
    Throwable thrown = syncFailure.get(10, TimeUnit.SECONDS);
    assertInstanceOf(SkiffException.class, thrown);
    assertTrue(thrown.getMessage().contains("interrupted"), thrown.getMessage());
    // Whoever reads now delivers the async reply; the cancelled call's late reply disturbs nothing.
    syncHeld.complete("late");
    asyncHeld.complete("async done");
    assertEquals("async done", async.get(10, TimeUnit.SECONDS));
    assertEquals("after", echoAndWait(channel, "after"));
  }
}
