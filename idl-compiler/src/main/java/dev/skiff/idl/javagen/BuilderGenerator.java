package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.FIELD_CHECKS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.StructType;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The nested {@code Builder} of a struct or exception, with {@code builder()} and {@code
 * toBuilder()}. A builder starts with the IDL defaults, accepts {@code null} to unset a nullable
 * field, and checks required fields in {@link #build}.
 */
final class BuilderGenerator {
  private final ConstantCode constants;

  BuilderGenerator(ConstantCode constants) {
    this.constants = constants;
  }

  /** {@code Builder}, or {@code Builder_} inside a type that is itself named {@code Builder}. */
  static ClassName builderName(ClassName type) {
    return type.nestedClass(type.simpleName().equals("Builder") ? "Builder_" : "Builder");
  }

  /** Adds {@code builder()}, {@code toBuilder()} and the {@code Builder} class to {@code type}. */
  void addTo(
      TypeSpec.Builder type, StructType struct, ClassName className, List<JavaField> fields) {
    ClassName builder = builderName(className);
    type.addMethod(
        MethodSpec.methodBuilder("builder")
            .addJavadoc("Returns a builder preset with the IDL defaults.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addStatement("return new $T()", builder)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("toBuilder")
            .addJavadoc("Returns a builder preset with this value's fields.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addStatement("return new $T(this)", builder)
            .build());
    type.addType(builderType(struct, className, builder, fields));
  }

  private TypeSpec builderType(
      StructType struct, ClassName className, ClassName builder, List<JavaField> fields) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(builder)
            .addJavadoc(
                "Builds {@link $T} values. Not thread-safe; {@link #build} may be called more than"
                    + " once.\n",
                className)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);

    MethodSpec.Builder copy =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(className, "source");
    for (JavaField field : fields) {
      FieldSpec.Builder spec =
          FieldSpec.builder(builderFieldType(field), field.name(), Modifier.PRIVATE);
      if (field.hasDefault()) {
        spec.initializer(constants.value(field.thriftType(), field.field().defaultValue()));
      }
      type.addField(spec.build());
      copy.addStatement("this.$N = source.$N()", field.name(), field.name());
      type.addMethod(setter(builder, field));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(copy.build());

    CodeBlock args =
        fields.stream()
            .map(
                f ->
                    f.isRequired()
                        ? CodeBlock.of(
                            "$T.requireSet($N, $S, $S)",
                            FIELD_CHECKS,
                            f.name(),
                            struct.name().name(),
                            f.idlName())
                        : CodeBlock.of("$N", f.name()))
            .collect(CodeBlock.joining(",$W"));
    type.addMethod(
        MethodSpec.methodBuilder("build")
            .addJavadoc(
                "Returns a new {@code $L}.\n\n@throws IllegalStateException if a required field"
                    + " is not set\n",
                className.simpleName())
            .addModifiers(Modifier.PUBLIC)
            .returns(className)
            .addStatement("return new $T($L)", className, args)
            .build());
    return type.build();
  }

  /** A required primitive is boxed in the builder, so that "not set" can be told apart. */
  private static TypeName builderFieldType(JavaField field) {
    return field.isRequired() ? field.type().box() : field.type();
  }

  private static MethodSpec setter(ClassName builder, JavaField field) {
    MethodSpec.Builder setter = MethodSpec.methodBuilder(field.name());
    String doc = Javadocs.inline(field.field().doc());
    setter.addJavadoc(
        "Sets {@code $L}$L.$L\n",
        field.idlName(),
        field.isNullable() ? "; {@code null} unsets it" : "",
        doc.isEmpty() ? "" : "\n\n<p>" + doc);
    return setter
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(field.type(), field.name())
        .addStatement("this.$N = $N", field.name(), field.name())
        .addStatement("return this")
        .build();
  }
}
