package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A struct, union or exception definition. */
public record StructType(
    QualifiedName name,
    NamedType.Kind kind,
    List<Field> fields,
    Map<String, String> annotations,
    String doc,
    Location location) {
  public StructType {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    if (kind == NamedType.Kind.ENUM) {
      throw new IllegalArgumentException("a struct cannot be of kind ENUM");
    }
    fields = List.copyOf(fields);
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }

  public boolean isUnion() {
    return kind == NamedType.Kind.UNION;
  }

  public boolean isException() {
    return kind == NamedType.Kind.EXCEPTION;
  }

  /** The type that names this definition. */
  public NamedType asType() {
    return new NamedType(name, kind);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
