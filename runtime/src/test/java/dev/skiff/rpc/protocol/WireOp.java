package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.rpc.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;

/**
 * One protocol call, replayable against a Skiff writer, a libthrift protocol, and a Skiff reader
 * (which checks that it reads back what was written).
 */
sealed interface WireOp {
  void write(ProtocolWriter w);

  void write(TProtocol p) throws TException;

  void read(ProtocolReader r, Protocol protocol);

  record MessageBegin(String name, MessageType type, int seqId) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeMessageBegin(new MessageHeader(name, type, seqId));
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeMessageBegin(new TMessage(name, (byte) type.value(), seqId));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(new MessageHeader(utf8RoundTrip(name), type, seqId), r.readMessageBegin());
    }
  }

  record MessageEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeMessageEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeMessageEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readMessageEnd();
    }
  }

  record StructBegin() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeStructBegin("S");
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeStructBegin(new TStruct("S"));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readStructBegin();
    }
  }

  record StructEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeStructEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeStructEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readStructEnd();
    }
  }

  record FieldBegin(byte type, short id) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeFieldBegin("f", type, id);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeFieldBegin(new TField("f", type, id));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(TType.name(type), TType.name(r.readFieldBegin()), "type of field " + id);
      assertEquals(id, r.fieldId());
    }
  }

  record FieldEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeFieldEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeFieldEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readFieldEnd();
    }
  }

  record FieldStop() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeFieldStop();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeFieldStop();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(TType.STOP, r.readFieldBegin());
      assertEquals(0, r.fieldId());
    }
  }

  record MapBegin(byte keyType, byte valueType, int size) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeMapBegin(keyType, valueType, size);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeMapBegin(new TMap(keyType, valueType, size));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      MapHeader header = r.readMapBegin();
      if (protocol == Protocol.COMPACT && size == 0) {
        // The compact protocol writes an empty map as a lone 0, without types.
        assertEquals(new MapHeader(TType.STOP, TType.STOP, 0), header);
      } else {
        assertEquals(new MapHeader(keyType, valueType, size), header);
      }
    }
  }

  record MapEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeMapEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeMapEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readMapEnd();
    }
  }

  record ListBegin(byte elementType, int size) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeListBegin(elementType, size);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeListBegin(new TList(elementType, size));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(new ListHeader(elementType, size), r.readListBegin());
    }
  }

  record ListEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeListEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeListEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readListEnd();
    }
  }

  record SetBegin(byte elementType, int size) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeSetBegin(elementType, size);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeSetBegin(new TSet(elementType, size));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(new ListHeader(elementType, size), r.readSetBegin());
    }
  }

  record SetEnd() implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeSetEnd();
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeSetEnd();
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      r.readSetEnd();
    }
  }

  record BoolOp(boolean value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeBool(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeBool(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readBool());
    }
  }

  record ByteOp(byte value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeByte(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeByte(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readByte());
    }
  }

  record I16Op(short value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeI16(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeI16(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readI16());
    }
  }

  record I32Op(int value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeI32(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeI32(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readI32());
    }
  }

  record I64Op(long value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeI64(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeI64(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readI64());
    }
  }

  record DoubleOp(double value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeDouble(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeDouble(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      // Bits, so that NaN equals NaN and -0.0 differs from 0.0.
      assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(r.readDouble()));
    }
  }

  record StringOp(String value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeString(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeString(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(utf8RoundTrip(value), r.readString());
    }
  }

  record BinaryOp(Bytes value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeBinary(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeBinary(ByteBuffer.wrap(value.toByteArray()));
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      Bytes read = r.readBinary();
      assertArrayEquals(value.toByteArray(), read.toByteArray());
      assertEquals(value, read);
    }
  }

  record UuidOp(UUID value) implements WireOp {
    @Override
    public void write(ProtocolWriter w) {
      w.writeUuid(value);
    }

    @Override
    public void write(TProtocol p) throws TException {
      p.writeUuid(value);
    }

    @Override
    public void read(ProtocolReader r, Protocol protocol) {
      assertEquals(value, r.readUuid());
    }
  }

  /** What a string reads back as: encoding turns unpaired surrogates into '?'. */
  static String utf8RoundTrip(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
