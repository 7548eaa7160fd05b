package dev.skiff.rpc.protocol;

import dev.skiff.rpc.Bytes;
import java.util.UUID;

/**
 * Writes Thrift values to a buffer in one protocol's encoding. Generated code calls it in the order
 * of Thrift's grammar:
 *
 * <pre>{@code
 * writeMessageBegin(header)
 *   writeStructBegin(name)
 *     writeFieldBegin(name, type, id)  <value>  writeFieldEnd()   ...repeated
 *     writeFieldStop()
 *   writeStructEnd()
 * writeMessageEnd()
 * }</pre>
 *
 * where a value is a base value, a nested struct, {@code writeListBegin} or {@code writeSetBegin}
 * then {@code size} values then the matching end, or {@code writeMapBegin} then {@code size} key
 * and value pairs then {@code writeMapEnd}. Methods with no wire form in a protocol still must be
 * called: the compact protocol tracks field ids across nested structs, and carries a bool field's
 * value in its field header.
 *
 * <p>The output is byte-for-byte what Apache Thrift's {@code TCompactProtocol} or (strict) {@code
 * TBinaryProtocol} writes for the same calls. Writing never fails for valid arguments except when
 * the buffer cannot grow; type arguments must be {@link TType} constants valid in their position,
 * and sizes non-negative, or the method throws {@link IllegalArgumentException}.
 *
 * <p>Not thread-safe: a writer holds per-message state and belongs to one thread at a time.
 */
public interface ProtocolWriter {
  /**
   * Writes a message header.
   *
   * @param header the method name, message type and sequence id
   */
  void writeMessageBegin(MessageHeader header);

  /** Ends a message. */
  void writeMessageEnd();

  /**
   * Starts a struct, union or exception.
   *
   * @param name the type's name; not written by either protocol
   */
  void writeStructBegin(String name);

  /** Ends a struct, after {@link #writeFieldStop()}. */
  void writeStructEnd();

  /**
   * Starts a field; its value follows.
   *
   * @param name the field's name; not written by either protocol
   * @param type the field's {@link TType}
   * @param id the field id
   */
  void writeFieldBegin(String name, byte type, short id);

  /** Ends a field. */
  void writeFieldEnd();

  /** Marks the end of a struct's fields. */
  void writeFieldStop();

  /**
   * Starts a map of {@code size} entries.
   *
   * @param keyType the keys' {@link TType}
   * @param valueType the values' {@link TType}
   * @param size the number of entries
   */
  void writeMapBegin(byte keyType, byte valueType, int size);

  /** Ends a map. */
  void writeMapEnd();

  /**
   * Starts a list of {@code size} elements.
   *
   * @param elementType the elements' {@link TType}
   * @param size the number of elements
   */
  void writeListBegin(byte elementType, int size);

  /** Ends a list. */
  void writeListEnd();

  /**
   * Starts a set of {@code size} elements.
   *
   * @param elementType the elements' {@link TType}
   * @param size the number of elements
   */
  void writeSetBegin(byte elementType, int size);

  /** Ends a set. */
  void writeSetEnd();

  /**
   * Writes a {@code bool}.
   *
   * @param value the value
   */
  void writeBool(boolean value);

  /**
   * Writes a {@code byte} ({@code i8}).
   *
   * @param value the value
   */
  void writeByte(byte value);

  /**
   * Writes an {@code i16}.
   *
   * @param value the value
   */
  void writeI16(short value);

  /**
   * Writes an {@code i32}.
   *
   * @param value the value
   */
  void writeI32(int value);

  /**
   * Writes an {@code i64}.
   *
   * @param value the value
   */
  void writeI64(long value);

  /**
   * Writes a {@code double}; NaNs are written in their canonical form.
   *
   * @param value the value
   */
  void writeDouble(double value);

  /**
   * Writes a {@code string} as UTF-8; an unpaired surrogate becomes {@code '?'}.
   *
   * @param value the value
   */
  void writeString(String value);

  /**
   * Writes a {@code binary}.
   *
   * @param value the value
   */
  void writeBinary(Bytes value);

  /**
   * Writes a {@code uuid} as 16 bytes, most significant first.
   *
   * @param value the value
   */
  void writeUuid(UUID value);
}
