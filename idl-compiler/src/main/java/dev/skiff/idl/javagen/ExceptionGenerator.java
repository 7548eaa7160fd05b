package dev.skiff.idl.javagen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.StructType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * An IDL {@code exception} as a final class extending {@code ThriftException}: a record cannot
 * extend a class. Fields are final, with record-style accessors, value {@code equals} and {@code
 * hashCode}, the same constructor checks, builder rule and {@code read}/{@code write} as structs. A
 * {@code string message} field is what {@link Throwable#getMessage()} returns; without one, the
 * message lists the fields.
 */
final class ExceptionGenerator {
  private final JavaTypes types;
  private final StructCode code;
  private final BuilderGenerator builders;

  ExceptionGenerator(JavaTypes types, StructCode code, BuilderGenerator builders) {
    this.types = types;
    this.code = code;
    this.builders = builders;
  }

  TypeSpec generate(Program program, StructType exception) {
    ClassName className = types.className(exception.name());
    List<JavaField> fields = types.fields(exception);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addJavadoc(StructGenerator.typeDoc(exception, List.of()))
            .addAnnotation(Javadocs.generated(program))
            // Throwable is Serializable, but IDL exceptions travel as Thrift, not as Java
            // serialization; newer javac flags their List, Map and struct fields under -Xlint.
            .addAnnotation(
                AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "serial")
                    .build())
            .alwaysQualify(types.alwaysQualify(className, StructGenerator.names(fields)))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(RuntimeTypes.THRIFT_EXCEPTION)
            .addField(
                FieldSpec.builder(
                        TypeName.LONG,
                        "serialVersionUID",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("1L")
                    .build());

    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc("Creates a {@code $L}.\n", exception.name().name())
            .addModifiers(Modifier.PUBLIC);
    for (JavaField field : fields) {
      type.addField(field.type(), field.name(), Modifier.PRIVATE, Modifier.FINAL);
      String doc = StructGenerator.fieldDoc(field);
      if (!doc.isEmpty()) {
        constructor.addJavadoc("\n@param $N $L", field.name(), doc);
      }
      constructor
          .addParameter(field.type(), field.name())
          .addStatement("this.$N = $L", field.name(), code.storedValue(exception, field));
    }
    type.addMethod(constructor.build());
    for (JavaField field : fields) {
      type.addMethod(accessor(field));
    }
    message(fields).ifPresent(type::addMethod);
    if (JavaTypes.hasBuilder(exception)) {
      builders.addTo(type, exception, className, fields);
    }
    type.addMethod(code.read(exception, className, fields));
    type.addMethod(code.write(exception, fields));
    type.addMethod(equalsMethod(className, fields));
    type.addMethod(hashCodeMethod(fields));
    return type.build();
  }

  private static MethodSpec accessor(JavaField field) {
    String doc = StructGenerator.fieldDoc(field);
    return MethodSpec.methodBuilder(field.name())
        .addJavadoc("Returns {@code $L}$L.\n", field.idlName(), doc.isEmpty() ? "" : ": " + doc)
        .addModifiers(Modifier.PUBLIC)
        .returns(field.type())
        .addStatement("return $N", field.name())
        .build();
  }

  /** {@code getMessage()}: the {@code message} field, else the fields and their values. */
  private static Optional<MethodSpec> message(List<JavaField> fields) {
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("getMessage")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class);
    Optional<JavaField> message =
        fields.stream()
            .filter(f -> f.idlName().equals("message") && f.thriftType() == BaseType.STRING)
            .findFirst();
    if (message.isPresent()) {
      return Optional.of(method.addStatement("return $N", message.get().name()).build());
    }
    CodeBlock.Builder text = CodeBlock.builder();
    for (int i = 0; i < fields.size(); i++) {
      JavaField f = fields.get(i);
      String label = (i == 0 ? "" : ", ") + f.idlName() + "=";
      text.add(i == 0 ? "$S + $N" : "$W+ $S + $N", label, f.name());
    }
    return Optional.of(method.addStatement("return $L", text.build()).build());
  }

  private static MethodSpec equalsMethod(ClassName className, List<JavaField> fields) {
    NameAllocator names = new NameAllocator();
    fields.forEach(f -> names.newName(f.name(), f));
    String other = names.newName("other");
    String that = names.newName("that");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("equals")
            .addJavadoc("Whether {@code $N} is a {@code $T} with equal fields.\n", other, className)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, other);
    if (fields.isEmpty()) {
      return method.addStatement("return $N instanceof $T", other, className).build();
    }
    CodeBlock comparisons =
        fields.stream().map(f -> fieldEquals(f, that)).collect(CodeBlock.joining("$W&& "));
    return method
        .beginControlFlow("if (this == $N)", other)
        .addStatement("return true")
        .endControlFlow()
        .addStatement("return $N instanceof $T $N$W&& $L", other, className, that, comparisons)
        .build();
  }

  private static CodeBlock fieldEquals(JavaField field, String that) {
    if (field.type().equals(TypeName.DOUBLE)) {
      return CodeBlock.of(
          "$T.compare(this.$N, $N.$N) == 0", Double.class, field.name(), that, field.name());
    }
    if (field.isPrimitive()) {
      return CodeBlock.of("this.$N == $N.$N", field.name(), that, field.name());
    }
    return CodeBlock.of(
        "$T.equals(this.$N, $N.$N)", Objects.class, field.name(), that, field.name());
  }

  private static MethodSpec hashCodeMethod(List<JavaField> fields) {
    CodeBlock args =
        fields.stream().map(f -> CodeBlock.of("$N", f.name())).collect(CodeBlock.joining(", "));
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, args)
        .build();
  }
}
