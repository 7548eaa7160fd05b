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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

  /** Each constant's value checked against its declared type, computed once. */
  private final Map<QualifiedName, Optional<ConstValue>> constantValues;

  private final Set<QualifiedName> checkingConstants = new LinkedHashSet<>();

  ConstChecker(Symbols symbols, TypeResolver types, Diagnostics diagnostics) {
    this(symbols, types, diagnostics, new HashMap<>());
  }

  private ConstChecker(
      Symbols symbols,
      TypeResolver types,
      Diagnostics diagnostics,
      Map<QualifiedName, Optional<ConstValue>> constantValues) {
    this.symbols = symbols;
    this.types = types;
    this.diagnostics = diagnostics;
    this.constantValues = constantValues;
  }

  /**
   * The value of the constant {@code name}, checked against its declared type; empty after
   * reporting why it has none. Each constant is checked once, however often it is referenced.
   */
  Optional<ConstValue> constantValue(QualifiedName name, DefinitionElement.Const constant) {
    Optional<ConstValue> known = constantValues.get(name);
    if (known != null) {
      return known;
    }
    if (!checkingConstants.add(name)) {
      List<QualifiedName> chain = new ArrayList<>(checkingConstants);
      diagnostics.error(
          constant.location(),
          "constant cycle: "
              + chain.subList(chain.indexOf(name), chain.size()).stream()
                  .map(QualifiedName::name)
                  .collect(Collectors.joining(" -> "))
              + " -> "
              + name.name());
      return Optional.empty();
    }
    try {
      Scope definedIn = symbols.scope(name.program());
      Optional<ConstValue> value =
          types
              .resolve(constant.type(), definedIn)
              .flatMap(type -> check(constant.value(), type, definedIn));
      constantValues.put(name, value);
      return value;
    } finally {
      checkingConstants.remove(name);
    }
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
      int errorsBefore = diagnostics.errorCount();
      Optional<ConstValue> member = enumMember(identifier, named, scope);
      if (member.isPresent() || diagnostics.errorCount() > errorsBefore) {
        return member;
      }
    }
    Optional<Scope.Found> found = scope.lookup(identifier.name());
    if (found.isPresent() && found.get().definition() instanceof DefinitionElement.Const c) {
      return constant(identifier, found.get().name(), c, type);
    }
    Optional<Long> enumValue = enumValueOf(identifier.name(), scope);
    if (enumValue.isPresent() && trueType instanceof BaseType base && isInteger(base)) {
      // Apache reads Enum.VALUE where an integer is expected as the member's value.
      return base(
          new ConstValueElement.IntLiteral(
              identifier.location(), enumValue.get(), identifier.name()),
          base);
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

  /** The value of {@code Enum.VALUE} or {@code program.Enum.VALUE}, if {@code name} is one. */
  private Optional<Long> enumValueOf(String name, Scope scope) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    return scope
        .lookup(name.substring(0, dot))
        .filter(owner -> owner.definition() instanceof DefinitionElement.Enum)
        .map(owner -> EnumValues.of((DefinitionElement.Enum) owner.definition()))
        .map(values -> values.get(name.substring(dot + 1)));
  }

  private static boolean isInteger(BaseType type) {
    return type == BaseType.BYTE
        || type == BaseType.I16
        || type == BaseType.I32
        || type == BaseType.I64;
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

  /**
   * The value of another constant where it is used. A constant that is wrong in itself is reported
   * where it is defined; one that is right but does not fit the type where it is used is reported
   * at the use.
   */
  private Optional<ConstValue> constant(
      ConstValueElement.Identifier use,
      QualifiedName name,
      DefinitionElement.Const constant,
      ThriftType expected) {
    Optional<ConstValue> own = constantValue(name, constant);
    if (own.isEmpty()) {
      return own;
    }
    Scope definedIn = symbols.scope(name.program());
    ThriftType declared = types.resolve(constant.type(), definedIn).orElseThrow();
    if (declared.trueType().equals(expected.trueType())) {
      return own;
    }
    // Another type (an i32 constant used for a double, say): check the written value again,
    // quietly, against a snapshot of the constants known so far.
    ConstChecker quiet =
        new ConstChecker(symbols, types, new Diagnostics(), new HashMap<>(constantValues));
    Optional<ConstValue> value = quiet.check(constant.value(), expected, definedIn);
    if (value.isEmpty()) {
      diagnostics.error(
          use.location(),
          "constant '" + use.name() + "' of type " + declared + " does not fit " + expected);
    }
    return value;
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
