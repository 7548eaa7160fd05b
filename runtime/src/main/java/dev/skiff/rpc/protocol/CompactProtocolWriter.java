package dev.skiff.rpc.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Writes Thrift's compact protocol exactly as Apache Thrift's {@code TCompactProtocol} does. Not
 * thread-safe.
 */
final class CompactProtocolWriter extends AbstractProtocolWriter {
  static final byte PROTOCOL_ID = (byte) 0x82;
  static final int VERSION = 1;
  static final int VERSION_MASK = 0x1f;
  static final byte BOOLEAN_TRUE = 1;
  static final byte BOOLEAN_FALSE = 2;

  /** The last field id written in the current struct, the base of the next delta. */
  private short lastFieldId;

  /** lastFieldId of each enclosing struct; see {@link FieldIdStack}. */
  private long enclosingFieldIds;

  private short[] spilledFieldIds;

  private int structDepth;

  /** A bool field's header waits for its value, which it carries. */
  private boolean hasPendingBoolField;

  private short pendingBoolFieldId;

  CompactProtocolWriter(ByteBuf out) {
    super(out);
  }

  @Override
  public void writeMessageBegin(MessageHeader header) {
    out.writeByte(PROTOCOL_ID);
    out.writeByte(VERSION | (header.type().value() << 5));
    writeVarint32(header.sequenceId());
    writeString(header.name());
  }

  @Override
  public void writeMessageEnd() {}

  @Override
  public void writeStructBegin(String name) {
    if (structDepth >= FieldIdStack.HELD) {
      spilledFieldIds = FieldIdStack.spill(spilledFieldIds, structDepth, enclosingFieldIds);
    }
    enclosingFieldIds = FieldIdStack.push(enclosingFieldIds, lastFieldId);
    structDepth++;
    lastFieldId = 0;
  }

  @Override
  public void writeStructEnd() {
    if (structDepth == 0) {
      throw new IllegalStateException("writeStructEnd without writeStructBegin");
    }
    lastFieldId = FieldIdStack.top(enclosingFieldIds);
    enclosingFieldIds = FieldIdStack.pop(enclosingFieldIds, spilledFieldIds, --structDepth);
  }

  @Override
  public void writeFieldBegin(String name, byte type, short id) {
    if (type == TType.BOOL) {
      hasPendingBoolField = true;
      pendingBoolFieldId = id;
    } else {
      writeFieldHeader(compactType(type, "field"), id);
    }
  }

  private void writeFieldHeader(int compactType, short id) {
    if (id > lastFieldId && id - lastFieldId <= 15) {
      out.writeByte((id - lastFieldId) << 4 | compactType);
    } else {
      out.writeByte(compactType);
      writeI16(id);
    }
    lastFieldId = id;
  }

  @Override
  public void writeFieldEnd() {}

  @Override
  public void writeFieldStop() {
    out.writeByte(TType.STOP);
  }

  @Override
  public void writeMapBegin(byte keyType, byte valueType, int size) {
    int key = compactType(keyType, "map key");
    int value = compactType(valueType, "map value");
    checkSize(size);
    if (size == 0) {
      out.writeByte(0);
    } else {
      writeVarint32(size);
      out.writeByte(key << 4 | value);
    }
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
    int type = compactType(elementType, "element");
    checkSize(size);
    if (size <= 14) {
      out.writeByte(size << 4 | type);
    } else {
      out.writeByte(0xf0 | type);
      writeVarint32(size);
    }
  }

  @Override
  public void writeBool(boolean value) {
    byte code = value ? BOOLEAN_TRUE : BOOLEAN_FALSE;
    if (hasPendingBoolField) {
      hasPendingBoolField = false;
      writeFieldHeader(code, pendingBoolFieldId);
    } else {
      out.writeByte(code);
    }
  }

  @Override
  public void writeByte(byte value) {
    out.writeByte(value);
  }

  @Override
  public void writeI16(short value) {
    writeVarint32((value << 1) ^ (value >> 31));
  }

  @Override
  public void writeI32(int value) {
    writeVarint32((value << 1) ^ (value >> 31));
  }

  @Override
  public void writeI64(long value) {
    writeVarint64((value << 1) ^ (value >> 63));
  }

  @Override
  public void writeDouble(double value) {
    out.writeLongLE(Double.doubleToLongBits(value));
  }

  @Override
  void writeLength(int length) {
    writeVarint32(length);
  }

  private void writeVarint32(int n) {
    if ((n & ~0x7f) == 0) {
      out.writeByte(n);
    } else {
      writeVarint64(n & 0xffffffffL);
    }
  }

  /**
   * Writes an unsigned LEB128 varint. One that fits in 8 bytes (below 2^56) is gathered into a long
   * and written with one bounds-checked write, then the writer index is set back to its end: far
   * cheaper than a checked write per byte.
   */
  private void writeVarint64(long n) {
    if ((n & ~0x7fL) == 0) {
      out.writeByte((int) n);
      return;
    }
    if ((n >>> 56) == 0 && out.maxWritableBytes() >= Long.BYTES) {
      long packed = 0;
      int shift = 0;
      while ((n & ~0x7fL) != 0) {
        packed |= ((n & 0x7f) | 0x80) << shift;
        shift += 8;
        n >>>= 7;
      }
      packed |= n << shift;
      int start = out.writerIndex();
      out.writeLongLE(packed);
      out.writerIndex(start + shift / 8 + 1);
      return;
    }
    while ((n & ~0x7fL) != 0) {
      out.writeByte((int) (n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.writeByte((int) n);
  }

  /**
   * The compact type nibble of {@code type}. A switch, not a table: generated code passes constant
   * types, and once this is inlined the JIT folds a switch on a constant away, never a table load.
   */
  private static int compactType(byte type, String what) {
    return switch (type) {
      case TType.BOOL -> BOOLEAN_TRUE;
      case TType.BYTE -> 3;
      case TType.I16 -> 4;
      case TType.I32 -> 5;
      case TType.I64 -> 6;
      case TType.DOUBLE -> 7;
      case TType.STRING -> 8;
      case TType.LIST -> 9;
      case TType.SET -> 10;
      case TType.MAP -> 11;
      case TType.STRUCT -> 12;
      case TType.UUID -> 13;
      default ->
          throw new IllegalArgumentException(
              "cannot write a " + what + " of type " + TType.name(type));
    };
  }

  private static void checkSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("container size " + size + " is negative");
    }
  }
}
