package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service. {@link #methods()} are the ones it declares itself; {@link Schema#allMethods(Service)}
 * adds those inherited through {@code extends}.
 */
public record Service(
    QualifiedName name,
    Optional<QualifiedName> extendsName,
    List<Method> methods,
    Map<String, String> annotations,
    String doc,
    Location location) {
  public Service {
    requireNonNull(name, "name");
    requireNonNull(extendsName, "extendsName");
    methods = List.copyOf(methods);
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }
}
