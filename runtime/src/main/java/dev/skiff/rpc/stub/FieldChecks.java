package dev.skiff.rpc.stub;

import dev.skiff.rpc.protocol.ProtocolException;
import java.util.function.Function;

/**
 * The checks generated code makes on required fields and unions. Every message names the type and
 * the field, for example {@code "required field User.name is null"}.
 */
public final class FieldChecks {
  private FieldChecks() {}

  /**
   * Checks a required field passed to a constructor.
   *
   * @param value the field's value
   * @param type the IDL type's name
   * @param field the IDL field's name
   * @param <T> the field's type
   * @return {@code value}
   * @throws NullPointerException if {@code value} is {@code null}
   */
  public static <T> T requireNonNull(T value, String type, String field) {
    if (value == null) {
      throw new NullPointerException("required field " + type + "." + field + " is null");
    }
    return value;
  }

  /**
   * Checks a required field when a builder builds.
   *
   * @param value the builder's value for the field
   * @param type the IDL type's name
   * @param field the IDL field's name
   * @param <T> the field's type
   * @return {@code value}
   * @throws IllegalStateException if {@code value} is {@code null}
   */
  public static <T> T requireSet(T value, String type, String field) {
    if (value == null) {
      throw new IllegalStateException("required field " + type + "." + field + " is not set");
    }
    return value;
  }

  /**
   * Checks that a required field was present in the input.
   *
   * @param value the value read, {@code null} when the field was absent
   * @param type the IDL type's name
   * @param field the IDL field's name
   * @param <T> the field's type
   * @return {@code value}
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_DATA} if {@code value}
   *     is {@code null}
   */
  public static <T> T requireRead(T value, String type, String field) {
    if (value == null) {
      throw new ProtocolException(
          ProtocolException.Kind.INVALID_DATA,
          "required field " + type + "." + field + " is missing");
    }
    return value;
  }

  /**
   * Checks that a required enum field was present in the input with a known value.
   *
   * @param value the value read, {@code null} when the field was absent or its value unknown
   * @param type the IDL type's name
   * @param field the IDL field's name
   * @param <T> the field's type
   * @return {@code value}
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_DATA} if {@code value}
   *     is {@code null}
   */
  public static <T> T requireEnumRead(T value, String type, String field) {
    if (value == null) {
      throw new ProtocolException(
          ProtocolException.Kind.INVALID_DATA,
          "required field "
              + type
              + "."
              + field
              + " is missing or holds an enum value unknown to this version of the IDL");
    }
    return value;
  }

  /**
   * Records a field read for a union, which may have only one.
   *
   * @param previous the union built from an earlier field, or {@code null}
   * @param value the field's value, or {@code null} for an unknown enum value (the field is then
   *     ignored)
   * @param wrap makes the union from the value
   * @param union the IDL union's name
   * @param field the IDL field's name
   * @param <U> the union type
   * @param <V> the field's type
   * @return the union holding {@code value}, or {@code previous} when {@code value} is null
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_DATA} if {@code
   *     previous} is not {@code null}
   */
  public static <U, V> U unionField(
      U previous, V value, Function<? super V, ? extends U> wrap, String union, String field) {
    if (value == null) {
      return previous;
    }
    if (previous != null) {
      throw new ProtocolException(
          ProtocolException.Kind.INVALID_DATA,
          "union " + union + " has more than one field set: " + field + " follows another");
    }
    return wrap.apply(value);
  }

  /**
   * Checks that a union read had a field set.
   *
   * @param value the union read, or {@code null}
   * @param union the IDL union's name
   * @param <U> the union type
   * @return {@code value}
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_DATA} if {@code value}
   *     is {@code null}
   */
  public static <U> U requireUnion(U value, String union) {
    if (value == null) {
      throw new ProtocolException(
          ProtocolException.Kind.INVALID_DATA,
          "union " + union + " has no field set (or only enum values unknown to this version)");
    }
    return value;
  }
}
