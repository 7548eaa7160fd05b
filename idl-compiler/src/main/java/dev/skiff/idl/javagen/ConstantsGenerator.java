package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.Constant;
import dev.skiff.idl.schema.Program;
import javax.lang.model.element.Modifier;

/**
 * A program's {@code const} definitions as {@code static final} fields of one final class, {@code
 * <Program>Constants}. Container constants are immutable and keep the IDL's order; struct constants
 * are built once, when the class initializes.
 */
final class ConstantsGenerator {
  private final JavaTypes types;
  private final ConstantCode constants;

  ConstantsGenerator(JavaTypes types, ConstantCode constants) {
    this.types = types;
    this.constants = constants;
  }

  TypeSpec generate(Program program) {
    ClassName className = JavaTypes.constantsClassName(program);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addJavadoc("The constants of {@code $L}.\n", program.path().getFileName())
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.javaLangClashes(className))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    NameAllocator names = new NameAllocator();
    for (Constant constant : program.constants()) {
      type.addField(
          FieldSpec.builder(
                  types.javaType(constant.type()),
                  names.newName(constant.name().name()),
                  Modifier.PUBLIC,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc(Javadocs.of(constant.doc()))
              .initializer(constants.value(constant.type(), constant.value()))
              .build());
    }
    return type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }
}
