package dev.skiff.rpc.protocol;

import dev.skiff.rpc.Bytes;
import java.util.UUID;

/**
 * Reads Thrift values from a buffer holding one message, in the order {@link ProtocolWriter}
 * documents. A typical struct read:
 *
 * <pre>{@code
 * reader.readStructBegin();
 * for (byte type; (type = reader.readFieldBegin()) != TType.STOP; reader.readFieldEnd()) {
 *   switch (reader.fieldId()) {
 *     case 1 -> { if (type == TType.STRING) name = reader.readString(); else reader.skip(type); }
 *     default -> reader.skip(type);
 *   }
 * }
 * reader.readStructEnd();
 * }</pre>
 *
 * <p>The input is untrusted. Every length and size is checked against the {@link ProtocolConfig}
 * and against the bytes left in the buffer before anything is allocated; struct and container
 * nesting is counted by the begin and end methods (and by {@link #skip}) and limited to {@link
 * ProtocolConfig#maxDepth()}. Any violation, including input that ends early, throws {@link
 * ProtocolException}; no {@link IndexOutOfBoundsException} escapes. After an exception the reader
 * is unusable.
 *
 * <p>The reader consumes the buffer from its reader index and neither retains nor releases it. Not
 * thread-safe: a reader belongs to one thread at a time.
 */
public interface ProtocolReader {
  /**
   * Reads a message header.
   *
   * @return the method name, message type and sequence id
   * @throws ProtocolException on a wrong protocol id or version ({@link
   *     ProtocolException.Kind#BAD_VERSION}), an unknown message type, or a bad name
   */
  MessageHeader readMessageBegin();

  /** Ends a message. */
  void readMessageEnd();

  /**
   * Starts a struct, union or exception and enters one nesting level.
   *
   * @throws ProtocolException of kind {@link ProtocolException.Kind#DEPTH_LIMIT} when nested too
   *     deeply
   */
  void readStructBegin();

  /** Ends a struct, after {@link #readFieldBegin()} has returned {@link TType#STOP}. */
  void readStructEnd();

  /**
   * Reads a field header. Does not allocate.
   *
   * @return the field's {@link TType}, or {@link TType#STOP} at the end of the struct
   * @throws ProtocolException of kind {@link ProtocolException.Kind#UNKNOWN_TYPE} when the type is
   *     not a Thrift type
   */
  byte readFieldBegin();

  /**
   * Returns the id of the field whose header {@link #readFieldBegin()} read last.
   *
   * @return the field id; 0 after {@link TType#STOP}
   */
  short fieldId();

  /** Ends a field. */
  void readFieldEnd();

  /**
   * Reads a map header and enters one nesting level.
   *
   * @return the key and value types and the number of entries
   */
  MapHeader readMapBegin();

  /** Ends a map. */
  void readMapEnd();

  /**
   * Reads a list header and enters one nesting level.
   *
   * @return the element type and the number of elements
   */
  ListHeader readListBegin();

  /** Ends a list. */
  void readListEnd();

  /**
   * Reads a set header and enters one nesting level.
   *
   * @return the element type and the number of elements
   */
  ListHeader readSetBegin();

  /** Ends a set. */
  void readSetEnd();

  /**
   * Reads a {@code bool}.
   *
   * @return the value
   */
  boolean readBool();

  /**
   * Reads a {@code byte} ({@code i8}).
   *
   * @return the value
   */
  byte readByte();

  /**
   * Reads an {@code i16}.
   *
   * @return the value
   */
  short readI16();

  /**
   * Reads an {@code i32}.
   *
   * @return the value
   */
  int readI32();

  /**
   * Reads an {@code i64}.
   *
   * @return the value
   */
  long readI64();

  /**
   * Reads a {@code double}.
   *
   * @return the value
   */
  double readDouble();

  /**
   * Reads a {@code string}, decoding UTF-8 strictly or leniently as configured.
   *
   * @return the value
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_UTF8} for malformed
   *     UTF-8 unless {@link ProtocolConfig#lenientUtf8()}
   */
  String readString();

  /**
   * Reads a {@code binary}.
   *
   * @return the value
   */
  Bytes readBinary();

  /**
   * Reads a {@code uuid}.
   *
   * @return the value
   */
  UUID readUuid();

  /**
   * Reads past a value of type {@code type}, including everything nested in it, without decoding
   * strings or building objects. Limits apply as for reading.
   *
   * @param type the value's {@link TType}, as returned by {@link #readFieldBegin()} or a container
   *     header
   * @throws ProtocolException of kind {@link ProtocolException.Kind#UNKNOWN_TYPE} when {@code type}
   *     is not a Thrift type
   */
  void skip(byte type);
}
