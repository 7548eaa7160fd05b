package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.protocol.WireOp.BinaryOp;
import dev.skiff.rpc.protocol.WireOp.BoolOp;
import dev.skiff.rpc.protocol.WireOp.ByteOp;
import dev.skiff.rpc.protocol.WireOp.DoubleOp;
import dev.skiff.rpc.protocol.WireOp.FieldBegin;
import dev.skiff.rpc.protocol.WireOp.FieldEnd;
import dev.skiff.rpc.protocol.WireOp.FieldStop;
import dev.skiff.rpc.protocol.WireOp.I16Op;
import dev.skiff.rpc.protocol.WireOp.I32Op;
import dev.skiff.rpc.protocol.WireOp.I64Op;
import dev.skiff.rpc.protocol.WireOp.ListBegin;
import dev.skiff.rpc.protocol.WireOp.ListEnd;
import dev.skiff.rpc.protocol.WireOp.MapBegin;
import dev.skiff.rpc.protocol.WireOp.MapEnd;
import dev.skiff.rpc.protocol.WireOp.MessageBegin;
import dev.skiff.rpc.protocol.WireOp.MessageEnd;
import dev.skiff.rpc.protocol.WireOp.SetBegin;
import dev.skiff.rpc.protocol.WireOp.SetEnd;
import dev.skiff.rpc.protocol.WireOp.StringOp;
import dev.skiff.rpc.protocol.WireOp.StructBegin;
import dev.skiff.rpc.protocol.WireOp.StructEnd;
import dev.skiff.rpc.protocol.WireOp.UuidOp;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random values and random well-formed messages: Skiff writes libthrift's bytes, reads them back,
 * and skips them exactly; random and mutated input only ever fails with {@link ProtocolException}.
 */
class ProtocolPropertiesTest {
  private static final byte[] BASE_TYPES = {
    TType.BOOL, TType.BYTE, TType.DOUBLE, TType.I16, TType.I32, TType.I64, TType.STRING, TType.UUID
  };

  private static final byte[] ALL_TYPES = {
    TType.BOOL,
    TType.BYTE,
    TType.DOUBLE,
    TType.I16,
    TType.I32,
    TType.I64,
    TType.STRING,
    TType.UUID,
    TType.STRUCT,
    TType.MAP,
    TType.SET,
    TType.LIST
  };

  @AfterContainer
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @Property
  void baseValuesMatchLibthrift(
      @ForAll Protocol protocol, @ForAll("baseValueSequences") List<WireOp> ops) {
    Wire.assertMatchesLibthrift(protocol, ops);
  }

  @Property(tries = 300)
  void messagesMatchLibthrift(@ForAll Protocol protocol, @ForAll("messages") List<WireOp> ops) {
    Wire.assertMatchesLibthrift(protocol, ops);
  }

  @Property(tries = 300)
  void garbageFailsOnlyWithProtocolException(@ForAll Protocol protocol, @ForAll byte[] input) {
    readLeniently(protocol, input);
  }

  @Property(tries = 300)
  void corruptedMessagesFailOnlyWithProtocolException(
      @ForAll Protocol protocol,
      @ForAll("messages") List<WireOp> ops,
      @ForAll int position,
      @ForAll byte replacement) {
    byte[] bytes = Wire.skiff(protocol, ops);
    bytes[Math.floorMod(position, bytes.length)] = replacement;
    readLeniently(protocol, bytes);
  }

  /** Reads a message and skips its body; anything but success or ProtocolException fails. */
  private static void readLeniently(Protocol protocol, byte[] input) {
    ByteBuf in = Unpooled.wrappedBuffer(input);
    try {
      ProtocolReader reader = protocol.newReader(in);
      reader.readMessageBegin();
      reader.skip(TType.STRUCT);
      reader.readMessageEnd();
    } catch (ProtocolException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
    } finally {
      in.release();
    }
  }

  @Property
  void bytesRoundTrip(@ForAll byte[] content) {
    Bytes bytes = Bytes.of(content);
    assertArrayEquals(content, bytes.toByteArray());
    assertTrue(bytes.equals(Bytes.of(content.clone())));
    assertTrue(bytes.hashCode() == Bytes.of(content.clone()).hashCode());
  }

  @Provide
  Arbitrary<List<WireOp>> baseValueSequences() {
    return Arbitraries.of(boxed(BASE_TYPES))
        .flatMap(type -> value(type, 0))
        .list()
        .ofMaxSize(30)
        .map(
            values -> {
              List<WireOp> ops = new ArrayList<>();
              values.forEach(v -> v.emit(ops));
              return ops;
            })
        .filter(ops -> !ops.isEmpty());
  }

