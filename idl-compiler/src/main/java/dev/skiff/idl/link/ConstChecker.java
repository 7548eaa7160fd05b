package dev.skiff.idl.link;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.element.ConstValueElement;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.FieldElement;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ConstValue;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.ThriftType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks constant values (of consts, field defaults and struct constants) against their types and
 * turns them into typed {@link ConstValue}s. Accepts what real IDL files contain: {@code true} and
 * {@code false} or 1 and 0 for bools, enum members written {@code Enum.VALUE}, unqualified, or as
 * their integer value, references to other constants, and struct values written as maps keyed by
 * field name.
 */
final class ConstChecker {
  private final Symbols symbols;
  private final TypeResolver types;
  private final Diagnostics diagnostics;
  private final Set<QualifiedName> checkingConstants = new HashSet<>();

  ConstChecker(Symbols symbols, TypeResolver types, Diagnostics diagnostics) {
    this.symbols = symbols;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** The typed value, or empty after reporting why {@code value} does not fit {@code type}. */
  Optional<ConstValue> check(ConstValueElement value, ThriftType type, Scope scope) {
    ThriftType trueType = type.trueType();
    if (value instanceof ConstValueElement.Identifier identifier) {
      return identifier(identifier, type, scope);
    }
    if (trueType instanceof BaseType base) {
      return base(value, base);
    }
    if (trueType instanceof ListType list) {
      return elements(value, list.elementType(), scope, "list");
    }
    if (trueType instanceof SetType set) {
      return elements(value, set.elementType(), scope, "set");
    }
    if (trueType instanceof MapType map) {
      return map(value, map, scope);
    }
    NamedType named = (NamedType) trueType;
    return named.isEnum() ? enumByValue(value, named) : struct(value, named, scope);
  }

  private Optional<ConstValue> base(ConstValueElement value, BaseType type) {
    switch (type) {
      case BOOL:
        if (value instanceof ConstValueElement.IntLiteral i && (i.value() == 0 || i.value() == 1)) {
          return Optional.of(new ConstValue.BoolValue(i.value() == 1));
        }
        return mismatch(value, "true, false, 0 or 1 for a bool");
      case BYTE:
        return integer(value, type, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case I16:
        return integer(value, type, Short.MIN_VALUE, Short.MAX_VALUE);
      case I32:
        return integer(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case I64:
        return integer(value, type, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE:
        if (value instanceof ConstValueElement.IntLiteral i) {
          return Optional.of(new ConstValue.DoubleValue(i.value()));
        }
        if (value instanceof ConstValueElement.DoubleLiteral d) {
          return Optional.of(new ConstValue.DoubleValue(d.value()));
        }
        return mismatch(value, "a number for a double");
      case STRING:
      case BINARY:
        if (value instanceof ConstValueElement.StringLiteral s) {
          return Optional.of(new ConstValue.StringValue(s.value()));
        }
        return mismatch(value, "a string literal for a " + type);
      case UUID:
        if (value instanceof ConstValueElement.StringLiteral s && isUuid(s.value())) {
          return Optional.of(new ConstValue.StringValue(UUID.fromString(s.value()).toString()));
        }
        return mismatch(value, "a uuid string such as \"00000000-0000-0000-0000-000000000000\"");
    }
    throw new IllegalStateException("unhandled base type " + type);
  }

  private Optional<ConstValue> integer(ConstValueElement value, BaseType type, long min, long max) {
    if (!(value instanceof ConstValueElement.IntLiteral i)) {
      return mismatch(value, "an integer for an " + type);
    }
    if (i.value() < min || i.value() > max) {
      diagnostics.error(
          value.location(),
          "value " + i.text() + " is out of range for " + type + " (" + min + " to " + max + ")");
      return Optional.empty();
    }
    return Optional.of(new ConstValue.IntValue(i.value()));
  }

  private static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    try {
      UUID.fromString(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Optional<ConstValue> elements(
      ConstValueElement value, ThriftType elementType, Scope scope, String kind) {
    if (!(value instanceof ConstValueElement.ListLiteral list)) {
      return mismatch(value, "a " + kind + " literal [...]");
    }
    List<ConstValue> elements = new ArrayList<>();
    boolean ok = true;
    for (ConstValueElement element : list.elements()) {
      Optional<ConstValue> checked = check(element, elementType, scope);
      ok &= checked.isPresent();
      checked.ifPresent(elements::add);
    }
    return ok ? Optional.of(new ConstValue.ListValue(elements)) : Optional.empty();
  }

  private Optional<ConstValue> map(ConstValueElement value, MapType type, Scope scope) {
    if (!(value instanceof ConstValueElement.MapLiteral map)) {
      return mismatch(value, "a map literal {k: v, ...}");
    }
    List<Map.Entry<ConstValue, ConstValue>> entries = new ArrayList<>();
    boolean ok = true;
    for (ConstValueElement.Entry entry : map.entries()) {
      Optional<ConstValue> key = check(entry.key(), type.keyType(), scope);
      Optional<ConstValue> mapped = check(entry.value(), type.valueType(), scope);
      ok &= key.isPresent() && mapped.isPresent();
      if (key.isPresent() && mapped.isPresent()) {
        entries.add(Map.entry(key.get(), mapped.get()));
      }
    }
    return ok ? Optional.of(new ConstValue.MapValue(entries)) : Optional.empty();
  }

  private Optional<ConstValue> struct(ConstValueElement value, NamedType type, Scope scope) {
    if (!(value instanceof ConstValueElement.MapLiteral map)) {
      return mismatch(value, "a map of field names to values for " + type.name().name());
    }
    DefinitionElement.Struct struct = (DefinitionElement.Struct) symbols.definition(type.name());
    Scope structScope = symbols.scope(type.name().program());
    List<Map.Entry<String, ConstValue>> fields = new ArrayList<>();
    boolean ok = true;
    for (ConstValueElement.Entry entry : map.entries()) {
      if (!(entry.key() instanceof ConstValueElement.StringLiteral key)) {
        mismatch(entry.key(), "a field name in quotes");
        ok = false;
        continue;
      }
      Optional<FieldElement> field =
          struct.fields().stream().filter(f -> f.name().equals(key.value())).findFirst();
      if (field.isEmpty()) {
        diagnostics.error(
            entry.key().location(),
            "'" + type.name().name() + "' has no field '" + key.value() + "'");
        ok = false;
        continue;
      }
      Optional<ConstValue> fieldValue =
          types
              .resolve(field.get().type(), structScope)
              .flatMap(fieldType -> check(entry.value(), fieldType, scope));
      ok &= fieldValue.isPresent();
      fieldValue.ifPresent(v -> fields.add(Map.entry(key.value(), v)));
    }
    if (ok && type.kind() == NamedType.Kind.UNION && fields.size() != 1) {
      diagnostics.error(
          value.location(),
          "a value of union '"
              + type.name().name()
              + "' sets exactly one field, not "
              + fields.size());
      return Optional.empty();
    }
    return ok ? Optional.of(new ConstValue.StructValue(type.name(), fields)) : Optional.empty();
  }

  private Optional<ConstValue> enumByValue(ConstValueElement value, NamedType type) {
    if (!(value instanceof ConstValueElement.IntLiteral i)) {
      return mismatch(value, "a member of enum '" + type.name().name() + "'");
    }
    DefinitionElement.Enum enumElement = (DefinitionElement.Enum) symbols.definition(type.name());
    for (Map.Entry<String, Long> member : EnumValues.of(enumElement).entrySet()) {
      if (member.getValue() == i.value()) {
        return Optional.of(
            new ConstValue.EnumValue(type.name(), member.getKey(), member.getValue().intValue()));
      }
    }
    diagnostics.error(
        value.location(), "unknown value " + i.text() + " for enum '" + type.name().name() + "'");
    return Optional.empty();
  }

  private Optional<ConstValue> identifier(
      ConstValueElement.Identifier identifier, ThriftType type, Scope scope) {
    ThriftType trueType = type.trueType();
    if (trueType instanceof NamedType named && named.isEnum()) {
      Optional<ConstValue> member = enumMember(identifier, named, scope);
      if (member.isPresent()) {
        return member;
      }
    }
    Optional<Scope.Found> found = scope.lookup(identifier.name());
    if (found.isPresent() && found.get().definition() instanceof DefinitionElement.Const c) {
      return constant(found.get().name(), c, type);
    }
    if (trueType instanceof NamedType named && named.isEnum()) {
      diagnostics.error(
          identifier.location(),
          "unknown value '" + identifier.name() + "' for enum '" + named.name().name() + "'");
    } else {
      diagnostics.error(identifier.location(), "unknown constant '" + identifier.name() + "'");
    }
    return Optional.empty();
  }

  /** {@code VALUE}, {@code Enum.VALUE} or {@code program.Enum.VALUE} of the expected enum. */
  private Optional<ConstValue> enumMember(
      ConstValueElement.Identifier identifier, NamedType enumType, Scope scope) {
    String name = identifier.name();
    int dot = name.lastIndexOf('.');
    String member = name.substring(dot + 1);
    if (dot > 0) {
      Optional<Scope.Found> owner = scope.lookup(name.substring(0, dot));
      if (owner.isEmpty() || !(owner.get().definition() instanceof DefinitionElement.Enum)) {
        return Optional.empty();
      }
      if (!owner.get().name().equals(enumType.name())) {
        diagnostics.error(
            identifier.location(),
            "'"
                + name
                + "' is a value of '"
                + owner.get().name().name()
                + "', not of enum '"
                + enumType.name().name()
                + "'");
        return Optional.empty();
      }
    }
    DefinitionElement.Enum enumElement =
        (DefinitionElement.Enum) symbols.definition(enumType.name());
    Long value = EnumValues.of(enumElement).get(member);
    if (value == null) {
      if (dot > 0) {
        diagnostics.error(
            identifier.location(),
            "unknown value '" + member + "' for enum '" + enumType.name().name() + "'");
      }
      return Optional.empty();
    }
    return Optional.of(new ConstValue.EnumValue(enumType.name(), member, value.intValue()));
  }

  /** The value of another constant, checked against the type where it is used. */
  private Optional<ConstValue> constant(
      QualifiedName name, DefinitionElement.Const constant, ThriftType expected) {
    if (!checkingConstants.add(name)) {
      diagnostics.error(constant.location(), "constant '" + name.name() + "' refers to itself");
      return Optional.empty();
    }
    try {
      return check(constant.value(), expected, symbols.scope(name.program()));
    } finally {
      checkingConstants.remove(name);
    }
  }

  private Optional<ConstValue> mismatch(ConstValueElement value, String expected) {
    diagnostics.error(value.location(), "expected " + expected + ", found " + describe(value));
    return Optional.empty();
  }

  private static String describe(ConstValueElement value) {
    if (value instanceof ConstValueElement.IntLiteral i) {
      return i.text();
    }
    if (value instanceof ConstValueElement.DoubleLiteral d) {
      return d.text();
    }
    if (value instanceof ConstValueElement.StringLiteral s) {
      return "\"" + s.value() + "\"";
    }
    if (value instanceof ConstValueElement.Identifier id) {
      return id.name();
    }
    return value instanceof ConstValueElement.ListLiteral ? "a list" : "a map";
  }
}
