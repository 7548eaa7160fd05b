package dev.skiff.idl.link;

import dev.skiff.idl.element.DefinitionElement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of an enum's members: explicit ones as written, others one more than the previous. */
final class EnumValues {
  private EnumValues() {}

  /** Member name to value, in source order; the first member with no value is 0. */
  static Map<String, Long> of(DefinitionElement.Enum enumElement) {
    Map<String, Long> values = new LinkedHashMap<>();
    long next = 0;
    for (DefinitionElement.EnumMember member : enumElement.members()) {
      long value = member.value() != null ? member.value() : next;
      values.putIfAbsent(member.name(), value);
      next = value + 1;
    }
    return values;
  }
}