  @Provide
  Arbitrary<List<WireOp>> messages() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of("ping", "Calculator:add", "", "日本語"),
            Arbitraries.strings().ofMaxLength(12));
    return Combinators.combine(
            names,
            Arbitraries.of(MessageType.class),
            Arbitraries.integers(),
            value(TType.STRUCT, 3))
        .as(
            (name, type, seqId, body) -> {
              List<WireOp> ops = new ArrayList<>();
              ops.add(new MessageBegin(name, type, seqId));
              body.emit(ops);
              ops.add(new MessageEnd());
              return ops;
            });
  }

  /** A value of {@code type}, nesting at most {@code depth} more levels. */
  private static Arbitrary<Value> value(byte type, int depth) {
    switch (type) {
      case TType.BOOL:
        return Arbitraries.of(true, false).map(v -> new Leaf(type, new BoolOp(v)));
      case TType.BYTE:
        return Arbitraries.bytes().map(v -> new Leaf(type, new ByteOp(v)));
      case TType.I16:
        return Arbitraries.shorts().map(v -> new Leaf(type, new I16Op(v)));
      case TType.I32:
        return Arbitraries.integers().map(v -> new Leaf(type, new I32Op(v)));
      case TType.I64:
        return Arbitraries.longs().map(v -> new Leaf(type, new I64Op(v)));
      case TType.DOUBLE:
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.of(
                    Double.NaN,
                    -0.0,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE,
                    Double.MAX_VALUE),
                Arbitraries.longs().map(Double::longBitsToDouble))
            .map(v -> new Leaf(type, new DoubleOp(v)));
      case TType.STRING:
        return Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(v -> new Leaf(type, new StringOp(v))),
            Arbitraries.of("\uD83D\uDE00", "漢字", "Zoë", "a\uD800b", "\uDC00")
                .list()
                .ofMaxSize(5)
                .map(parts -> new Leaf(type, new StringOp(String.join("", parts)))),
            Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(300)
                .map(v -> new Leaf(type, new BinaryOp(Bytes.of(v)))));
      case TType.UUID:
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
            .as((msb, lsb) -> new Leaf(type, new UuidOp(new UUID(msb, lsb))));
      case TType.STRUCT:
        return field(depth).list().ofMaxSize(depth > 0 ? 8 : 0).map(Struct::new);
      case TType.LIST:
      case TType.SET:
        return elementType(depth - 1)
            .flatMap(
                elementType ->
                    value(elementType, depth - 1)
                        .list()
                        .ofMaxSize(20)
                        .map(elements -> new Collection(type, elementType, elements)));
      case TType.MAP:
        return Combinators.combine(elementType(depth - 1), elementType(depth - 1))
            .flatAs(
                (keyType, valueType) ->
                    Combinators.combine(value(keyType, depth - 1), value(valueType, depth - 1))
                        .as(List::of)
                        .list()
                        .ofMaxSize(8)
                        .map(entries -> new MapValue(keyType, valueType, entries)));
      default:
        throw new IllegalArgumentException("type " + type);
    }
  }

  private static Arbitrary<Byte> elementType(int depth) {
    return depth > 0 ? Arbitraries.of(boxed(ALL_TYPES)) : Arbitraries.of(boxed(BASE_TYPES));
  }

  private static Arbitrary<Field> field(int depth) {
    // Small ids exercise the compact protocol's deltas; any short exercises its long form.
    Arbitrary<Short> ids =
        Arbitraries.oneOf(
            Arbitraries.shorts().between((short) -3, (short) 40), Arbitraries.shorts());
    return Combinators.combine(ids, elementType(depth).flatMap(type -> value(type, depth - 1)))
        .as(Field::new);
  }

  private static Byte[] boxed(byte[] types) {
    Byte[] boxed = new Byte[types.length];
    for (int i = 0; i < types.length; i++) {
      boxed[i] = types[i];
    }
    return boxed;
  }

  /** A Thrift value that knows the protocol calls that write it. */
  private interface Value {
    byte type();

    void emit(List<WireOp> ops);
  }

  private record Leaf(byte type, WireOp op) implements Value {
    @Override
    public void emit(List<WireOp> ops) {
      ops.add(op);
    }
  }

  private record Field(short id, Value value) {}

  private record Struct(List<Field> fields) implements Value {
    @Override
    public byte type() {
      return TType.STRUCT;
    }

    @Override
    public void emit(List<WireOp> ops) {
      ops.add(new StructBegin());
      for (Field field : fields) {
        ops.add(new FieldBegin(field.value().type(), field.id()));
        field.value().emit(ops);
        ops.add(new FieldEnd());
      }
      ops.add(new FieldStop());
      ops.add(new StructEnd());
    }
  }

  private record Collection(byte type, byte elementType, List<Value> elements) implements Value {
    @Override
    public void emit(List<WireOp> ops) {
      boolean list = type == TType.LIST;
      ops.add(
          list
              ? new ListBegin(elementType, elements.size())
              : new SetBegin(elementType, elements.size()));
      elements.forEach(e -> e.emit(ops));
      ops.add(list ? new ListEnd() : new SetEnd());
    }
  }

  private record MapValue(byte keyType, byte valueType, List<List<Value>> entries)
      implements Value {
    @Override
    public byte type() {
      return TType.MAP;
    }

    @Override
    public void emit(List<WireOp> ops) {
      ops.add(new MapBegin(keyType, valueType, entries.size()));
      for (List<Value> entry : entries) {
        entry.get(0).emit(ops);
        entry.get(1).emit(ops);
      }
      ops.add(new MapEnd());
    }
  }
}
