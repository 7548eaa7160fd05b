package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/** {@code list<T>}. */
public record ListType(ThriftType elementType) implements ThriftType {
  public ListType {
    requireNonNull(elementType, "elementType");
  }

  @Override
  public String toString() {
    return "list<" + elementType + ">";
  }
}
