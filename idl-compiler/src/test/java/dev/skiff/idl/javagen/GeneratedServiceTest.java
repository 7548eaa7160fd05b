package dev.skiff.idl.javagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.skiff.idl.schema.Schema;
import dev.skiff.rpc.ApplicationException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ThriftStruct;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compiles the services of {@link ServiceIdl} with {@code -Xlint:all -Werror --release 17}, serves
 * implementations of them, blocking and asynchronous, from a {@link Server} on a free port, and
 * calls them through the generated clients, blocking and {@code async()}: every combination must
 * give the same outcomes, declared exceptions, undeclared failures and oneway calls included.
 */
@Timeout(60)
class GeneratedServiceTest {
  /** The outcome of each call {@code ServiceHarness.calls} makes, in order. */
  private static final List<String> EXPECTED =
      List.of(
          "ping = pong",
          "reset(false) = done",
          "reset(true) threw BaseError: cannot reset",
          "notify = done",
          "received notify hi",
          "add(2, 3) = 5",
          "add(MAX, 1) threw Overflow: limit=2147483647, detail=2147483647 + 1",
          "calculate(7 / 2) = 3",
          "calculate(7 / 0) threw DivideByZero: 7 / 0",
          "calculate(MAX * 3) threw Overflow: limit=2147483647, detail=big",
          "calculate(no op) threw BaseError: no operation",
          "clear = done",
          "log = done",
          "received log written",
          "history = [Work[a=2, b=3, op=ADD, comment=ann {odd=[3, 1], none=[]} Bytes[3: 616263]"
              + " 00000000-0000-0001-0000-000000000002], Work[a=0, b=0, op=null, comment=null]]",
          "echo = Work[a=2147483647, b=3, op=MULTIPLY, comment=big]",
          "echo(null) failed MISSING_RESULT: echo failed: unknown result",
          "maybe(x) = x",
          "maybe() failed MISSING_RESULT: maybe failed: unknown result",
          "fail failed INTERNAL_ERROR: Internal error processing fail",
          "twice(1.5) = 3.0",
          "power(2, 10) = 1024.0",
          "table = {MULTIPLY=[0, 3, 6], ADD=[0, 1, 2]}",
          "ping again = pong");

  @TempDir static Path output;

