package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.FIELD_CHECKS;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_READER;
import static dev.skiff.idl.javagen.RuntimeTypes.PROTOCOL_WRITER;
import static dev.skiff.idl.javagen.RuntimeTypes.TTYPE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * An IDL {@code union} as a sealed interface with one record per field. Exactly one field is set by
 * construction: each record holds one non-null value. {@code kind()} names the case with a nested
 * {@code Kind} enum, for {@code switch} statements; static factories named after the fields return
 * the interface type. Reading zero fields, or more than one, is a protocol error.
 */
final class UnionGenerator {
  private final JavaTypes types;
  private final WireCode wire;
  private final StructCode code;

  UnionGenerator(JavaTypes types, WireCode wire, StructCode code) {
    this.types = types;
    this.wire = wire;
    this.code = code;
  }

  /** The Java names of a union's cases. */
  private record Case(JavaField field, ClassName record, String kind) {}

  TypeSpec generate(Program program, StructType union) {
    ClassName className = types.className(union.name());
    String kindName = JavaTypes.unionKindName(className);
    List<Case> cases = cases(union, className, kindName);
    ClassName kind = className.nestedClass(kindName);

    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(className)
            .addJavadoc(
                Javadocs.orElse(union.doc(), "The IDL union {@code $L}.", union.name().name()))
            .addJavadoc(
                "\n{@link #kind()} says which field is set; each field is a nested record.\n")
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(
                types.alwaysQualify(className, StructGenerator.names(types.fields(union))))
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(RuntimeTypes.THRIFT_STRUCT);
    if (!cases.isEmpty()) {
      type.addModifiers(Modifier.SEALED);
      cases.forEach(c -> type.addPermittedSubclass(c.record()));
    }

    TypeSpec.Builder kindEnum =
        TypeSpec.enumBuilder(kind)
            .addJavadoc("The fields of {@code $L}, one of which is set.\n", union.name().name())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC);
    for (Case c : cases) {
      kindEnum.addEnumConstant(
          c.kind(),
          TypeSpec.anonymousClassBuilder("")
              .addJavadoc("Field {@code $L}.\n", c.field().idlName())
              .build());
    }
    type.addType(kindEnum.build());
    type.addMethod(
        MethodSpec.methodBuilder("kind")
            .addJavadoc("Returns which field is set.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(kind)
            .build());
    for (Case c : cases) {
      type.addMethod(factory(className, c));
    }
    type.addMethod(read(union, className, cases));
    for (Case c : cases) {
      type.addType(caseRecord(union, className, kind, c));
    }
    return type.build();
  }

  /**
   * Case records are named after their fields in upper camel case, kinds in upper snake case. A
   * record may not take the name of the union or of {@code Kind}; nor the name of a default-package
   * type a field uses, since JavaPoet cannot qualify that one to tell them apart.
   */
  private List<Case> cases(StructType union, ClassName className, String kindName) {
    NameAllocator typeNames = new NameAllocator();
    typeNames.newName(className.simpleName());
    typeNames.newName(kindName);
    for (JavaField field : types.fields(union)) {
      if (field.type() instanceof ClassName used
          && used.packageName().isEmpty()
          && !used.simpleName().equals(className.simpleName())
          && !used.simpleName().equals(kindName)) {
        typeNames.newName(used.simpleName());
      }
    }
    NameAllocator kindNames = new NameAllocator();
    return types.fields(union).stream()
        .map(
            f ->
                new Case(
                    f.asRequired(),
                    className.nestedClass(
                        typeNames.newName(JavaNames.typeName(JavaNames.upperCamel(f.idlName())))),
                    kindNames.newName(JavaNames.upperSnake(f.idlName()))))
        .toList();
  }

  private static MethodSpec factory(ClassName union, Case c) {
    String doc = StructGenerator.fieldDoc(c.field());
    return MethodSpec.methodBuilder(c.field().name())
        .addJavadoc(
            "Returns a {@code $L} with field {@code $L} set.\n",
            union.simpleName(),
            c.field().idlName())
        .addJavadoc(paramDoc(c.field().name(), doc))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(c.field().type(), c.field().name())
        .addStatement("return new $T($N)", c.record(), c.field().name())
        .build();
  }

  private MethodSpec read(StructType union, ClassName className, List<Case> cases) {
    Map<Integer, Case> byId = new LinkedHashMap<>();
    cases.forEach(c -> byId.put(c.field().field().id(), c));
    String in = "in";
    String fieldType = "fieldType";
    String value = "value";
    return MethodSpec.methodBuilder("read")
        .addJavadoc(
            "Reads a {@code $L} written by {@link #write}; fields this version does not know are"
                + " skipped.\n\n@throws $T if no known field, or more than one, is set\n",
            union.name().name(),
            RuntimeTypes.PROTOCOL_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(className)
        .addParameter(PROTOCOL_READER, in)
        .addStatement("$T $N = null", className, value)
        .addStatement("$N.readStructBegin()", in)
        .beginControlFlow(
            "for (byte $1N; ($1N = $2N.readFieldBegin()) != $3T.STOP; $2N.readFieldEnd())",
            fieldType,
            in,
            TTYPE)
        .addCode(
            code.fieldSwitch(
                types.fields(union),
                in,
                fieldType,
                f ->
                    CodeBlock.of(
                        "$1N = $2T.unionField($1N, $3L, $4T::new, $5S, $6S);\n",
                        value,
                        FIELD_CHECKS,
                        wire.read(f.thriftType(), in),
                        byId.get(f.field().id()).record(),
                        union.name().name(),
                        f.idlName())))
        .endControlFlow()
        .addStatement("$N.readStructEnd()", in)
        .addStatement("return $T.requireUnion($N, $S)", FIELD_CHECKS, value, union.name().name())
        .build();
  }

  private TypeSpec caseRecord(StructType union, ClassName className, ClassName kind, Case c) {
    JavaField field = c.field();
    NameAllocator names = new NameAllocator();
    names.newName(field.name());
    String out = names.newName("out");
    String doc = StructGenerator.fieldDoc(field);
    return TypeSpec.recordBuilder(c.record())
        .addJavadoc(
            "Field {@code $L} of {@code $L} is set.\n", field.idlName(), union.name().name())
        .addJavadoc(paramDoc(field.name(), doc))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(className)
        .recordConstructor(
            StructGenerator.recordConstructor(code, union, List.of(field.asRequired())))
        .addMethod(
            MethodSpec.methodBuilder("kind")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(kind)
                .addStatement("return $T.$N", kind, c.kind())
                .build())
        .addMethod(
            MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(PROTOCOL_WRITER, out)
                .addStatement("$N.writeStructBegin($S)", out, union.name().name())
                .addCode(code.writeField(field, out, CodeBlock.of("$N", field.name())))
                .addStatement("$N.writeFieldStop()", out)
                .addStatement("$N.writeStructEnd()", out)
                .build())
        .build();
  }

  private static CodeBlock paramDoc(String name, String doc) {
    return doc.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n@param $N $L\n", name, doc);
  }
}
