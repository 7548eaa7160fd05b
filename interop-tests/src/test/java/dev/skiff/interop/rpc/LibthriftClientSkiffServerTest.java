package dev.skiff.interop.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.interop.ByteForByte;
import dev.skiff.interop.Corpus;
import dev.skiff.interop.ToSkiff;
import dev.skiff.interop.libthrift.Base;
import dev.skiff.interop.libthrift.Color;
import dev.skiff.interop.libthrift.Extended;
import dev.skiff.interop.libthrift.Invalid;
import dev.skiff.interop.libthrift.NotFound;
import dev.skiff.interop.libthrift.Overloaded;
import dev.skiff.interop.libthrift.Point;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.testing.NettyLeaks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TBase;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TMultiplexedProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A libthrift client (TSocket + TFramedTransport, both protocols, plain and through
 * TMultiplexedProtocol) calls a Skiff server over TCP: every method, every type, void, oneway,
 * declared and undeclared exceptions, an unknown method. The server serves the blocking
 * implementation unnamed (and so also as "Extended"), as "Base", and the asynchronous
 * implementation as "ExtendedAsync".
 */
@Timeout(60)
class LibthriftClientSkiffServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  private static final SkiffService service = new SkiffService();
  private static final ExecutorService asyncHandlers = Executors.newFixedThreadPool(2);
  private static Server server;

  private TTransport transport;

  /** How the libthrift client reaches the service. */
  record Connection(Protocol protocol, String multiplexedName, boolean strict) {
    Connection(Protocol protocol, String multiplexedName) {
      this(protocol, multiplexedName, true);
    }

    @Override
    public String toString() {
      return protocol
          + (strict ? "" : " non-strict")
          + (multiplexedName == null ? " plain" : " multiplexed as " + multiplexedName);
    }
  }

  static Stream<Connection> connections() {
    List<Connection> connections = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      connections.add(new Connection(protocol, null));
      connections.add(new Connection(protocol, "Extended"));
      connections.add(new Connection(protocol, "ExtendedAsync"));
    }
    // The binary protocol's old message header (no version word), which libthrift writes when
    // told to be non-strict.
    connections.add(new Connection(Protocol.BINARY, null, false));
    return connections.stream();
  }

  @BeforeAll
  static void startServer() {
    server =
        Server.builder("tcp://127.0.0.1:0")
            .service(dev.skiff.interop.skiff.Extended.serviceDefinition(service))
            .service("Base", dev.skiff.interop.skiff.Base.serviceDefinition(service))
            .service(
                "ExtendedAsync",
                dev.skiff.interop.skiff.Extended.asyncServiceDefinition(
                    new SkiffAsyncService(service, asyncHandlers)))
            .gracePeriod(Duration.ZERO)
            .build()
            .start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
    asyncHandlers.shutdownNow();
    NettyLeaks.assertNoLeaks();
  }

  @AfterEach
  void closeClient() {
    if (transport != null) {
      transport.close();
    }
  }

  private TProtocol connect(Connection connection) throws Exception {
    TSocket socket = new TSocket("127.0.0.1", server.port(), SOCKET_TIMEOUT_MILLIS);
    transport = new TFramedTransport(socket);
    transport.open();
    return connection.strict()
        ? dev.skiff.interop.Codecs.libthriftProtocol(connection.protocol(), transport)
        : new TBinaryProtocol(transport, false, false);
  }

  private Extended.Client client(Connection connection) throws Exception {
    return client(connect(connection), connection.multiplexedName());
  }

  private static Extended.Client client(TProtocol protocol, String multiplexedName) {
    return new Extended.Client(
        multiplexedName == null ? protocol : new TMultiplexedProtocol(protocol, multiplexedName));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void everyCorpusValueComesBackAsSent(Connection connection) throws Exception {
    Extended.Client client = client(connection);
    int echoed = 0;
    for (Corpus.Case c : Corpus.cases()) {
      TBase<?, ?> back = LibthriftEcho.echo(client, c.value());
      if (back != null) {
        assertEquals(ByteForByte.afterOneTrip(c.value()), ToSkiff.value(back), c.name());
        echoed++;
      }
    }
    assertTrue(echoed > 50, "only " + echoed + " corpus values had an echo method");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void baseValuesComeBackAsSent(Connection connection) throws Exception {
    Extended.Client client = client(connection);
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
      ByteBuffer bytes = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
      assertEquals(bytes, client.echoBinary(bytes.duplicate()));
    }
    for (Color color : Color.values()) {
      assertEquals(color, client.echoColor(color));
    }
    List<Point> points = List.of(new Point(1, 2), new Point(Integer.MIN_VALUE, 0));
    assertEquals(points, client.echoList(points));
    assertEquals(List.of(), client.echoList(List.of()));
    Set<String> strings = new HashSet<>(Corpus.STRINGS);
    assertEquals(strings, client.echoSet(strings));
    Map<Point, List<Color>> map = new HashMap<>();
    map.put(new Point(0, 0), List.of(Color.RED, Color.INFRARED));
    map.put(new Point(-1, 1), List.of());
    assertEquals(map, client.echoMap(map));
    assertEquals(Map.of(), client.echoMap(Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void describeDeliversEveryArgument(Connection connection) throws Exception {
    Extended.Client client = client(connection);
    service.described.clear();
    String summary =
        client.describe(
            true,
            (byte) -7,
            (short) 300,
            -123456,
            Long.MIN_VALUE,
            -0.5,
            "ünïcode ☃",
            ByteBuffer.wrap(new byte[] {0, -1, 2}),
            Color.ULTRAVIOLET,
            new Point(3, -4),
            List.of("a", "b"),
            Map.of("k", -1));
    assertEquals("ünïcode ☃/-123456/a,b", summary);
    assertEquals(
        new SkiffService.Described(
            true,
            (byte) -7,
            (short) 300,
            -123456,
            Long.MIN_VALUE,
            -0.5,
            "ünïcode ☃",
            dev.skiff.rpc.Bytes.of(new byte[] {0, -1, 2}),
            dev.skiff.interop.skiff.Color.ULTRAVIOLET,
            new dev.skiff.interop.skiff.Point(3, -4),
            List.of("a", "b"),
            Map.of("k", -1)),
        Await.next(service.described, WAIT, "describe's arguments"));
    client.noop();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void onewayCallsAreDelivered(Connection connection) throws Exception {
    Extended.Client client = client(connection);
    service.told.clear();
    Set<SkiffService.Told> sent = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      SkiffService.Told told = new SkiffService.Told(connection + " #" + i, Long.MIN_VALUE + i);
      client.tell(told.text(), told.sequence());
      sent.add(told);
    }
    Set<SkiffService.Told> delivered = new HashSet<>();
    while (delivered.size() < sent.size()) {
      delivered.add(
          Await.next(service.told, WAIT, "oneway calls, " + delivered.size() + " so far"));
    }
    assertEquals(sent, delivered);
    // No reply came for any of them: the next reply read is this call's.
    assertEquals(42, client.echoI32(42));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void declaredExceptionsReachTheCaller(Connection connection) throws Exception {
    Extended.Client client = client(connection);
    assertEquals(
        LibthriftService.notFound("notFound"),
        assertThrows(NotFound.class, () -> client.check("notFound")));
    assertEquals(
        LibthriftService.invalid("invalid"),
        assertThrows(Invalid.class, () -> client.check("invalid")));
    assertEquals(
        LibthriftService.overloaded(),
        assertThrows(Overloaded.class, () -> client.check("overloaded")));
    assertEquals(2, client.check("ok"));
    assertEquals(
        LibthriftService.notFound("notFound"),
        assertThrows(NotFound.class, () -> client.reject("notFound")));
    assertEquals(
        LibthriftService.invalid("invalid"),
        assertThrows(Invalid.class, () -> client.reject("invalid")));
    client.reject("fine");
    assertEquals(
        LibthriftService.invalid("size -1"), assertThrows(Invalid.class, () -> client.forest(-1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void undeclaredFailuresAreInternalErrorsThatRevealNothing(Connection connection)
      throws Exception {
    Extended.Client client = client(connection);
    for (String method : new String[] {"crash", "check", "reject"}) {
      TApplicationException e =
          assertThrows(
              TApplicationException.class,
              () -> {
                switch (method) {
                  case "crash" -> client.crash("why");
                  case "check" -> client.check("crash");
                  default -> client.reject("crash");
                }
              },
              method);
      assertEquals(TApplicationException.INTERNAL_ERROR, e.getType(), method);
      assertEquals("Internal error processing " + method, e.getMessage());
      assertFalse(e.getMessage().contains(SkiffService.SECRET));
    }
    assertEquals(7, client.echoI32(7), "the connection is still usable");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void unknownMethodGetsUnknownMethod(Connection connection) throws Exception {
    TProtocol protocol = connect(connection);
    TProtocol out =
        connection.multiplexedName() == null
            ? protocol
            : new TMultiplexedProtocol(protocol, connection.multiplexedName());
    out.writeMessageBegin(new TMessage("nope", TMessageType.CALL, 77));
    out.writeStructBegin(new TStruct("nope_args"));
    out.writeFieldBegin(new org.apache.thrift.protocol.TField("x", (byte) 8, (short) 1));
    out.writeI32(5);
    out.writeFieldEnd();
    out.writeFieldStop();
    out.writeStructEnd();
    out.writeMessageEnd();
    out.getTransport().flush();

    TMessage reply = protocol.readMessageBegin();
    assertEquals(TMessageType.EXCEPTION, reply.type);
    assertEquals(77, reply.seqid);
    assertEquals("nope", reply.name);
    TApplicationException e = TApplicationException.readFrom(protocol);
    protocol.readMessageEnd();
    assertEquals(TApplicationException.UNKNOWN_METHOD, e.getType());
    assertEquals("Invalid method name: 'nope'", e.getMessage());

    assertEquals(8, client(protocol, connection.multiplexedName()).echoI32(8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("connections")
  void inheritedAndOwnMethodsOnOneConnection(Connection connection) throws Exception {
    TProtocol protocol = connect(connection);
    Extended.Client extended = client(protocol, connection.multiplexedName());
    assertEquals(5, extended.sleep(5));
    assertEquals(3, extended.forest(3).size());
    assertEquals(ToSkiff.list(extended.forest(2), ToSkiff::tree), service.forest(2));
    assertEquals(-9, extended.echoI32(-9));
    if (connection.multiplexedName() != null) {
      // A second service on the same connection, through its own multiplexed name.
      Base.Client base = new Base.Client(new TMultiplexedProtocol(protocol, "Base"));
      assertEquals(11, base.echoI32(11));
      assertEquals(12, extended.echoI32(12));
    }
  }
}