  private static ClassLoader loader;
  private static Class<?> harness;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void compile() throws ClassNotFoundException {
    List<JavaFile> files = new ArrayList<>();
    Schema calc = Idl.link(ServiceIdl.calc(), "calc.thrift");
    files.addAll(JavaGenerator.generate(calc, calc.programs()));
    files.addAll(JavaGenerator.generate(Idl.link("plain.thrift", ServiceIdl.PLAIN)));
    files.addAll(JavaGenerator.generate(Idl.link("greeter1.thrift", ServiceIdl.GREETER_V1)));
    files.addAll(JavaGenerator.generate(Idl.link("greeter2.thrift", ServiceIdl.GREETER_V2)));
    loader =
        InMemoryCompiler.compile(
            files,
            List.of(InMemoryCompiler.source(ServiceHarness.CLASS_NAME, ServiceHarness.SOURCE)),
            RuntimeClasspath.get(),
            output);
    harness = loader.loadClass(ServiceHarness.CLASS_NAME);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  private Server serve(Server.Builder builder) {
    Server server = builder.build().start();
    resources.add(server);
    return server;
  }

  private Channel open(Server server, Protocol protocol) {
    Channel channel = Channel.builder(server.address()).protocol(protocol).build();
    resources.add(channel);
    return channel;
  }

  private static Object call(String method, Object... args) {
    for (Method m : harness.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw new AssertionError(method + " threw", e.getCause());
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    throw new AssertionError("no method " + method + " in the harness");
  }

  @ParameterizedTest(name = "async implementation: {0}, multiplexed: {1}, async client: {2}")
  @CsvSource({
    "false, false, false",
    "false, false, true",
    "false, true, false",
    "false, true, true",
    "true, false, false",
    "true, false, true",
    "true, true, false",
    "true, true, true"
  })
  void everyImplementationAndClientGivesTheSameOutcomes(
      boolean asyncImplementation, boolean multiplexed, boolean asyncClient) {
    ServiceDefinition scientific = (ServiceDefinition) call("scientific", asyncImplementation);
    assertEquals("Scientific", scientific.name());
    Server server =
        serve(
            multiplexed
                ? Server.builder("tcp://127.0.0.1:0").service("calc", scientific)
                : Server.builder("tcp://127.0.0.1:0").service(scientific));
    Channel channel = open(server, Protocol.COMPACT);
    assertEquals(
        EXPECTED, call("calls", channel, multiplexed ? "calc" : null, asyncClient), "outcomes");
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void bothProtocolsCarryTheCalls(Protocol protocol) {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service((ServiceDefinition) call("scientific", true)));
    assertEquals(EXPECTED, call("calls", open(server, protocol), null, false));
  }

  @Test
  void extendsChainsSpanPackagesAndEveryTypeHasItsPlace() throws ClassNotFoundException {
    Class<?> base = loader.loadClass("com.example.svc.base.Base");
    Class<?> calculator = loader.loadClass("com.example.svc.calc.Calculator");
    Class<?> scientific = loader.loadClass("com.example.svc.calc.Scientific");
    assertEquals(List.of(base), List.of(calculator.getInterfaces()));
    assertEquals(List.of(calculator), List.of(scientific.getInterfaces()));
    assertEquals(
        List.of(loader.loadClass("com.example.svc.base.Base$Async")),
        List.of(loader.loadClass("com.example.svc.calc.Calculator$Async").getInterfaces()));
    assertEquals(
        List.of(loader.loadClass("com.example.svc.calc.Calculator$Async")),
        List.of(loader.loadClass("com.example.svc.calc.Scientific$Async").getInterfaces()));
    Class<?> client = loader.loadClass("com.example.svc.calc.Scientific$Client");
    assertEquals(List.of(scientific), List.of(client.getInterfaces()));
    assertTrue(Modifier.isFinal(client.getModifiers()) && Modifier.isPublic(client.getModifiers()));

    Class<?> rpc = loader.loadClass("com.example.svc.calc.CalculatorRpc");
    assertFalse(Modifier.isPublic(rpc.getModifiers()), "the Rpc class is package-private");
    // Inherited methods have their own records, since BaseRpc is out of reach in another package.
    loader.loadClass("com.example.svc.calc.CalculatorRpc$PingArgs");
    loader.loadClass("com.example.svc.calc.ScientificRpc$PingResult");

    // Services named like the nested types; a service in the default package.
    assertEquals(
        List.of(loader.loadClass("com.example.svc.calc.Client_")),
        List.of(loader.loadClass("com.example.svc.calc.Async_").getInterfaces()));
    loader.loadClass("com.example.svc.calc.Async_$Async");
    loader.loadClass("com.example.svc.calc.Client_$Client");
    loader.loadClass("com.example.svc.calc.AsyncRpc");
    assertEquals(
        List.of(loader.loadClass("Plain$Async")),
        List.of(loader.loadClass("Plainer$Async").getInterfaces()));
  }

  @Test
  void argsAndResultsUseTheIdsOfTheIdlAndResultsHoldOneField() throws Exception {
    ThriftStruct args = record("CalculatorRpc$AddArgs", 2, 3);
    assertEquals(hex("08 0001 00000002 08 0002 00000003 00"), binary(args));
    assertEquals(hex("08 0000 00000005 00"), binary(record("CalculatorRpc$AddResult", 5, null)));
    Object overflow =
        loader
            .loadClass("com.example.svc.calc.Overflow")
            .getConstructor(long.class, String.class)
            .newInstance(7L, "d");
    assertEquals(
        hex("0c 0001 0a 0001 0000000000000007 0b 0002 00000001 64 00 00"),
        binary(record("CalculatorRpc$AddResult", null, overflow)));
    assertEquals(hex("00"), binary(record("CalculatorRpc$ClearResult")));
    assertEquals(
        hex("0c 0001 0b 0001 00000001 78 00 00"),
        binary(
            record(
                "CalculatorRpc$ResetResult",
                loader
                    .loadClass("com.example.svc.base.BaseError")
                    .getConstructor(String.class)
                    .newInstance("x"))));
  }

  @Test
  void readingSkipsUnknownFieldsAndAMissingSuccessIsMissingResult() throws Throwable {
    // 1: string "junk" (unknown), 0: i32 5
    Object result =
        read("CalculatorRpc$AddResult", "0b 0009 00000004 6a756e6b 08 0000 00000005 00");
    assertEquals(5, unwrap(result));
    Object empty = read("CalculatorRpc$AddResult", "0b 0009 00000000 00");
    ApplicationException missing = assertThrows(ApplicationException.class, () -> unwrap(empty));
    assertEquals(ApplicationException.Type.MISSING_RESULT, missing.type());
    assertEquals("add failed: unknown result", missing.getMessage());
    assertEquals(null, unwrap(read("CalculatorRpc$ClearResult", "0b 0009 00000000 00")));
    assertEquals(
        record("CalculatorRpc$AddArgs", 2, 3),
        read("CalculatorRpc$AddArgs", "08 0002 00000003 0b 0007 00000000 08 0001 00000002 00"));
  }

  private static ThriftStruct record(String name, Object... components) throws Exception {
    Class<?> type = loader.loadClass("com.example.svc.calc." + name);
    Constructor<?> constructor = type.getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    return (ThriftStruct) constructor.newInstance(components);
  }

  private static Object read(String name, String hex) throws Exception {
    Method read =
        loader.loadClass("com.example.svc.calc." + name).getMethod("read", ProtocolReader.class);
    read.setAccessible(true);
    ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
    try {
      Object value = read.invoke(null, Protocol.BINARY.newReader(in));
      assertEquals(0, in.readableBytes(), "bytes left unread");
      return value;
    } finally {
      in.release();
    }
  }

  private static Object unwrap(Object result) throws Throwable {
    Method unwrap = result.getClass().getDeclaredMethod("unwrap");
    unwrap.setAccessible(true);
    try {
      return unwrap.invoke(result);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Hex as the tests write it, spaced by field, without the spaces. */
  private static String hex(String spaced) {
    return spaced.replace(" ", "");
  }

  /** The binary protocol's bytes for {@code value}, in hex. */
  private static String binary(ThriftStruct value) {
    ByteBuf out = Unpooled.buffer();
    try {
      value.write(Protocol.BINARY.newWriter(out));
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    } finally {
      out.release();
    }
  }

  @Test
  void theDefinitionServesInheritedMethodsUnderTheirWireNames() {
    ServiceDefinition scientific = (ServiceDefinition) call("scientific", false);
    assertEquals(
        List.of(
            "ping",
            "reset",
            "notify",
            "add",
            "calculate",
            "clear",
            "log",
            "history",
            "echo",
            "maybe",
            "fail",
            "twice",
            "slow",
            "power",
            "table"),
        List.copyOf(scientific.methods().keySet()));
    assertTrue(scientific.method("notify").oneway());
    assertFalse(scientific.method("ping").oneway());
  }

  @Test
  void methodsNamedLikeJavaMembersKeepTheirWireNames() {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service((ServiceDefinition) call("scientific", false))
                .service("keywords", (ServiceDefinition) call("keywords")));
    assertEquals(
        List.of(
            "withOptions = c 1 ch",
            "hashCode = 42",
            "toString = toString eq",
            "wait = done",
            "getClass = impl,args,options,value,failure,in,name,cause,methods,rpc,calls",
            "equals = true",
            "serviceDefinition = n f",
            "received notifyAll i"),
        call("keywordCalls", open(server, Protocol.BINARY), "keywords"));
  }

  @Test
  void withOptionsSetsTheTimeoutOfEachCall() {
    Server server =
        serve(
            Server.builder("tcp://127.0.0.1:0")
                .service((ServiceDefinition) call("scientific", false)));
    assertEquals(
        List.of(
            "slow, blocking threw CallTimeoutException: call to 'slow' timed out after 200 ms",
            "slow, async threw CallTimeoutException: call to 'slow' timed out after 200 ms",
            "slow, released = c"),
        call("timeouts", open(server, Protocol.COMPACT)));
  }

  @Test
  void oldAndNewPeersSkipWhatTheyDoNotKnow() {
    Server v1 =
        serve(Server.builder("tcp://127.0.0.1:0").service((ServiceDefinition) call("greeterV1")));
    assertEquals("v2 greet = hello bob", call("greetV2", open(v1, Protocol.COMPACT)));
    // A newer server's new exception is an unknown field of the result: nothing the old client
    // knows is set, so it reports a missing result, as libthrift does.
    Server v2 =
        serve(Server.builder("tcp://127.0.0.1:0").service((ServiceDefinition) call("greeterV2")));
    assertEquals(
        "v1 greet failed MISSING_RESULT: greet failed: unknown result",
        call("greetV1", open(v2, Protocol.COMPACT)));
  }
}
