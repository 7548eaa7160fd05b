package dev.skiff.idl;

import java.util.List;

/**
 * The files under {@code errors/}, one per check the compiler makes, each with the errors Skiff
 * must report ({@code path:line:col: error: message}, the path relative to {@code errors/}) and
 * what Apache Thrift 0.17 does with the same file.
 */
public final class ErrorCases {
  private ErrorCases() {}

  /** What Apache's compiler does with a file. */
  public enum Apache {
    /** It exits with an error. */
    REJECTS,
    /** It generates code, at most with a warning: it is more lenient than Skiff here. */
    ACCEPTS,
    /** It dies of a signal (a segmentation fault). */
    CRASHES,
    /** It never finishes. */
    HANGS
  }

  /** One file and what each compiler makes of it. */
  public record Case(String file, Apache apache, List<String> errors) {
    @Override
    public String toString() {
      return file;
    }
  }

  public static final List<Case> ALL =
      List.of(
          new Case(
              "unknown_type.thrift",
              Apache.REJECTS,
              List.of(
                  "unknown_type.thrift:3:6: error: unknown type 'Customer'",
                  "unknown_type.thrift:4:11: error: unknown type 'Item'")),
          new Case(
              "duplicate_definition.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_definition.thrift:5:6: error: duplicate definition 'Thing'; it is"
                      + " first defined at line 1")),
          new Case(
              "duplicate_field_id.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_field_id.thrift:3:10: error: duplicate field id 1 in struct 'Pair':"
                      + " 'right' and 'left'")),
          new Case(
              "duplicate_field_name.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_field_name.thrift:3:13: error: duplicate field name 'left' in struct"
                      + " 'Pair'")),
          new Case(
              "duplicate_argument_id.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_argument_id.thrift:2:28: error: duplicate field id 1 in arguments of"
                      + " 'add': 'b' and 'a'")),
          new Case(
              "duplicate_argument_name.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_argument_name.thrift:2:28: error: duplicate field name 'a' in"
                      + " arguments of 'add'")),
          new Case(
              "duplicate_throws_id.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_throws_id.thrift:5:70: error: duplicate field id 1 in throws list of"
                      + " 'add': 'under' and 'over'")),
          new Case(
              "duplicate_throws_name.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_throws_name.thrift:5:70: error: duplicate field name 'oops' in throws"
                      + " list of 'add'")),
          new Case(
              "duplicate_method.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_method.thrift:3:7: error: duplicate method 'add' in service"
                      + " 'Calculator'")),
          new Case(
              "duplicate_inherited_method.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_inherited_method.thrift:6:8: error: method 'ping' of service"
                      + " 'Derived' is already defined by the service it extends, at"
                      + " duplicate_inherited_method.thrift:2:8")),
          new Case(
              "duplicate_enum_name.thrift",
              Apache.REJECTS,
              List.of(
                  "duplicate_enum_name.thrift:4:3: error: duplicate enum member 'RED' in enum"
                      + " 'Color'")),
          new Case(
              "duplicate_enum_value.thrift",
              Apache.ACCEPTS,
              List.of(
                  "duplicate_enum_value.thrift:4:3: error: duplicate enum value 1 in enum"
                      + " 'Color': 'BLUE' and 'RED'")),
          new Case(
              // Apache only warns that it cannot find the file, and goes on.
              "include_not_found.thrift",
              Apache.ACCEPTS,
              List.of(
                  "include_not_found.thrift:1:1: error: include not found: 'missing.thrift'"
                      + " (searched .)")),
          new Case(
              "include_cycle.thrift",
              Apache.CRASHES,
              List.of(
                  "helpers/cycle_back.thrift:1:1: error: include cycle: include_cycle.thrift ->"
                      + " cycle_back.thrift -> include_cycle.thrift")),
          new Case(
              "typedef_cycle.thrift",
              Apache.ACCEPTS,
              List.of(
                  "typedef_cycle.thrift:1:16: error: typedef cycle: First -> Second -> Third ->"
                      + " First")),
          new Case(
              // Apache generates Java that does not compile: (byte) 300 is a narrowing cast.
              "const_out_of_range.thrift",
              Apache.ACCEPTS,
              List.of(
                  "const_out_of_range.thrift:1:18: error: value 300 is out of range for i8 (-128"
                      + " to 127)")),
          new Case(
              "const_wrong_type.thrift",
              Apache.REJECTS,
              List.of(
                  "const_wrong_type.thrift:1:19: error: expected an integer for an i32, found"
                      + " \"three\"")),
          new Case(
              "unknown_enum_value_const.thrift",
              Apache.REJECTS,
              List.of(
                  "unknown_enum_value_const.thrift:6:29: error: unknown value 'MEDIUM' for enum"
                      + " 'Level'")),
          new Case(
              "unknown_enum_value_default.thrift",
              Apache.REJECTS,
              List.of(
                  "unknown_enum_value_default.thrift:7:20: error: unknown value 'MEDIUM' for enum"
                      + " 'Level'")),
          new Case(
              "extends_unknown.thrift",
              Apache.REJECTS,
              List.of("extends_unknown.thrift:1:25: error: unknown service 'Missing'")),
          new Case(
              "extends_non_service.thrift",
              Apache.REJECTS,
              List.of(
                  "extends_non_service.thrift:5:25: error: service 'Derived' extends 'Base',"
                      + " which is not a service")),
          new Case(
              // Apache warns, then generates a oneway method that returns a value.
              "oneway_non_void.thrift",
              Apache.ACCEPTS,
              List.of("oneway_non_void.thrift:2:14: error: oneway method 'fire' must return void")),
          new Case(
              "oneway_throws.thrift",
              Apache.REJECTS,
              List.of(
                  "oneway_throws.thrift:4:15: error: oneway method 'fire' cannot throw"
                      + " exceptions")),
          new Case(
              "throws_non_exception.thrift",
              Apache.REJECTS,
              List.of(
                  "throws_non_exception.thrift:6:26: error: throws list of 'call' names"
                      + " 'NotAnError', which is not an exception")),
          new Case(
              // Apache warns and drops the requiredness.
              "union_required.thrift",
              Apache.ACCEPTS,
              List.of(
                  "union_required.thrift:3:22: error: union 'Choice' cannot have required field"
                      + " 'text'")),
          new Case(
              "map_one_type.thrift",
              Apache.REJECTS,
              List.of(
                  "map_one_type.thrift:2:6: error: map needs a key and a value type: map<K, V>")),
          new Case(
              "unterminated_string.thrift",
              Apache.REJECTS,
              List.of("unterminated_string.thrift:1:25: error: unterminated string literal")),
          new Case(
              "unterminated_comment.thrift",
              Apache.HANGS,
              List.of("unterminated_comment.thrift:3:1: error: unterminated comment")),
          new Case(
              "unexpected_token.thrift",
              Apache.REJECTS,
              List.of("unexpected_token.thrift:4:2: error: unexpected '}'")),
          new Case(
              "several_errors.thrift",
              Apache.REJECTS,
              List.of(
                  "several_errors.thrift:3:6: error: unknown type 'Customer'",
                  "several_errors.thrift:4:10: error: duplicate field id 1 in struct 'Order':"
                      + " 'count' and 'customer'",
                  "several_errors.thrift:5:17: error: value 1000 is out of range for i8 (-128 to"
                      + " 127)",
                  "several_errors.thrift:9:19: error: union 'Choice' cannot have required field"
                      + " 'number'",
                  "several_errors.thrift:12:22: error: unknown service 'Nowhere'",
                  "several_errors.thrift:13:14: error: oneway method 'buy' must return void")));
}
