package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a user-defined enum, struct, union or exception. The definition itself is found
 * with {@link Schema#enumType(QualifiedName)} or {@link Schema#struct(QualifiedName)}.
 */
public record NamedType(QualifiedName name, Kind kind) implements ThriftType {
  /** What a named type refers to. */
  public enum Kind {
    ENUM,
    STRUCT,
    UNION,
    EXCEPTION
  }

  public NamedType {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
  }

  public boolean isEnum() {
    return kind == Kind.ENUM;
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
