package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.StructType;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * An IDL {@code struct} as a Java record implementing {@code ThriftStruct}: the record gives value
 * equality, {@code hashCode} and {@code toString}; the compact constructor checks required fields
 * and copies containers immutably; {@code read} and {@code write} speak the protocol; a builder is
 * added for structs with four or more fields, optional fields or defaults.
 */
final class StructGenerator {
  private final JavaTypes types;
  private final StructCode code;
  private final BuilderGenerator builders;

  StructGenerator(JavaTypes types, StructCode code, BuilderGenerator builders) {
    this.types = types;
    this.code = code;
    this.builders = builders;
  }

  TypeSpec generate(Program program, StructType struct) {
    ClassName className = types.className(struct.name());
    List<JavaField> fields = types.fields(struct);

    TypeSpec.Builder type =
        TypeSpec.recordBuilder(className)
            .addJavadoc(typeDoc(struct, fields))
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.alwaysQualify(className, names(fields)))
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(RuntimeTypes.THRIFT_STRUCT)
            .recordConstructor(recordConstructor(code, struct, fields));
    if (JavaTypes.hasBuilder(struct)) {
      builders.addTo(type, struct, className, fields);
    }
    type.addMethod(code.read(struct, className, fields));
    type.addMethod(code.write(struct, fields));
    return type.build();
  }

  /**
   * The record's components, with a compact constructor when some need checks or copies: {@code
   * null} for a required field fails fast, containers are copied so the record stays immutable.
   */
  static MethodSpec recordConstructor(StructCode code, StructType struct, List<JavaField> fields) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (JavaField field : fields) {
      CodeBlock stored = code.storedValue(struct, field);
      if (StructCode.copyMethod(field.thriftType()) != null) {
        body.addStatement("$N = $L", field.name(), stored);
      } else if (!stored.equals(CodeBlock.of("$N", field.name()))) {
        body.addStatement("$L", stored);
      }
    }
    MethodSpec.Builder constructor =
        body.isEmpty()
            ? MethodSpec.constructorBuilder()
            : MethodSpec.compactConstructorBuilder().addCode(body.build());
    constructor.addModifiers(Modifier.PUBLIC);
    for (JavaField field : fields) {
      constructor.addParameter(ParameterSpec.builder(field.type(), field.name()).build());
    }
    return constructor.build();
  }

  /** The struct's doc, then an {@code @param} per field saying what {@code null} means. */
  static CodeBlock typeDoc(StructType struct, List<JavaField> fields) {
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add(
                Javadocs.orElse(
                    struct.doc(),
                    "The IDL $L {@code $L}.",
                    struct.kind().name().toLowerCase(Locale.ROOT),
                    struct.name().name()));
    boolean first = true;
    for (JavaField field : fields) {
      String text = fieldDoc(field);
      if (text.isEmpty()) {
        continue;
      }
      if (first) {
        doc.add("\n");
        first = false;
      }
      doc.add("@param $N $L\n", field.name(), text);
    }
    return doc.build();
  }

  /** What a reader of the accessor needs to know: the IDL doc and whether it may be null. */
  static String fieldDoc(JavaField field) {
    String doc = Javadocs.inline(field.field().doc());
    if (field.isNullable()) {
      String unset = "{@code null} when unset";
      return doc.isEmpty() ? unset : doc + " (" + unset + ")";
    }
    return doc;
  }

  static List<String> names(List<JavaField> fields) {
    return fields.stream().map(JavaField::name).toList();
  }
}
