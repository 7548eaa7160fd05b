package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;

/** A type as written, before names are resolved. */
public sealed interface TypeElement {
  Location location();

  List<AnnotationElement> annotations();

  /**
   * {@code i32}, {@code string}, ...; {@code name} is the keyword as written ({@code byte} stays
   * {@code byte}).
   */
  record Base(Location location, String name, List<AnnotationElement> annotations)
      implements TypeElement {
    public Base {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      annotations = List.copyOf(annotations);
    }
  }

  /** A name to resolve: {@code User}, {@code shared.User}, or a typedef. */
  record Named(Location location, String name, List<AnnotationElement> annotations)
      implements TypeElement {
    public Named {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      annotations = List.copyOf(annotations);
    }
  }

  /** {@code list<T>}; {@code cppType} is the obsolete {@code cpp_type} hint or null. */
  record ListOf(
      Location location, TypeElement element, String cppType, List<AnnotationElement> annotations)
      implements TypeElement {
    public ListOf {
      requireNonNull(location, "location");
      requireNonNull(element, "element");
      annotations = List.copyOf(annotations);
    }
  }

  /** {@code set<T>}. */
  record SetOf(
      Location location, TypeElement element, String cppType, List<AnnotationElement> annotations)
      implements TypeElement {
    public SetOf {
      requireNonNull(location, "location");
      requireNonNull(element, "element");
      annotations = List.copyOf(annotations);
    }
  }

  /** {@code map<K, V>}. */
  record MapOf(
      Location location,
      TypeElement key,
      TypeElement value,
      String cppType,
      List<AnnotationElement> annotations)
      implements TypeElement {
    public MapOf {
      requireNonNull(location, "location");
      requireNonNull(key, "key");
      requireNonNull(value, "value");
      annotations = List.copyOf(annotations);
    }
  }
}
