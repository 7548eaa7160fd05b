package dev.skiff.rpc.protocol;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Builds well-formed sequences of {@link WireOp}s, so scenarios read like the data they encode. */
final class Script {
  private final List<WireOp> ops = new ArrayList<>();

  static List<WireOp> of(Consumer<Script> body) {
    Script s = new Script();
    body.accept(s);
    return List.copyOf(s.ops);
  }

  Script add(WireOp op) {
    ops.add(op);
    return this;
  }

  Script message(String name, MessageType type, int seqId, Consumer<Script> fields) {
    add(new MessageBegin(name, type, seqId));
    struct(fields);
    return add(new MessageEnd());
  }

  Script struct(Consumer<Script> fields) {
    add(new StructBegin());
    fields.accept(this);
    add(new FieldStop());
    return add(new StructEnd());
  }

  Script field(byte type, int id, Consumer<Script> value) {
    add(new FieldBegin(type, (short) id));
    value.accept(this);
    return add(new FieldEnd());
  }

  Script list(byte elementType, int size, Consumer<Script> elements) {
    add(new ListBegin(elementType, size));
    elements.accept(this);
    return add(new ListEnd());
  }

  Script set(byte elementType, int size, Consumer<Script> elements) {
    add(new SetBegin(elementType, size));
    elements.accept(this);
    return add(new SetEnd());
  }

  Script map(byte keyType, byte valueType, int size, Consumer<Script> entries) {
    add(new MapBegin(keyType, valueType, size));
    entries.accept(this);
    return add(new MapEnd());
  }

  Script bool(boolean v) {
    return add(new BoolOp(v));
  }

  Script i8(int v) {
    return add(new ByteOp((byte) v));
  }

  Script i16(int v) {
    return add(new I16Op((short) v));
  }

  Script i32(int v) {
    return add(new I32Op(v));
  }

  Script i64(long v) {
    return add(new I64Op(v));
  }

  Script dbl(double v) {
    return add(new DoubleOp(v));
  }

  Script str(String v) {
    return add(new StringOp(v));
  }

  Script bin(byte[] v) {
    return add(new BinaryOp(Bytes.of(v)));
  }

  Script uuid(UUID v) {
    return add(new UuidOp(v));
  }

  Script i32Field(int id, int v) {
    return field(TType.I32, id, s -> s.i32(v));
  }

  Script boolField(int id, boolean v) {
    return field(TType.BOOL, id, s -> s.bool(v));
  }

  Script stringField(int id, String v) {
    return field(TType.STRING, id, s -> s.str(v));
  }
}
