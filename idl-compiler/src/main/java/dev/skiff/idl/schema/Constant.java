package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;

/** {@code const type name = value}, with the value checked against the type. */
public record Constant(
    QualifiedName name, ThriftType type, ConstValue value, String doc, Location location) {
  public Constant {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(value, "value");
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }
}
