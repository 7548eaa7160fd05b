package dev.skiff.idl.javagen;

import com.palantir.javapoet.TypeName;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.Requiredness;
import dev.skiff.idl.schema.ThriftType;

/**
 * A field of a struct, union or exception as generated code holds it.
 *
 * @param field the IDL field
 * @param name the Java name of the record component, accessor and builder setter
 * @param type the Java type it is stored as: primitive for required and default-requiredness fields
 *     of primitive Thrift types (and every union field of one), boxed or a reference type otherwise
 */
record JavaField(Field field, String name, TypeName type) {

  /** The IDL name, which goes on the wire for protocols that write names and into messages. */
  String idlName() {
    return field.name();
  }

  ThriftType thriftType() {
    return field.type().trueType();
  }

  boolean isPrimitive() {
    return type.isPrimitive();
  }

  boolean isRequired() {
    return field.requiredness() == Requiredness.REQUIRED;
  }

  /** Whether the value may be {@code null}, meaning unset, in a struct or exception. */
  boolean isNullable() {
    return !isPrimitive() && !isRequired();
  }

  boolean isEnum() {
    return thriftType() instanceof NamedType named && named.isEnum();
  }

  boolean hasDefault() {
    return field.defaultValue() != null;
  }

  /** This field as a union case holds it: never null, whatever the IDL's requiredness. */
  JavaField asRequired() {
    Field f = field;
    Field required =
        new Field(
            f.id(),
            f.name(),
            Requiredness.REQUIRED,
            f.type(),
            f.defaultValue(),
            f.reference(),
            f.annotations(),
            f.doc(),
            f.location());
    return new JavaField(required, name, type);
  }
}
