package dev.skiff.rpc.protocol;

import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.internal.BytesAccess;
import dev.skiff.rpc.protocol.ProtocolException.Kind;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the compact and binary readers share: limit and bounds checks, nesting depth, string
 * decoding, and {@link #skip}.
 *
 * <p>Every read checks the readable bytes itself, so Netty's {@link IndexOutOfBoundsException}
 * never escapes; lengths and sizes from the wire are checked before anything is allocated.
 */
abstract class AbstractProtocolReader implements ProtocolReader {
  final ByteBuf in;
  private final int maxStringLength;
  private final int maxContainerSize;
  private final int maxDepth;
  private final boolean lenientUtf8;

  /** Minimum encoded size of a value of each {@link TType}, indexed by type id. */
  private final int[] minWireSize;

  private int depth;
  short fieldId;

  /** Where strings are copied out of a direct buffer to be decoded, one array a thread. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

  private static final int MAX_SCRATCH = 4096;

  private byte[] scratch; // this thread's SCRATCH, once a string needed it

  AbstractProtocolReader(ByteBuf in, ProtocolConfig config, int[] minWireSize) {
    this.in = in;
    this.maxStringLength = config.maxStringLength();
    this.maxContainerSize = config.maxContainerSize();
    this.maxDepth = config.maxDepth();
    this.lenientUtf8 = config.lenientUtf8();
    this.minWireSize = minWireSize;
  }

  /**
   * Reads a string or binary length prefix and checks it with {@link #checkLength}.
   *
   * @param what names the value in error messages, such as {@code "string"}
   */
  abstract int readLength(String what);

  @Override
  public final short fieldId() {
    return fieldId;
  }

  @Override
  public void readMessageEnd() {}

  @Override
  public final void readFieldEnd() {}

  @Override
  public final void readMapEnd() {
    exit();
  }

  @Override
  public final void readListEnd() {
    exit();
  }

  @Override
  public final void readSetEnd() {
    exit();
  }

  @Override
  public final byte readByte() {
    require(1, "byte");
    return in.readByte();
  }

  @Override
  public final UUID readUuid() {
    require(16, "uuid");
    long msb = in.readLong();
    return new UUID(msb, in.readLong());
  }

  @Override
  public final String readString() {
    return decodeString(readLength("string"));
  }

  @Override
  public final Bytes readBinary() {
    int length = readLength("binary");
    if (length == 0) {
      return Bytes.empty();
    }
    byte[] array = new byte[length];
    in.readBytes(array);
    return BytesAccess.wrap(array);
  }

  @Override
  public final void skip(byte type) {
    switch (type) {
      case TType.BOOL -> readBool();
      case TType.BYTE -> readByte();
      case TType.I16 -> readI16();
      case TType.I32 -> readI32();
      case TType.I64 -> readI64();
      case TType.DOUBLE -> readDouble();
      case TType.UUID -> skipFixed(16, "uuid");
      case TType.STRING -> in.skipBytes(readLength("string"));
      case TType.STRUCT -> {
        readStructBegin();
        for (byte t; (t = readFieldBegin()) != TType.STOP; readFieldEnd()) {
          skip(t);
        }
        readStructEnd();
      }
      case TType.MAP -> {
        MapHeader map = readMapBegin();
        for (int i = 0; i < map.size(); i++) {
          skip(map.keyType());
          skip(map.valueType());
        }
        readMapEnd();
      }
      case TType.LIST -> {
        ListHeader list = readListBegin();
        for (int i = 0; i < list.size(); i++) {
          skip(list.elementType());
        }
        readListEnd();
      }
      case TType.SET -> {
        ListHeader set = readSetBegin();
        for (int i = 0; i < set.size(); i++) {
          skip(set.elementType());
        }
        readSetEnd();
      }
      default ->
          throw new ProtocolException(
              Kind.UNKNOWN_TYPE, "cannot skip a value of unknown type id " + type);
    }
  }

  /** Enters one level of struct or container nesting. */
  final void enter() {
    if (depth >= maxDepth) {
      throw new ProtocolException(
          Kind.DEPTH_LIMIT, "nesting depth " + (depth + 1) + " exceeds limit " + maxDepth);
    }
    depth++;
  }

  /** Leaves one level of nesting. */
  final void exit() {
    if (depth == 0) {
      throw new IllegalStateException("end of a struct or container that was never begun");
    }
    depth--;
  }

  /** Throws {@link Kind#TRUNCATED} unless {@code n} bytes remain for a {@code what}. */
  final void require(int n, String what) {
    if (in.readableBytes() < n) {
      throw truncated(what, n);
    }
  }

  final ProtocolException truncated(String what, int needed) {
    return new ProtocolException(
        Kind.TRUNCATED,
        "message truncated: "
            + what
            + " needs "
            + needed
            + (needed == 1 ? " byte" : " bytes")
            + " but "
            + in.readableBytes()
            + " remain");
  }

  final void skipFixed(int n, String what) {
    require(n, what);
    in.skipBytes(n);
  }

  /** Checks a string or binary length from the wire; returns it. */
  final int checkLength(int length, String what) {
    if (length < 0) {
      throw new ProtocolException(Kind.NEGATIVE_SIZE, what + " length " + length + " is negative");
    }
    if (length > maxStringLength) {
      throw new ProtocolException(
          Kind.SIZE_LIMIT, what + " length " + length + " exceeds limit " + maxStringLength);
    }
    if (length > in.readableBytes()) {
      throw new ProtocolException(
          Kind.SIZE_LIMIT,
          what + " length " + length + " exceeds the " + in.readableBytes() + " bytes remaining");
    }
    return length;
  }

  /** Checks a container size from the wire against its sign and the configured limit. */
  final void checkSize(int size, String what) {
    if (size < 0) {
      throw new ProtocolException(Kind.NEGATIVE_SIZE, what + " size " + size + " is negative");
    }
    if (size > maxContainerSize) {
      throw new ProtocolException(
          Kind.SIZE_LIMIT, what + " size " + size + " exceeds limit " + maxContainerSize);
    }
  }

  /**
   * Checks that {@code size} elements, each at least {@code minElementSize} bytes, fit in what is
   * left of the buffer.
   */
  final void checkRemaining(int size, int minElementSize, String what) {
    long needed = (long) size * minElementSize;
    if (needed > in.readableBytes()) {
      throw new ProtocolException(
          Kind.SIZE_LIMIT,
          what
              + " size "
              + size
              + " exceeds the "
              + in.readableBytes()
              + " bytes remaining"
              + (minElementSize > 1
                  ? " (each element takes at least " + minElementSize + " bytes)"
                  : ""));
    }
  }

  /** Returns the fewest bytes a value of the (valid) type {@code type} takes on the wire. */
  final int minWireSize(byte type) {
    return minWireSize[type];
  }

  /** Decodes {@code length} bytes, already checked, at the reader index as UTF-8. */
  final String decodeString(int length) {
    if (length == 0) {
      return "";
    }
    int index = in.readerIndex();
    // new String(bytes, UTF_8) turns malformed input into U+FFFD, as libthrift does. Valid input
    // never produces U+FFFD unless it encodes one, so only strings holding one need the slower
    // strict check. A direct buffer's bytes go through this reader's scratch array: Netty's
    // toString would take a fresh array for each string on threads that are not its own.
    String s;
    if (in.hasArray()) {
      s = new String(in.array(), in.arrayOffset() + index, length, StandardCharsets.UTF_8);
    } else {
      byte[] bytes = scratch(length);
      in.getBytes(index, bytes, 0, length);
      s = new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
    if (!lenientUtf8 && s.indexOf('\uFFFD') >= 0) {
      checkUtf8(index, length);
    }
    in.skipBytes(length);
    return s;
  }

  /**
   * An array for {@code length} bytes: the thread's, which every reader on it shares (a reader
   * lives for one message, read on one thread, and most messages carry a string), or a fresh one
   * for long strings.
   */
  private byte[] scratch(int length) {
    if (length > MAX_SCRATCH) {
      return new byte[length];
    }
    if (scratch == null) {
      scratch = SCRATCH.get();
    }
    if (scratch.length < length) {
      scratch = new byte[Math.min(MAX_SCRATCH, Math.max(length, scratch.length * 2))];
      SCRATCH.set(scratch);
    }
    return scratch;
  }

  private void checkUtf8(int index, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = in.nioBuffer(index, length);
    CoderResult result = decoder.decode(bytes, CharBuffer.allocate(length), true);
    if (result.isError()) {
      throw new ProtocolException(
          Kind.INVALID_UTF8,
          "malformed UTF-8 at byte "
              + bytes.position()
              + " of a "
              + length
              + "-byte string (0x"
              + String.format("%02x", bytes.get(bytes.position()) & 0xff)
              + ")");
    }
  }
}
