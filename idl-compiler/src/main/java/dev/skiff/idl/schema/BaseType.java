package dev.skiff.idl.schema;

/** Thrift's base types. {@code byte} and {@code i8} are the same type. */
public enum BaseType implements ThriftType {
  BOOL("bool"),
  BYTE("i8"),
  I16("i16"),
  I32("i32"),
  I64("i64"),
  DOUBLE("double"),
  STRING("string"),
  BINARY("binary"),
  UUID("uuid");

  private final String idlName;

  BaseType(String idlName) {
    this.idlName = idlName;
  }

  /** The name as written in IDL ({@code i8} for the byte type). */
  public String idlName() {
    return idlName;
  }

  @Override
  public String toString() {
    return idlName;
  }
}
