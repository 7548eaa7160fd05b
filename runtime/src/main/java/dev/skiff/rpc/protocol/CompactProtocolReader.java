package dev.skiff.rpc.protocol;

import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Reads Thrift's compact protocol, accepting everything Apache Thrift's {@code TCompactProtocol}
 * writes. Not thread-safe.
 */
final class CompactProtocolReader extends AbstractProtocolReader {
  private static final MapHeader EMPTY_MAP = new MapHeader(TType.STOP, TType.STOP, 0);

  /** {@link TType} for each compact type nibble; -1 where the nibble means nothing. */
  private static final byte[] TTYPE_OF_COMPACT = {
    -1, // 0 only ever appears as the stop byte
    TType.BOOL, // 1: true
    TType.BOOL, // 2: false
    TType.BYTE,
    TType.I16,
    TType.I32,
    TType.I64,
    TType.DOUBLE,
    TType.STRING,
    TType.LIST,
    TType.SET,
    TType.MAP,
    TType.STRUCT,
    TType.UUID,
    -1,
    -1
  };

  private static final int[] MIN_WIRE_SIZE = new int[TType.UUID + 1];

  static {
    // Every value takes at least one byte (an empty struct is its stop byte, an empty container
    // its header); the fixed-width ones take more.
    Arrays.fill(MIN_WIRE_SIZE, 1);
    MIN_WIRE_SIZE[TType.DOUBLE] = 8;
    MIN_WIRE_SIZE[TType.UUID] = 16;
  }

  /** The last field id read in the current struct, the base of the next delta. */
  private short lastFieldId;

  /** lastFieldId of each enclosing struct; see {@link FieldIdStack}. */
  private long enclosingFieldIds;

  private short[] spilledFieldIds;

  private int structDepth;

  /** A bool field carries its value in the field header; readBool returns it once. */
  private boolean hasPendingBool;

  private boolean pendingBool;

  CompactProtocolReader(ByteBuf in, ProtocolConfig config) {
    super(in, config, MIN_WIRE_SIZE);
  }

  @Override
  public MessageHeader readMessageBegin() {
    byte protocolId = readByte();
    if (protocolId != CompactProtocolWriter.PROTOCOL_ID) {
      throw new ProtocolException(
          Kind.BAD_VERSION,
          String.format("expected compact protocol id 0x82 but got 0x%02x", protocolId & 0xff));
    }
    byte versionAndType = readByte();
    int version = versionAndType & CompactProtocolWriter.VERSION_MASK;
    if (version != CompactProtocolWriter.VERSION) {
      throw new ProtocolException(
          Kind.BAD_VERSION,
          "expected compact protocol version "
              + CompactProtocolWriter.VERSION
              + " but got "
              + version);
    }
    MessageType type = MessageType.of((versionAndType >> 5) & 0x07);
    int sequenceId = readVarint32();
    return new MessageHeader(readString(), type, sequenceId);
  }

  @Override
  public void readStructBegin() {
    enter();
    if (structDepth >= FieldIdStack.HELD) {
      spilledFieldIds = FieldIdStack.spill(spilledFieldIds, structDepth, enclosingFieldIds);
    }
    enclosingFieldIds = FieldIdStack.push(enclosingFieldIds, lastFieldId);
    structDepth++;
    lastFieldId = 0;
  }

  @Override
  public void readStructEnd() {
    exit();
    lastFieldId = FieldIdStack.top(enclosingFieldIds);
    enclosingFieldIds = FieldIdStack.pop(enclosingFieldIds, spilledFieldIds, --structDepth);
  }

  @Override
  public byte readFieldBegin() {
    hasPendingBool = false;
    byte header = readByte();
    if (header == TType.STOP) {
      fieldId = 0;
      return TType.STOP;
    }
    int delta = (header >> 4) & 0x0f;
    short id = delta == 0 ? readI16() : (short) (lastFieldId + delta);
    int compactType = header & 0x0f;
    byte type = TTYPE_OF_COMPACT[compactType];
    if (type < 0) {
      throw new ProtocolException(
          Kind.UNKNOWN_TYPE, "unknown compact type id " + compactType + " at field " + id);
    }
    if (type == TType.BOOL) {
      hasPendingBool = true;
      pendingBool = compactType == CompactProtocolWriter.BOOLEAN_TRUE;
    }
    lastFieldId = id;
    fieldId = id;
    return type;
  }

