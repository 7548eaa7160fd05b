package dev.skiff.rpc.protocol;

/**
 * Thrift's type ids, as they appear in binary-protocol field and container headers and as the
 * compact protocol's readers report them. The compact protocol's own wire nibbles are an internal
 * detail of its implementation; generated code only ever sees these values.
 *
 * <p>Constants only; thread-safe.
 */
public final class TType {
  /** Ends the fields of a struct. */
  public static final byte STOP = 0;

  /** No value; never on the wire in a valid message. */
  public static final byte VOID = 1;

  /** {@code bool}. */
  public static final byte BOOL = 2;

  /** {@code byte}, the same as {@link #I8}. */
  public static final byte BYTE = 3;

  /** {@code i8}, the same as {@link #BYTE}. */
  public static final byte I8 = 3;

  /** {@code double}. */
  public static final byte DOUBLE = 4;

  /** {@code i16}. */
  public static final byte I16 = 6;

  /** {@code i32}, and enums. */
  public static final byte I32 = 8;

  /** {@code i64}. */
  public static final byte I64 = 10;

  /** {@code string} and {@code binary}. */
  public static final byte STRING = 11;

  /** {@code struct}, {@code union} and {@code exception}. */
  public static final byte STRUCT = 12;

  /** {@code map<K, V>}. */
  public static final byte MAP = 13;

  /** {@code set<T>}. */
  public static final byte SET = 14;

  /** {@code list<T>}. */
  public static final byte LIST = 15;

  /** {@code uuid}. */
  public static final byte UUID = 16;

  private static final String[] NAMES = {
    "STOP", "VOID", "BOOL", "BYTE", "DOUBLE", null, "I16", null, "I32", null, "I64", "STRING",
    "STRUCT", "MAP", "SET", "LIST", "UUID"
  };

  private TType() {}

  /**
   * Returns the name of a type id, such as {@code "I32"}, or {@code "UNKNOWN(7)"} for a value that
   * is not a Thrift type.
   *
   * @param type a type id
   * @return a name for messages and debugging
   */
  public static String name(byte type) {
    String name = type >= 0 && type < NAMES.length ? NAMES[type] : null;
    return name != null ? name : "UNKNOWN(" + type + ")";
  }

  /** Whether {@code type} may appear as the type of a field or a container element. */
  static boolean isValueType(byte type) {
    return type >= BOOL && type < NAMES.length && type != 5 && type != 7 && type != 9;
  }
}
