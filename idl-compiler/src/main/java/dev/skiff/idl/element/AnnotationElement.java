package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;

/** {@code key = "value"} inside {@code ( ... )}; a key written alone has the value {@code "1"}. */
public record AnnotationElement(Location location, String key, String value) {
  public AnnotationElement {
    requireNonNull(location, "location");
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }
}
