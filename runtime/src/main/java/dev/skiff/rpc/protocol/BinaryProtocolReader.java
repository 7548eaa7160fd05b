package dev.skiff.rpc.protocol;

import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;

/**
 * Reads Thrift's binary protocol, accepting strict message headers and the old form without a
 * version, like Apache Thrift's {@code TBinaryProtocol} with {@code strictRead} off. Not
 * thread-safe.
 */
final class BinaryProtocolReader extends AbstractProtocolReader {
  private static final int[] MIN_WIRE_SIZE = new int[TType.UUID + 1];

  static {
    MIN_WIRE_SIZE[TType.BOOL] = 1;
    MIN_WIRE_SIZE[TType.BYTE] = 1;
    MIN_WIRE_SIZE[TType.DOUBLE] = 8;
    MIN_WIRE_SIZE[TType.I16] = 2;
    MIN_WIRE_SIZE[TType.I32] = 4;
    MIN_WIRE_SIZE[TType.I64] = 8;
    MIN_WIRE_SIZE[TType.STRING] = 4; // length
    MIN_WIRE_SIZE[TType.STRUCT] = 1; // stop byte
    MIN_WIRE_SIZE[TType.MAP] = 6; // key type, value type, size
    MIN_WIRE_SIZE[TType.SET] = 5; // element type, size
    MIN_WIRE_SIZE[TType.LIST] = 5;
    MIN_WIRE_SIZE[TType.UUID] = 16;
  }

  BinaryProtocolReader(ByteBuf in, ProtocolConfig config) {
    super(in, config, MIN_WIRE_SIZE);
  }

  @Override
  public MessageHeader readMessageBegin() {
    int first = readI32();
    if (first < 0) {
      int version = first & BinaryProtocolWriter.VERSION_MASK;
      if (version != BinaryProtocolWriter.VERSION_1) {
        throw new ProtocolException(
            Kind.BAD_VERSION,
            String.format("bad binary protocol version 0x%04x, expected 0x8001", version >>> 16));
      }
      MessageType type = MessageType.of(first & 0xff);
      String name = readString();
      return new MessageHeader(name, type, readI32());
    }
    // The old form: name length, name, type byte, sequence id.
    String name = decodeString(checkLength(first, "message name"));
    MessageType type = MessageType.of(readByte());
    return new MessageHeader(name, type, readI32());
  }

  @Override
  public void readStructBegin() {
    enter();
  }

  @Override
  public void readStructEnd() {
    exit();
  }

  @Override
  public byte readFieldBegin() {
    byte type = readByte();
    if (type == TType.STOP) {
      fieldId = 0;
      return TType.STOP;
    }
    short id = readI16();
    if (!TType.isValueType(type)) {
      throw new ProtocolException(Kind.UNKNOWN_TYPE, "unknown type id " + type + " at field " + id);
    }
    fieldId = id;
    return type;
  }

  @Override
  public MapHeader readMapBegin() {
    require(6, "map header");
    byte keyType = in.readByte();
    byte valueType = in.readByte();
    int size = in.readInt();
    checkSize(size, "map");
    if (size > 0) {
      checkElementType(keyType, "map", "keys");
      checkElementType(valueType, "map", "values");
      checkRemaining(size, minWireSize(keyType) + minWireSize(valueType), "map");
    }
    enter();
    return new MapHeader(keyType, valueType, size);
  }

  @Override
  public ListHeader readListBegin() {
    return readCollectionBegin("list");
  }

  @Override
  public ListHeader readSetBegin() {
    return readCollectionBegin("set");
  }

  private ListHeader readCollectionBegin(String what) {
    if (in.readableBytes() < 5) {
      throw truncated(what + " header", 5); // named here: concatenating on every read costs
    }
    byte elementType = in.readByte();
    int size = in.readInt();
    checkSize(size, what);
    if (size > 0) {
      checkElementType(elementType, what, "elements");
      checkRemaining(size, minWireSize(elementType), what);
    }
    enter();
    return new ListHeader(elementType, size);
  }

  private static void checkElementType(byte type, String container, String part) {
    if (!TType.isValueType(type)) {
      throw new ProtocolException(
          Kind.UNKNOWN_TYPE, "unknown type id " + type + " for " + container + " " + part);
    }
  }

  @Override
  public boolean readBool() {
    // As libthrift: only 1 is true.
    return readByte() == 1;
  }

  @Override
  public short readI16() {
    require(2, "i16");
    return in.readShort();
  }

  @Override
  public int readI32() {
    require(4, "i32");
    return in.readInt();
  }

  @Override
  public long readI64() {
    require(8, "i64");
    return in.readLong();
  }

  @Override
  public double readDouble() {
    require(8, "double");
    return Double.longBitsToDouble(in.readLong());
  }

  @Override
  int readLength(String what) {
    return checkLength(readI32(), what);
  }
}
