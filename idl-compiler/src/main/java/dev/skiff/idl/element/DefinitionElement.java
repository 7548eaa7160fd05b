package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;

/**
 * A top-level definition as written; {@code doc} is the text of a preceding doc comment or empty.
 */
public sealed interface DefinitionElement {
  Location location();

  String name();

  String doc();

  /** {@code const type name = value}. */
  record Const(
      Location location, String name, TypeElement type, ConstValueElement value, String doc)
      implements DefinitionElement {
    public Const {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      requireNonNull(value, "value");
      requireNonNull(doc, "doc");
    }
  }

  /** {@code typedef type name}. */
  record Typedef(
      Location location,
      String name,
      TypeElement type,
      List<AnnotationElement> annotations,
      String doc)
      implements DefinitionElement {
    public Typedef {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }

  /** {@code enum name { ... }}. */
  record Enum(
      Location location,
      String name,
      List<EnumMember> members,
      List<AnnotationElement> annotations,
      String doc)
      implements DefinitionElement {
    public Enum {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      members = List.copyOf(members);
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }

  /** One enum member; {@code value} is null when implied by its position. */
  record EnumMember(
      Location location, String name, Long value, List<AnnotationElement> annotations, String doc) {
    public EnumMember {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }

  /** What kind of field container a {@link Struct} is. */
  enum StructKind {
    STRUCT,
    UNION,
    EXCEPTION
  }

  /** {@code struct}, {@code union} or {@code exception}. */
  record Struct(
      Location location,
      StructKind kind,
      String name,
      List<FieldElement> fields,
      List<AnnotationElement> annotations,
      String doc)
      implements DefinitionElement {
    public Struct {
      requireNonNull(location, "location");
      requireNonNull(kind, "kind");
      requireNonNull(name, "name");
      fields = List.copyOf(fields);
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }

  /** {@code service name [extends base] { ... }}; {@code extendsName} may be null. */
  record Service(
      Location location,
      String name,
      String extendsName,
      Location extendsLocation,
      List<Function> functions,
      List<AnnotationElement> annotations,
      String doc)
      implements DefinitionElement {
    public Service {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      functions = List.copyOf(functions);
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }

  /** A service function; {@code returnType} is null for {@code void}. */
  record Function(
      Location location,
      String name,
      boolean oneway,
      TypeElement returnType,
      List<FieldElement> parameters,
      List<FieldElement> exceptions,
      List<AnnotationElement> annotations,
      String doc) {
    public Function {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      parameters = List.copyOf(parameters);
      exceptions = List.copyOf(exceptions);
      annotations = List.copyOf(annotations);
      requireNonNull(doc, "doc");
    }
  }
}
