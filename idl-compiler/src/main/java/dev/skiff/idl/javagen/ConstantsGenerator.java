package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.schema.Constant;
import dev.skiff.idl.schema.Program;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    // A constant named like a class its value refers to would hide it: see JavaTypes.fields.
    Set<String> used = new TreeSet<>();
    program.constants().forEach(c -> types.collectUserTypes(c.type(), c.value(), used));
    NameAllocator names = JavaNames.allocator(used);
    List<String> fieldNames =
        program.constants().stream().map(c -> names.newName(c.name().name(), c)).toList();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addJavadoc("The constants of {@code $L}.\n", program.path().getFileName())
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.alwaysQualify(className, fieldNames))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    for (Constant constant : program.constants()) {
      type.addField(
          FieldSpec.builder(
                  types.javaType(constant.type()),
                  names.get(constant),
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
