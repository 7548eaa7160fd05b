package dev.skiff.examples.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skiff.examples.calculator.Calculator;
import dev.skiff.examples.calculator.CalculatorHandler;
import dev.skiff.examples.calculator.DivideByZero;
import dev.skiff.examples.kvstore.Entry;
import dev.skiff.examples.kvstore.InMemoryKeyValue;
import dev.skiff.examples.kvstore.KeyNotFound;
import dev.skiff.examples.kvstore.KeyValue;
import dev.skiff.examples.kvstore.StoreFull;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolException;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.StructReader;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.ServerMethod;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the read methods the generator writes: the example services' structs, exceptions and call
 * arguments, and {@code src/test/thrift/fuzzed.thrift}'s unions, enums, nested containers,
 * recursive struct and call results.
 *
 * <p>An input's first byte picks the protocol and the type; the rest is one encoded struct. Reading
 * it may only throw {@link ProtocolException}; a value that reads must write and read back, and
 * after that one round trip, stay the same through another. Without {@code JAZZER_FUZZ=1} this
 * replays the saved inputs in {@code GeneratedStructFuzzTestInputs/}; docs/reliability.md says how
 * to fuzz.
 */
class GeneratedStructFuzzTest {
  /** A generated read method, named for messages. */
  record Target(String name, StructReader<? extends ThriftStruct> reader) {}

  /**
   * Every reader under test; an input's first byte picks one by its index here, so saved inputs
   * keep their meaning only while new targets are added at the end.
   */
  static final List<Target> TARGETS = targets();

  private static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    targets.add(new Target("Everything", Everything::read));
    targets.add(new Target("Tree", Tree::read));
    targets.add(new Target("Shape", Shape::read));
    targets.add(new Target("Broken", Broken::read));
    targets.add(new Target("Fuzzed.echo args", FuzzedRpc.EchoArgs::read));
    targets.add(new Target("Fuzzed.echo result", FuzzedRpc.EchoResult::read));
    targets.add(new Target("Fuzzed.shape args", FuzzedRpc.ShapeArgs::read));
    targets.add(new Target("Fuzzed.shape result", FuzzedRpc.ShapeResult::read));
    targets.add(new Target("Fuzzed.colors args", FuzzedRpc.ColorsArgs::read));
    targets.add(new Target("Fuzzed.colors result", FuzzedRpc.ColorsResult::read));
    targets.add(new Target("Fuzzed.fire args", FuzzedRpc.FireArgs::read));
    targets.add(new Target("Entry", Entry::read));
    targets.add(new Target("KeyNotFound", KeyNotFound::read));
    targets.add(new Target("StoreFull", StoreFull::read));
    targets.add(new Target("DivideByZero", DivideByZero::read));
    // Call arguments as a server decodes them: through the service definitions.
    for (ServiceDefinition service :
        List.of(
            KeyValue.serviceDefinition(new InMemoryKeyValue(10)),
            Calculator.serviceDefinition(new CalculatorHandler()))) {
      for (ServerMethod<?> method : service.methods().values()) {
        targets.add(
            new Target(service.name() + "." + method.name() + " args", method.argsReader()));
      }
    }
    return List.copyOf(targets);
  }

  @FuzzTest(maxDuration = "3m")
  void decode(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int selector = input[0] & 0xff;
    Protocol protocol = (selector & 0x80) == 0 ? Protocol.COMPACT : Protocol.BINARY;
    Target target = TARGETS.get((selector & 0x7f) % TARGETS.size());
    ByteBuf in = Unpooled.wrappedBuffer(input, 1, input.length - 1);
    ThriftStruct value;
    try {
      value = target.reader().read(protocol.newReader(in));
    } catch (ProtocolException expected) {
      return;
    }
    assertEquals(value.hashCode(), value.hashCode());
    assertEquals(value.toString(), value.toString());
    // One round trip may change a value: an enum value unknown to the IDL or a container of other
    // element types reads as an unset field, which then reads back with its default (the policy
    // docs/java-mapping.md states). From then on nothing may change.
    ThriftStruct once = target.reader().read(reread(protocol, value));
    ThriftStruct twice = target.reader().read(reread(protocol, once));
    assertEquals(once, twice, target.name() + " after a second round trip through " + protocol);
  }

  private static ProtocolReader reread(Protocol protocol, ThriftStruct value) {
    ByteBuf out = Unpooled.buffer();
    value.write(protocol.newWriter(out));
    // Heap bytes only: nothing to release once the reader is done.
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes).release();
    return protocol.newReader(Unpooled.wrappedBuffer(bytes));
  }
}
