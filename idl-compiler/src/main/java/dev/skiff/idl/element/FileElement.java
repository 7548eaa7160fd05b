package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.nio.file.Path;
import java.util.List;

/** One parsed IDL file: its headers and definitions, in source order, names not yet resolved. */
public record FileElement(
    Path path,
    List<Include> includes,
    List<Namespace> namespaces,
    List<String> cppIncludes,
    List<DefinitionElement> definitions) {

  /** {@code include "path"}. */
  public record Include(Location location, String path) {
    public Include {
      requireNonNull(location, "location");
      requireNonNull(path, "path");
    }
  }

  /**
   * {@code namespace scope value}; old forms like {@code java_package x} arrive with scope {@code
   * java}.
   */
  public record Namespace(
      Location location, String scope, String value, List<AnnotationElement> annotations) {
    public Namespace {
      requireNonNull(location, "location");
      requireNonNull(scope, "scope");
      requireNonNull(value, "value");
      annotations = List.copyOf(annotations);
    }
  }

  public FileElement {
    requireNonNull(path, "path");
    includes = List.copyOf(includes);
    namespaces = List.copyOf(namespaces);
    cppIncludes = List.copyOf(cppIncludes);
    definitions = List.copyOf(definitions);
  }
}
