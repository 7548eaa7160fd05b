package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.Map;

/**
 * A field of a struct, union or exception, a parameter of a method, or an entry of a throws list.
 *
 * @param id the field id; negative when the IDL gave none and one was assigned
 * @param name the IDL name, unchanged (generators make it a legal Java name)
 * @param requiredness required, optional or default
 * @param type the field's type
 * @param defaultValue the default, already checked against {@code type}; {@code null} when none
 * @param reference whether the IDL marked the field with {@code &} (a C++ hint; kept for tools)
 * @param annotations {@code (key = "value")} pairs in source order; a key without a value maps to
 *     {@code "1"}, as in Apache Thrift
 * @param doc the {@code /** *}{@code /} comment's text, or empty
 * @param location where the field is declared
 */
public record Field(
    int id,
    String name,
    Requiredness requiredness,
    ThriftType type,
    ConstValue defaultValue,
    boolean reference,
    Map<String, String> annotations,
    String doc,
    Location location) {
  public Field {
    requireNonNull(name, "name");
    requireNonNull(requiredness, "requiredness");
    requireNonNull(type, "type");
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }

  /** Whether the IDL left out the id and the compiler assigned a negative one. */
  public boolean hasAssignedId() {
    return id < 0;
  }
}
