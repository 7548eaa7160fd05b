package dev.skiff.idl.schema;

/**
 * A resolved Thrift type. Named types ({@link NamedType}) refer to their definitions by name, which
 * is what lets structs refer to themselves and to each other; {@link Schema} looks them up.
 * Typedefs stay visible as {@link TypedefType} aliases; {@link #trueType()} sees through them.
 */
public sealed interface ThriftType
    permits BaseType, ListType, SetType, MapType, NamedType, TypedefType {

  /** This type with every typedef alias on top of it removed. */
  default ThriftType trueType() {
    ThriftType type = this;
    while (type instanceof TypedefType alias) {
      type = alias.target();
    }
    return type;
  }
}