  @Override
  public MapHeader readMapBegin() {
    int size = readVarint32();
    checkSize(size, "map");
    if (size == 0) {
      enter();
      return EMPTY_MAP;
    }
    byte keyAndValue = readByte();
    byte keyType = elementType((keyAndValue >> 4) & 0x0f, size, "map", "keys");
    byte valueType = elementType(keyAndValue & 0x0f, size, "map", "values");
    checkRemaining(size, minWireSize(keyType) + minWireSize(valueType), "map");
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
    byte header = readByte();
    int size = (header >> 4) & 0x0f;
    if (size == 15) {
      size = readVarint32();
    }
    checkSize(size, what);
    byte elementType = elementType(header & 0x0f, size, what, "elements");
    if (size > 0) {
      checkRemaining(size, minWireSize(elementType), what);
    }
    enter();
    return new ListHeader(elementType, size);
  }

  /**
   * Maps a container's element type nibble. An empty container's element type is never used, so
   * there an unknown nibble reads as {@link TType#STOP} instead of failing.
   */
  private static byte elementType(int compactType, int size, String container, String part) {
    byte type = TTYPE_OF_COMPACT[compactType];
    if (type >= 0) {
      return type;
    }
    if (size == 0) {
      return TType.STOP;
    }
    throw new ProtocolException(
        Kind.UNKNOWN_TYPE,
        "unknown compact type id " + compactType + " for " + container + " " + part);
  }

  @Override
  public boolean readBool() {
    if (hasPendingBool) {
      hasPendingBool = false;
      return pendingBool;
    }
    // As libthrift: only the "true" code is true.
    return readByte() == CompactProtocolWriter.BOOLEAN_TRUE;
  }

  @Override
  public short readI16() {
    return (short) zigzagToInt(readVarint32());
  }

  @Override
  public int readI32() {
    return zigzagToInt(readVarint32());
  }

  @Override
  public long readI64() {
    long n = readVarint64();
    return (n >>> 1) ^ -(n & 1);
  }

  @Override
  public double readDouble() {
    require(8, "double");
    return Double.longBitsToDouble(in.readLongLE());
  }

  @Override
  int readLength(String what) {
    return checkLength(readVarint32(), what);
  }

  private static int zigzagToInt(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  /** Reads an unsigned LEB128 varint of at most 5 bytes; bits beyond 32 are dropped. */
  private int readVarint32() {
    int readable = in.readableBytes();
    int index = in.readerIndex();
    if (readable >= Long.BYTES) {
      // The common case, far from the end: one bounds-checked read for all of the varint's bytes.
      long word = in.getLongLE(index);
      int result = 0;
      for (int i = 0; i < 5; i++) {
        int b = (int) (word >>> (8 * i)) & 0xff;
        result |= (b & 0x7f) << (7 * i);
        if (b < 0x80) {
          in.readerIndex(index + i + 1);
          return result;
        }
      }
      throw new ProtocolException(Kind.INVALID_DATA, "varint32 is longer than 5 bytes");
    }
    int result = 0;
    for (int i = 0; i < 5; i++) {
      if (i == readable) {
        throw truncated("varint", i + 1);
      }
      byte b = in.getByte(index + i);
      result |= (b & 0x7f) << (7 * i);
      if (b >= 0) {
        in.readerIndex(index + i + 1);
        return result;
      }
    }
    throw new ProtocolException(Kind.INVALID_DATA, "varint32 is longer than 5 bytes");
  }

  /** Reads an unsigned LEB128 varint of at most 10 bytes; bits beyond 64 are dropped. */
  private long readVarint64() {
    int readable = in.readableBytes();
    int index = in.readerIndex();
    long result = 0;
    int i = 0;
    if (readable >= Long.BYTES) {
      // Its first eight bytes in one bounds-checked read; a longer one goes on below.
      long word = in.getLongLE(index);
      for (; i < Long.BYTES; i++) {
        long b = (word >>> (8 * i)) & 0xff;
        result |= (b & 0x7f) << (7 * i);
        if (b < 0x80) {
          in.readerIndex(index + i + 1);
          return result;
        }
      }
    }
    for (; i < 10; i++) {
      if (i == readable) {
        throw truncated("varint", i + 1);
      }
      byte b = in.getByte(index + i);
      result |= (long) (b & 0x7f) << (7 * i);
      if (b >= 0) {
        in.readerIndex(index + i + 1);
        return result;
      }
    }
    throw new ProtocolException(Kind.INVALID_DATA, "varint64 is longer than 10 bytes");
  }
}
