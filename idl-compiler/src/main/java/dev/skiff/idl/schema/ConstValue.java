package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A constant value, already checked against and shaped by its type: an integer for an i32 field, a
 * {@link EnumValue} for an enum, a {@link StructValue} for a struct constant written as a map.
 * References to other constants are resolved to the referenced value.
 */
public sealed interface ConstValue {

  /** {@code true}/{@code false}, or {@code 1}/{@code 0} written for a bool. */
  record BoolValue(boolean value) implements ConstValue {}

  /** A value of an integer type (i8, i16, i32 or i64), already range-checked for it. */
  record IntValue(long value) implements ConstValue {}

  /** A double value. */
  record DoubleValue(double value) implements ConstValue {}

  /** A string, or a binary written as a string literal (its UTF-8 bytes). */
  record StringValue(String value) implements ConstValue {
    public StringValue {
      requireNonNull(value, "value");
    }
  }

  /** A member of an enum. */
  record EnumValue(QualifiedName enumName, String member, int value) implements ConstValue {
    public EnumValue {
      requireNonNull(enumName, "enumName");
      requireNonNull(member, "member");
    }
  }

  /** A list or set value, in source order. */
  record ListValue(List<ConstValue> elements) implements ConstValue {
    public ListValue {
      elements = List.copyOf(elements);
    }
  }

  /** A map value, in source order. */
  record MapValue(List<Map.Entry<ConstValue, ConstValue>> entries) implements ConstValue {
    public MapValue {
      entries = entries.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
  }

  /**
   * A struct, union or exception value; {@code fields} maps field names to values, in source order.
   */
  record StructValue(QualifiedName struct, List<Map.Entry<String, ConstValue>> fields)
      implements ConstValue {
    public StructValue {
      requireNonNull(struct, "struct");
      fields = fields.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
  }
}
