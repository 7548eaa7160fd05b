package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import dev.skiff.idl.schema.Requiredness;
import java.util.List;

/**
 * A field, parameter or throws entry as written.
 *
 * @param id the id as written, or null when the IDL gave none
 * @param defaultValue the default as written, or null
 */
public record FieldElement(
    Location location,
    Integer id,
    Requiredness requiredness,
    TypeElement type,
    String name,
    boolean reference,
    ConstValueElement defaultValue,
    List<AnnotationElement> annotations,
    String doc) {
  public FieldElement {
    requireNonNull(location, "location");
    requireNonNull(requiredness, "requiredness");
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    annotations = List.copyOf(annotations);
    requireNonNull(doc, "doc");
  }
}
