package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.FIELD_CHECKS;
import static dev.skiff.idl.javagen.RuntimeTypes.ORDERED_COLLECTIONS;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_READER;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_WRITER;
import static dev.skiff.idl.javagen.RuntimeTypes.TTYPE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.StructType;
import dev.skiff.idl.schema.ThriftType;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The methods structs and exceptions share: {@code read}, {@code write}, and the checks and copies
 * their constructors make. Unions reuse {@link #writeField}.
 */
final class StructCode {
  /**
   * The most fields a struct may have for {@link #inOrder} to look for them without the switch. The
   * fast path repeats each field's read, 40 to 70 bytes of bytecode a field; a struct of 64
   * container fields came to 8,764 bytes with it, past the 8,000 that HotSpot compiles at all
   * ({@code -XX:-DontCompileHugeMethods}); 32 such fields come to 4,412, and 64 without it to
   * 4,356.
   */
  private static final int IN_ORDER_FIELDS = 32;

  private final WireCode wire;
  private final ConstantCode constants;

  StructCode(WireCode wire, ConstantCode constants) {
    this.wire = wire;
    this.constants = constants;
  }

  /**
   * The value a constructor stores for {@code field} given its parameter: containers are copied
   * immutably, required references checked for {@code null}.
   */
  CodeBlock storedValue(StructType struct, JavaField field) {
    CodeBlock value = CodeBlock.of("$N", field.name());
    if (field.isRequired() && !field.isPrimitive()) {
      value = requireNonNull(struct, field, value);
    }
    String copy = copyMethod(field.thriftType());
    return copy == null ? value : CodeBlock.of("$T.$L($L)", ORDERED_COLLECTIONS, copy, value);
  }

  /** {@code FieldChecks.requireNonNull(value, "Struct", "field")}. */
  static CodeBlock requireNonNull(StructType struct, JavaField field, CodeBlock value) {
    return CodeBlock.of(
        "$T.requireNonNull($L, $S, $S)",
        FIELD_CHECKS,
        value,
        struct.name().name(),
        field.idlName());
  }

  /** {@code copyList} and so on for containers; {@code null} for other types. */
  static String copyMethod(ThriftType type) {
    if (type instanceof ListType) {
      return "copyList";
    }
    if (type instanceof SetType) {
      return "copySet";
    }
    if (type instanceof MapType) {
      return "copyMap";
    }
    return null;
  }

  /**
   * {@code public static Foo read(ProtocolReader in)}: reads fields into locals, skipping unknown
   * ids and fields whose wire type differs from the declared one, then checks required fields and
   * calls the constructor. Absent fields take their IDL defaults, except required ones.
   */
  MethodSpec read(StructType struct, ClassName type, List<JavaField> fields) {
    NameAllocator names = new NameAllocator();
    fields.forEach(f -> names.newName(f.name(), f));
    String in = names.newName("in");
    String fieldType = names.newName("fieldType");

    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read")
            .addJavadoc(
                "Reads a {@code $L} written by {@link #write}; fields this version does not know"
                    + " are skipped.\n\n@throws $T if a required field is missing or the input is"
                    + " malformed\n",
                struct.name().name(),
                RuntimeTypes.PROTOCOL_EXCEPTION)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(type)
            .addParameter(PROTOCOL_READER, in);
    for (JavaField field : fields) {
      // Required fields start out null even when they have a default: they must be on the wire.
      TypeName localType = field.isRequired() ? field.type().box() : field.type();
      CodeBlock initial;
      if (field.isRequired() || (!field.hasDefault() && !field.isPrimitive())) {
        initial = CodeBlock.of("null");
      } else if (field.hasDefault()) {
        initial = constants.value(field.thriftType(), field.field().defaultValue());
      } else {
        initial = ConstantCode.zero(field.thriftType());
      }
      method.addStatement("$T $N = $L", localType, field.name(), initial);
    }
    Function<JavaField, CodeBlock> readInto =
        f -> CodeBlock.of("$N = $L;\n", f.name(), wire.read(f.thriftType(), in));
    method.addStatement("$N.readStructBegin()", in);
    method.addStatement("byte $N = $N.readFieldBegin()", fieldType, in);
    method.addCode(inOrder(fields, in, fieldType, readInto));
    method.beginControlFlow(
        "for (; $1N != $3T.STOP; $2N.readFieldEnd(), $1N = $2N.readFieldBegin())",
        fieldType,
        in,
        TTYPE);
    method.addCode(fieldSwitch(fields, in, fieldType, readInto));
    method.endControlFlow();
    method.addStatement("$N.readStructEnd()", in);
    CodeBlock args =
        fields.stream()
            .map(f -> f.isRequired() ? requireRead(struct, f) : CodeBlock.of("$N", f.name()))
            .collect(CodeBlock.joining(",$W"));
    return method.addStatement("return new $T($L)", type, args).build();
  }

  /**
   * The fast path of {@link #read}: Thrift writers send fields in declaration order, so each field
   * is first looked for where it would come, one predictable branch, before the loop's switch on
   * the id (an indirect jump per field) sees whatever is left: fields out of order, of another
   * type, unknown, repeated. Every header is still handled once and in wire order. Only structs of
   * at most {@link #IN_ORDER_FIELDS} fields get it, which keeps every {@code read} that was small
   * enough for the JIT to compile so.
   */
  private CodeBlock inOrder(
      List<JavaField> fields,
      String in,
      String fieldType,
      Function<JavaField, CodeBlock> readInto) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (fields.isEmpty() || fields.size() > IN_ORDER_FIELDS) {
      return code.build();
    }
    code.add("// Fields where writers put them, in declaration order; the loop takes the rest.\n");
    for (JavaField field : fields) {
      code.beginControlFlow(
              "if ($N == $L && $N.fieldId() == $L)",
              fieldType,
              wire.ttype(field.thriftType()),
              in,
              field.field().id())
          .add(readInto.apply(field))
          .addStatement("$N.readFieldEnd()", in)
          .addStatement("$N = $N.readFieldBegin()", fieldType, in)
          .endControlFlow();
    }
    return code.build();
  }

  private static CodeBlock requireRead(StructType struct, JavaField field) {
    return CodeBlock.of(
        "$T.$L($N, $S, $S)",
        FIELD_CHECKS,
        field.isEnum() ? "requireEnumRead" : "requireRead",
        field.name(),
        struct.name().name(),
        field.idlName());
  }

  /**
   * The body of the field loop: a switch on the field id whose cases check the wire type and run
   * {@code readInto}, skipping values of the wrong type and of unknown ids.
   */
  CodeBlock fieldSwitch(
      List<JavaField> fields,
      String in,
      String fieldType,
      Function<JavaField, CodeBlock> readInto) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (fields.isEmpty()) {
      return code.addStatement("$N.skip($N)", in, fieldType).build();
    }
    code.beginControlFlow("switch ($N.fieldId())", in);
    for (JavaField field : fields) {
      code.beginControlFlow("case $L ->", field.field().id())
          .beginControlFlow("if ($N == $L)", fieldType, wire.ttype(field.thriftType()))
          .add(readInto.apply(field))
          .nextControlFlow("else")
          .addStatement("$N.skip($N)", in, fieldType)
          .endControlFlow()
          .endControlFlow();
    }
    code.addStatement("default -> $N.skip($N)", in, fieldType);
    return code.endControlFlow().build();
  }

  /**
   * {@code public void write(ProtocolWriter out)}: fields in declaration order, as Apache Thrift
   * writes them; nullable fields only when set.
   */
  MethodSpec write(StructType struct, List<JavaField> fields) {
    NameAllocator names = new NameAllocator();
    fields.forEach(f -> names.newName(f.name(), f));
    String out = names.newName("out");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("write")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(PROTOCOL_WRITER, out)
            .addStatement("$N.writeStructBegin($S)", out, struct.name().name());
    for (JavaField field : fields) {
      CodeBlock value = CodeBlock.of("$N", field.name());
      if (field.isNullable()) {
        method.beginControlFlow("if ($N != null)", field.name());
        method.addCode(writeField(field, out, value));
        method.endControlFlow();
      } else {
        method.addCode(writeField(field, out, value));
      }
    }
    return method
        .addStatement("$N.writeFieldStop()", out)
        .addStatement("$N.writeStructEnd()", out)
        .build();
  }

  /** Field header, value, field end. */
  CodeBlock writeField(JavaField field, String out, CodeBlock value) {
    return CodeBlock.builder()
        .addStatement(
            "$N.writeFieldBegin($S, $L, (short) $L)",
            out,
            field.idlName(),
            wire.ttype(field.thriftType()),
            field.field().id())
        .add(wire.write(field.thriftType(), out, value))
        .addStatement("$N.writeFieldEnd()", out)
        .build();
  }
}
