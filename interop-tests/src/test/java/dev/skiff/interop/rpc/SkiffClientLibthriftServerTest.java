package dev.skiff.interop.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.interop.ByteForByte;
import dev.skiff.interop.Corpus;
import dev.skiff.interop.ToSkiff;
import dev.skiff.interop.skiff.Base;
import dev.skiff.interop.skiff.Color;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Extended;
import dev.skiff.interop.skiff.Invalid;
import dev.skiff.interop.skiff.NotFound;
import dev.skiff.interop.skiff.Overloaded;
import dev.skiff.interop.skiff.Point;
import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.stub.MethodDescriptor;
import dev.skiff.rpc.testing.NettyLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Skiff channel and generated client call libthrift's servers (TThreadedSelectorServer and
 * TNonblockingServer, framed, both protocols, plain and behind a TMultiplexedProcessor) over TCP:
 * every method, every type, void, oneway, declared and undeclared exceptions, an unknown method,
 * and many calls in flight on one connection.
 */
@Timeout(60)
class SkiffClientLibthriftServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final LibthriftService service = new LibthriftService();
  private static final Map<ServerKey, LibthriftServer> servers = new LinkedHashMap<>();

  private Channel channel;

  /** Which libthrift server, speaking which protocol, and whether behind a multiplexer. */
  record ServerKey(LibthriftServer.Kind kind, Protocol protocol, boolean multiplexed) {}

  /** A server, and who does the client's I/O. */
  record Target(LibthriftServer.Kind kind, Protocol protocol, boolean multiplexed, IoMode ioMode) {
    @Override
    public String toString() {
      return kind + " " + protocol + (multiplexed ? " multiplexed" : "") + " " + ioMode;
    }

    ServerKey server() {
      return new ServerKey(kind, protocol, multiplexed);
    }

    /** The name the client calls the service by: null to call it plain. */
    String serviceName() {
      return multiplexed ? "Extended" : null;
    }
  }

  static Stream<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (IoMode ioMode : IoMode.values()) {
      for (LibthriftServer.Kind kind : LibthriftServer.Kind.values()) {
        for (Protocol protocol : Protocol.values()) {
          targets.add(new Target(kind, protocol, false, ioMode));
        }
      }
      for (Protocol protocol : Protocol.values()) {
        targets.add(new Target(LibthriftServer.Kind.THREADED_SELECTOR, protocol, true, ioMode));
      }
    }
    return targets.stream();
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    for (LibthriftServer server : servers.values()) {
      server.close();
    }
    NettyLeaks.assertNoLeaks();
  }

  @AfterEach
  void closeChannel() {
    if (channel != null) {
      channel.close();
    }
  }

  private static synchronized LibthriftServer server(Target target) throws Exception {
    LibthriftServer server = servers.get(target.server());
    if (server == null) {
      server =
          LibthriftServer.start(target.kind(), target.protocol(), target.multiplexed(), service);
      servers.put(target.server(), server);
    }
    return server;
  }

  private Channel channel(Target target) throws Exception {
    channel =
        Channel.builder(server(target).address())
            .protocol(target.protocol())
            .ioMode(target.ioMode())
            .defaultTimeout(CALL_TIMEOUT)
            .build();
    return channel;
  }

  private Extended.Client client(Target target) throws Exception {
    Channel channel = channel(target);
    return target.multiplexed()
        ? new Extended.Client(channel, target.serviceName())
        : new Extended.Client(channel);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void everyCorpusValueComesBackAsSent(Target target) throws Exception {
    Extended.Client client = client(target);
    int echoed = 0;
    for (Corpus.Case c : Corpus.cases()) {
      Object back = SkiffEcho.echo(client, ToSkiff.value(c.value()));
      if (back != null) {
        assertEquals(ByteForByte.afterOneTrip(c.value()), back, c.name());
        echoed++;
      }
    }
    assertTrue(echoed > 50, "only " + echoed + " corpus values had an echo method");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void corpusValuesInFlightTogetherEachGetTheirOwnAnswer(Target target) throws Exception {
    Extended.Async client = client(target).async();
    List<Object> sent = new ArrayList<>();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (Corpus.Case c : Corpus.cases()) {
      CompletableFuture<?> call = SkiffEcho.echoAsync(client, ToSkiff.value(c.value()));
      if (call != null) {
        sent.add(ByteForByte.afterOneTrip(c.value()));
        calls.add(call);
      }
    }
    for (int i = 0; i < 200; i++) {
      sent.add(i);
      calls.add(client.echoI32(i));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(sent.get(i), calls.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS), "call " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void baseValuesComeBackAsSent(Target target) throws Exception {
    Extended.Client client = client(target);
    assertTrue(client.echoBool(true));
    assertFalse(client.echoBool(false));
    for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, Byte.MAX_VALUE}) {
      assertEquals(b, client.echoByte(b));
    }
    for (short s : new short[] {Short.MIN_VALUE, -1, 0, 64, Short.MAX_VALUE}) {
      assertEquals(s, client.echoI16(s));
    }
    for (int i : new int[] {Integer.MIN_VALUE, -1, 0, 1 << 20, Integer.MAX_VALUE}) {
      assertEquals(i, client.echoI32(i));
    }
    for (long l : new long[] {Long.MIN_VALUE, -1, 0, 1L << 40, Long.MAX_VALUE}) {
      assertEquals(l, client.echoI64(l));
    }
    for (double d :
        new double[] {Double.NaN, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Math.E}) {
      assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(client.echoDouble(d)));
    }
    for (String s : Corpus.STRINGS) {
      assertEquals(s, client.echoString(s));
      assertEquals(Bytes.ofUtf8(s), client.echoBinary(Bytes.ofUtf8(s)));
    }
    for (Color color : Color.values()) {
      assertEquals(color, client.echoColor(color));
    }
    List<Point> points = List.of(new Point(1, 2), new Point(Integer.MIN_VALUE, 0));
    assertEquals(points, client.echoList(points));
    assertEquals(List.of(), client.echoList(List.of()));
    Set<String> strings = new LinkedHashSet<>(Corpus.STRINGS);
    assertEquals(strings, client.echoSet(strings));
    Map<Point, List<Color>> map = new LinkedHashMap<>();
    map.put(new Point(0, 0), List.of(Color.RED, Color.INFRARED));
    map.put(new Point(-1, 1), List.of());
    assertEquals(map, client.echoMap(map));
    assertEquals(Map.of(), client.echoMap(Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void describeDeliversEveryArgument(Target target) throws Exception {
    Extended.Client client = client(target);
    service.described.clear();
    SkiffService.Described args =
        new SkiffService.Described(
            false,
            Byte.MIN_VALUE,
            (short) -300,
            Integer.MAX_VALUE,
            -1L,
            Double.MAX_VALUE,
            "漢字",
            Bytes.of(new byte[] {9, 8}),
            Color.INFRARED,
            new Point(-3, 4),
            List.of(),
            Map.of("z", 0));
    String summary =
        client.describe(
            args.flag(),
            args.b(),
            args.small(),
            args.medium(),
            args.large(),
            args.real(),
            args.text(),
            args.data(),
            args.color(),
            args.point(),
            args.names(),
            args.counts());
    assertEquals("漢字/2147483647/", summary);
    assertEquals(args, Await.next(service.described, WAIT, "describe's arguments"));
    client.noop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void onewayCallsAreDelivered(Target target) throws Exception {
    Extended.Client client = client(target);
    service.told.clear();
    Set<SkiffService.Told> sent = new LinkedHashSet<>();
    for (int i = 0; i < 20; i++) {
      SkiffService.Told told = new SkiffService.Told(target + " #" + i, Long.MAX_VALUE - i);
      client.tell(told.text(), told.sequence());
      sent.add(told);
    }
    // libthrift's servers run one call per connection at a time, in order.
    List<SkiffService.Told> delivered = new ArrayList<>();
    while (delivered.size() < sent.size()) {
      delivered.add(
          Await.next(service.told, WAIT, "oneway calls, " + delivered.size() + " so far"));
    }
    assertEquals(List.copyOf(sent), delivered);
    assertEquals(42, client.echoI32(42));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void declaredExceptionsReachTheCaller(Target target) throws Exception {
    Extended.Client client = client(target);
    assertEquals(
        SkiffService.notFound("notFound"),
        assertThrows(NotFound.class, () -> client.check("notFound")));
    assertEquals(
        SkiffService.invalid("invalid"),
        assertThrows(Invalid.class, () -> client.check("invalid")));
    assertEquals(
        SkiffService.overloaded(),
        assertThrows(Overloaded.class, () -> client.check("overloaded")));
    assertEquals(2, client.check("ok"));
    assertEquals(
        SkiffService.notFound("notFound"),
        assertThrows(NotFound.class, () -> client.reject("notFound")));
    assertEquals(
        SkiffService.invalid("invalid"),
        assertThrows(Invalid.class, () -> client.reject("invalid")));
    client.reject("fine");
    assertEquals(
        SkiffService.invalid("size -1"), assertThrows(Invalid.class, () -> client.forest(-1)));

    // Through the asynchronous interface, the future fails with the declared exception.
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () -> client.async().check("overloaded").get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertEquals(SkiffService.overloaded(), failed.getCause());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void undeclaredFailuresAreInternalErrors(Target target) throws Exception {
    Extended.Client client = client(target);
    ApplicationException crash =
        assertThrows(ApplicationException.class, () -> client.crash("why"));
    assertEquals(ApplicationException.Type.INTERNAL_ERROR, crash.type());
    assertEquals("Internal error processing crash", crash.getMessage());
    ApplicationException check =
        assertThrows(ApplicationException.class, () -> client.check("crash"));
    assertEquals(ApplicationException.Type.INTERNAL_ERROR, check.type());
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () -> client.async().reject("crash").get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertEquals(
        ApplicationException.Type.INTERNAL_ERROR,
        assertInstanceOf(ApplicationException.class, async.getCause()).type());
    assertEquals(7, client.echoI32(7), "the connection is still usable");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void unknownMethodGetsUnknownMethod(Target target) throws Exception {
    Extended.Client client = client(target);
    MethodDescriptor<Void> nope =
        MethodDescriptor.call(
            "Extended",
            "nope",
            in -> {
              in.skip(TType.STRUCT);
              return null;
            });
    CompletableFuture<Void> call =
        channel.call(target.serviceName(), nope, new Empty(), CallOptions.DEFAULT);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> call.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    ApplicationException unknown = assertInstanceOf(ApplicationException.class, e.getCause());
    assertEquals(ApplicationException.Type.UNKNOWN_METHOD, unknown.type());
    assertEquals("Invalid method name: 'nope'", unknown.getMessage());
    assertEquals(8, client.echoI32(8), "the connection is still usable");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void timedOutAndCancelledCallsLeaveTheConnectionUsable(Target target) throws Exception {
    Extended.Client client = client(target);
    // Connected first: a call's timeout starts only once the channel is connected.
    assertEquals(0, client.echoI32(0));
    Extended.Client impatient = client.withOptions(CallOptions.timeout(Duration.ofMillis(100)));
    long start = System.nanoTime();
    assertThrows(CallTimeoutException.class, () -> impatient.sleep(700));
    Duration failedAfter = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        failedAfter.compareTo(Duration.ofMillis(600)) < 0,
        "the timed-out call failed only after " + failedAfter);
    // libthrift answers in order: the late reply comes first, and is dropped.
    for (int i = 0; i < 5; i++) {
      assertEquals(i, client.echoI32(i));
    }

    CompletableFuture<Long> cancelled = client.async().sleep(300);
    assertTrue(cancelled.cancel(true));
    assertEquals(9, client.echoI32(9));
    assertTrue(cancelled.isCancelled());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void inheritedAndOwnMethodsOnOneConnection(Target target) throws Exception {
    Extended.Client extended = client(target);
    assertEquals(5, extended.sleep(5));
    assertEquals(ToSkiff.list(service.forest(3), ToSkiff::tree), extended.forest(3), "own method");
    assertEquals(-9, extended.echoI32(-9), "inherited method");
    Base base = extended;
    assertEquals(-10, base.echoI32(-10));
    if (target.multiplexed()) {
      // A second service on the same connection, through its own multiplexed name.
      Base.Client other = new Base.Client(channel, "Base");
      assertEquals(11, other.echoI32(11));
      assertEquals(12, extended.echoI32(12));
    }
  }
}
