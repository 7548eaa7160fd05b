package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/** {@code set<T>}. */
public record SetType(ThriftType elementType) implements ThriftType {
  public SetType {
    requireNonNull(elementType, "elementType");
  }

  @Override
  public String toString() {
    return "set<" + elementType + ">";
  }
}
