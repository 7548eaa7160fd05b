package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.EnumType;
import dev.skiff.idl.schema.Program;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * An IDL {@code enum} as a Java enum implementing {@code ThriftEnum}: each constant carries its
 * Thrift value, and {@code findByValue} maps a value back, returning {@code null} for values this
 * version of the IDL does not know, so that code can cope with newer peers.
 */
final class EnumGenerator {
  private final JavaTypes types;

  EnumGenerator(JavaTypes types) {
    this.types = types;
  }

  TypeSpec generate(Program program, EnumType enumType) {
    ClassName className = types.className(enumType.name());
    Map<String, String> constants = types.enumConstants(enumType);
    NameAllocator names = new NameAllocator();
    constants.values().forEach(names::newName);
    String value = names.newName("value");

    TypeSpec.Builder type =
        TypeSpec.enumBuilder(className)
            .addJavadoc(
                Javadocs.orElse(enumType.doc(), "The IDL enum {@code $L}.", enumType.name().name()))
            .addJavadoc(
                "\n{@link #findByValue} returns {@code null} for a value this version of the IDL"
                    + " does not know.\n")
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.alwaysQualify(className, constants.values()))
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(RuntimeTypes.THRIFT_ENUM);
    for (EnumType.Member member : enumType.members()) {
      type.addEnumConstant(
          constants.get(member.name()),
          TypeSpec.anonymousClassBuilder("$L", member.value())
              .addJavadoc(Javadocs.of(member.doc()))
              .build());
    }
    type.addField(TypeName.INT, value, Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(TypeName.INT, value)
                .addStatement("this.$N = $N", value, value)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("value")
                .addJavadoc("Returns the value of this constant in the IDL.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $N", value)
                .build())
        .addMethod(findByValue(enumType, className, constants, value));
    return type.build();
  }

  private static MethodSpec findByValue(
      EnumType enumType, ClassName className, Map<String, String> constants, String value) {
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch ($N) {\n$>", value);
    Set<Integer> seen = new HashSet<>();
    for (EnumType.Member member : enumType.members()) {
      // Should two members share a value, the first one declared is the one found.
      if (seen.add(member.value())) {
        cases.add("case $L -> $N;\n", member.value(), constants.get(member.name()));
      }
    }
    cases.add("default -> null;\n$<};\n");
    return MethodSpec.methodBuilder("findByValue")
        .addJavadoc(
            "Returns the constant whose IDL value is {@code $N}, or {@code null} when there is"
                + " none.\n",
            value)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(className)
        .addParameter(TypeName.INT, value)
        .addCode(cases.build())
        .build();
  }
}
