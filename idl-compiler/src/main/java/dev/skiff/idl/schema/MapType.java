package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/** {@code map<K, V>}. */
public record MapType(ThriftType keyType, ThriftType valueType) implements ThriftType {
  public MapType {
    requireNonNull(keyType, "keyType");
    requireNonNull(valueType, "valueType");
  }

  @Override
  public String toString() {
    return "map<" + keyType + ", " + valueType + ">";
  }
}
