package dev.skiff.rpc.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes Thrift's binary protocol exactly as Apache Thrift's {@code TBinaryProtocol} does with
 * {@code strictWrite} on (its default). Not thread-safe.
 */
final class BinaryProtocolWriter extends AbstractProtocolWriter {
  static final int VERSION_MASK = 0xffff0000;
  static final int VERSION_1 = 0x80010000;

  BinaryProtocolWriter(ByteBuf out) {
    super(out);
  }

  @Override
  public void writeMessageBegin(MessageHeader header) {
    out.writeInt(VERSION_1 | header.type().value());
    writeString(header.name());
    out.writeInt(header.sequenceId());
  }

  @Override
  public void writeMessageEnd() {}

  @Override
  public void writeStructBegin(String name) {}

  @Override
  public void writeStructEnd() {}

  @Override
  public void writeFieldBegin(String name, byte type, short id) {
    checkType(type, "field");
    out.writeByte(type);
    out.writeShort(id);
  }

  @Override
  public void writeFieldEnd() {}

  @Override
  public void writeFieldStop() {
    out.writeByte(TType.STOP);
  }

  @Override
  public void writeMapBegin(byte keyType, byte valueType, int size) {
    checkType(keyType, "map key");
    checkType(valueType, "map value");
    checkSize(size);
    out.writeByte(keyType);
    out.writeByte(valueType);
    out.writeInt(size);
  }

  @Override
  public void writeMapEnd() {}

  @Override
  public void writeListBegin(byte elementType, int size) {
    writeCollectionBegin(elementType, size);
  }

  @Override
  public void writeListEnd() {}

  @Override
  public void writeSetBegin(byte elementType, int size) {
    writeCollectionBegin(elementType, size);
  }

  @Override
  public void writeSetEnd() {}

  private void writeCollectionBegin(byte elementType, int size) {
    checkType(elementType, "element");
    checkSize(size);
    out.writeByte(elementType);
    out.writeInt(size);
  }

  @Override
  public void writeBool(boolean value) {
    out.writeByte(value ? 1 : 0);
  }

  @Override
  public void writeByte(byte value) {
    out.writeByte(value);
  }

  @Override
  public void writeI16(short value) {
    out.writeShort(value);
  }

  @Override
  public void writeI32(int value) {
    out.writeInt(value);
  }

  @Override
  public void writeI64(long value) {
    out.writeLong(value);
  }

  @Override
  public void writeDouble(double value) {
    out.writeLong(Double.doubleToLongBits(value));
  }

  @Override
  void writeLength(int length) {
    out.writeInt(length);
  }

  private static void checkType(byte type, String what) {
    if (!TType.isValueType(type)) {
      throw new IllegalArgumentException("cannot write a " + what + " of type " + TType.name(type));
    }
  }

  private static void checkSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("container size " + size + " is negative");
    }
  }
}
