package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.BYTES;
import static dev.skiff.idl.javagen.RuntimeTypes.ORDERED_COLLECTIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ConstValue;
import dev.skiff.idl.schema.ConstValue.BoolValue;
import dev.skiff.idl.schema.ConstValue.DoubleValue;
import dev.skiff.idl.schema.ConstValue.EnumValue;
import dev.skiff.idl.schema.ConstValue.IntValue;
import dev.skiff.idl.schema.ConstValue.ListValue;
import dev.skiff.idl.schema.ConstValue.MapValue;
import dev.skiff.idl.schema.ConstValue.StringValue;
import dev.skiff.idl.schema.ConstValue.StructValue;
import dev.skiff.idl.schema.EnumType;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.StructType;
import dev.skiff.idl.schema.ThriftType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Java expressions for IDL constant values, used for {@code const} definitions and field defaults.
 * Containers are immutable and keep the order written in the IDL; structs are built with their
 * builders (or constructors, for structs without one); unions with their factory methods.
 */
final class ConstantCode {
  private final JavaTypes types;

  ConstantCode(JavaTypes types) {
    this.types = types;
  }

  /** An expression of {@code type}'s Java type holding {@code value}. */
  CodeBlock value(ThriftType type, ConstValue value) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return baseValue(base, value);
    }
    if (t instanceof NamedType named) {
      return named.isEnum() ? enumValue(named, value) : structValue((StructValue) value);
    }
    if (t instanceof ListType list) {
      return elements("$T.of", ClassName.get(List.class), list.elementType(), value);
    }
    if (t instanceof SetType set) {
      if (((ListValue) value).elements().isEmpty()) {
        return CodeBlock.of("$T.of()", Set.class);
      }
      return elements("$T.setOf", ORDERED_COLLECTIONS, set.elementType(), value);
    }
    return mapValue((MapType) t, (MapValue) value);
  }

  /** The value a field of {@code type} has in Java before anything sets it. */
  static CodeBlock zero(ThriftType type) {
    if (!(type.trueType() instanceof BaseType base) || !JavaTypes.isPrimitive(base)) {
      return CodeBlock.of("null");
    }
    return switch (base) {
      case BOOL -> CodeBlock.of("false");
      case BYTE -> CodeBlock.of("(byte) 0");
      case I16 -> CodeBlock.of("(short) 0");
      case I64 -> CodeBlock.of("0L");
      case DOUBLE -> CodeBlock.of("0.0");
      default -> CodeBlock.of("0");
    };
  }

  private CodeBlock baseValue(BaseType base, ConstValue value) {
    return switch (base) {
      case BOOL -> CodeBlock.of("$L", asLong(value) != 0);
      case BYTE -> CodeBlock.of("(byte) $L", asLong(value));
      case I16 -> CodeBlock.of("(short) $L", asLong(value));
      case I32 -> CodeBlock.of("$L", asLong(value));
      case I64 -> CodeBlock.of("$LL", asLong(value));
      case DOUBLE -> doubleLiteral(value);
      case STRING -> CodeBlock.of("$S", ((StringValue) value).value());
      case BINARY -> CodeBlock.of("$T.ofUtf8($S)", BYTES, ((StringValue) value).value());
      case UUID -> CodeBlock.of("$T.fromString($S)", UUID.class, ((StringValue) value).value());
    };
  }

  private static long asLong(ConstValue value) {
    if (value instanceof IntValue i) {
      return i.value();
    }
    if (value instanceof BoolValue b) {
      return b.value() ? 1 : 0;
    }
    if (value instanceof EnumValue e) {
      return e.value();
    }
    throw new IllegalArgumentException("not an integer constant: " + value);
  }

  private static CodeBlock doubleLiteral(ConstValue value) {
    double d = value instanceof DoubleValue dv ? dv.value() : asLong(value);
    if (Double.isNaN(d)) {
      return CodeBlock.of("$T.NaN", Double.class);
    }
    if (Double.isInfinite(d)) {
      return CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
    }
    return CodeBlock.of("$L", Double.toString(d));
  }

  private CodeBlock enumValue(NamedType type, ConstValue value) {
    ClassName enumClass = types.className(type.name());
    if (value instanceof EnumValue e) {
      return CodeBlock.of("$T.$N", enumClass, types.enumConstant(type.name(), e.member()));
    }
    // An integer written for an enum: the linker has checked that a member has this value.
    EnumType enumType = types.schema().enumType(type.name());
    long number = asLong(value);
    Optional<EnumType.Member> member = enumType.memberWithValue(number);
    if (member.isEmpty()) {
      throw new IllegalArgumentException("no member of " + type.name() + " has value " + number);
    }
    return CodeBlock.of("$T.$N", enumClass, types.enumConstant(type.name(), member.get().name()));
  }

  private CodeBlock elements(String factory, ClassName owner, ThriftType element, ConstValue v) {
    CodeBlock args =
        ((ListValue) v)
            .elements().stream().map(e -> value(element, e)).collect(CodeBlock.joining(",$W"));
    return CodeBlock.of(factory + "($L)", owner, args);
  }

  private CodeBlock mapValue(MapType type, MapValue value) {
    if (value.entries().isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    CodeBlock entries =
        value.entries().stream()
            .map(
                e ->
                    CodeBlock.of(
                        "$T.entry($L, $L)",
                        Map.class,
                        value(type.keyType(), e.getKey()),
                        value(type.valueType(), e.getValue())))
            .collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("$T.mapOf($L)", ORDERED_COLLECTIONS, entries);
  }

  private CodeBlock structValue(StructValue value) {
    StructType struct = types.schema().struct(value.struct());
    ClassName className = types.className(struct.name());
    List<JavaField> fields = types.fields(struct);
    if (struct.isUnion()) {
      if (value.fields().size() != 1) {
        throw new IllegalArgumentException(
            "a constant of union " + struct.name() + " must set exactly one field");
      }
      Map.Entry<String, ConstValue> only = value.fields().get(0);
      JavaField field = field(fields, only.getKey());
      return CodeBlock.of(
          "$T.$N($L)", className, field.name(), value(field.thriftType(), only.getValue()));
    }
    if (JavaTypes.hasBuilder(struct)) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", className);
      for (Map.Entry<String, ConstValue> entry : value.fields()) {
        JavaField field = field(fields, entry.getKey());
        code.add("$Z.$N($L)", field.name(), value(field.thriftType(), entry.getValue()));
      }
      return code.add("$Z.build()").build();
    }
    CodeBlock args =
        fields.stream()
            .map(
                f ->
                    value.fields().stream()
                        .filter(e -> e.getKey().equals(f.idlName()))
                        .findFirst()
                        .map(e -> value(f.thriftType(), e.getValue()))
                        .orElseGet(() -> zero(f.thriftType())))
            .collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("new $T($L)", className, args);
  }

  private static JavaField field(List<JavaField> fields, String idlName) {
    return fields.stream()
        .filter(f -> f.idlName().equals(idlName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field named " + idlName));
  }
}
