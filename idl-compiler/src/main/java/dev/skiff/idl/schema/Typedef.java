package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.Map;

/** {@code typedef target name}. */
public record Typedef(
    QualifiedName name,
    ThriftType target,
    Map<String, String> annotations,
    String doc,
    Location location) {
  public Typedef {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }

  public TypedefType asType() {
    return new TypedefType(name, target);
  }
}
