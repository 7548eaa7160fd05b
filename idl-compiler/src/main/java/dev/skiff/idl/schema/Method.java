package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service method.
 *
 * @param returnType the result type; empty for {@code void}
 * @param parameters the argument list; field ids are the wire ids of the args struct
 * @param exceptions the throws list; each field's type is an exception
 */
public record Method(
    String name,
    boolean oneway,
    Optional<ThriftType> returnType,
    List<Field> parameters,
    List<Field> exceptions,
    Map<String, String> annotations,
    String doc,
    Location location) {
  public Method {
    requireNonNull(name, "name");
    requireNonNull(returnType, "returnType");
    parameters = List.copyOf(parameters);
    exceptions = List.copyOf(exceptions);
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }

  public boolean isVoid() {
    return returnType.isEmpty();
  }
}
