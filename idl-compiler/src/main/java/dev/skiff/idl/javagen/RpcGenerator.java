package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.APPLICATION_EXCEPTION;
import static dev.skiff.idl.javagen.RuntimeTypes.METHOD_DESCRIPTOR;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.javagen.JavaService.JavaMethod;
import dev.skiff.idl.schema.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * The package-private {@code CalculatorRpc} class: how {@code Calculator}'s calls look on the wire.
 * For every method, inherited ones included, an args record (fields are the parameters, under their
 * ids) and a result record ({@code success} under id 0, each declared exception under its throws
 * id), and a {@code MethodDescriptor} for the client; and the server bindings.
 *
 * <p>Inherited methods get their own records here rather than reusing the base service's, which may
 * live in another package where its Rpc class is out of reach.
 */
final class RpcGenerator {
  private final JavaTypes types;
  private final StructCode code;
  private final ServiceModel model;
  private final BindingGenerator bindings;

  RpcGenerator(JavaTypes types, StructCode code, ServiceModel model) {
    this.types = types;
    this.code = code;
    this.model = model;
    this.bindings = new BindingGenerator(model);
  }

  TypeSpec generate(Program program, JavaService service) {
    Set<String> memberNames = new TreeSet<>(BindingGenerator.LOCALS);
    for (JavaMethod method : service.methods()) {
      model.argsFields(method).forEach(f -> memberNames.add(f.name()));
      model.resultFields(method).forEach(f -> memberNames.add(f.name()));
    }
    TypeSpec.Builder type =
        TypeSpec.classBuilder(service.rpc())
            .addJavadoc(
                "How the calls of {@link $T} look on the wire: an args and a result record per"
                    + " method, inherited ones\nincluded, the descriptors its client calls"
                    + " through, and the server bindings. Not API: generated\ncode is its only"
                    + " user.\n",
                service.type())
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.alwaysQualify(service.rpc(), memberNames))
            .addModifiers(Modifier.FINAL);
    for (JavaMethod method : service.methods()) {
      type.addField(descriptor(service, method));
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(bindings.blocking(service));
    type.addMethod(bindings.async(service));
    for (JavaMethod method : service.methods()) {
      type.addType(argsRecord(method));
      if (!method.oneway()) {
        type.addType(resultRecord(method));
      }
    }
    return type.build();
  }

  /**
   * {@code static final MethodDescriptor<Integer> ADD = MethodDescriptor.call("Calculator", "add",
   * in -> AddResult.read(in).unwrap())}; the service is the one that declares the method.
   */
  private static FieldSpec descriptor(JavaService service, JavaMethod method) {
    CodeBlock initializer =
        method.oneway()
            ? CodeBlock.of(
                "$T.oneway($S, $S)", METHOD_DESCRIPTOR, method.declaringService(), method.idlName())
            : CodeBlock.of(
                "$T.call($S, $S,$Win -> $T.read(in).unwrap())",
                METHOD_DESCRIPTOR,
                method.declaringService(),
                method.idlName(),
                method.result());
    return FieldSpec.builder(
            ParameterizedTypeName.get(METHOD_DESCRIPTOR, method.resultType()),
            method.descriptor(),
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc(
            "{@code $L}$L.\n",
            method.idlName(),
            method.inherited() ? ", declared by {@code " + method.declaringService() + "}" : "")
        .initializer(initializer)
        .build();
  }

  private TypeSpec argsRecord(JavaMethod method) {
    List<JavaField> fields = model.argsFields(method);
    return TypeSpec.recordBuilder(method.args())
        .addJavadoc("The arguments of {@code $L}.\n", method.idlName())
        .addSuperinterface(RuntimeTypes.THRIFT_STRUCT)
        .recordConstructor(StructGenerator.recordConstructor(code, method.argsStruct(), fields))
        .addMethod(code.read(method.argsStruct(), method.args(), fields))
        .addMethod(code.write(method.argsStruct(), fields))
        .build();
  }

  /**
   * The result record. Written by the server with exactly one field set (none for a void method's
   * success); read by the client, whose {@code unwrap} returns the success value or throws.
   */
  private TypeSpec resultRecord(JavaMethod method) {
    List<JavaField> fields = model.resultFields(method);
    return TypeSpec.recordBuilder(method.result())
        .addJavadoc(
            "The result of {@code $L}: $L.\n",
            method.idlName(),
            method.isVoid()
                ? "empty on success, else the declared exception"
                : "the success value or the declared exception")
        .addSuperinterface(RuntimeTypes.THRIFT_STRUCT)
        .recordConstructor(StructGenerator.recordConstructor(code, method.resultStruct(), fields))
        .addMethod(unwrap(method, fields))
        .addMethod(code.read(method.resultStruct(), method.result(), fields))
        .addMethod(code.write(method.resultStruct(), fields))
        .build();
  }

  /**
   * Returns the success value or throws the declared exception, as libthrift's {@code recv_add}
   * does: a non-void result with neither is {@code MISSING_RESULT}, "add failed: unknown result".
   */
  private MethodSpec unwrap(JavaMethod method, List<JavaField> fields) {
    MethodSpec.Builder unwrap =
        MethodSpec.methodBuilder("unwrap")
            .addJavadoc(
                "Returns the success value$L, or throws the declared exception this result"
                    + " holds.\n",
                method.isVoid() ? " ({@code null}: the method is void)" : "")
            .returns(method.resultType());
    method.exceptions().forEach(unwrap::addException);
    List<JavaField> exceptions = new ArrayList<>(fields);
    if (!method.isVoid()) {
      JavaField success = exceptions.remove(0);
      unwrap
          .beginControlFlow("if ($N != null)", success.name())
          .addStatement("return $N", success.name())
          .endControlFlow();
    }
    for (JavaField exception : exceptions) {
      unwrap
          .beginControlFlow("if ($N != null)", exception.name())
          .addStatement("throw $N", exception.name())
          .endControlFlow();
    }
    if (method.isVoid()) {
      return unwrap.addStatement("return null").build();
    }
    return unwrap
        .addStatement(
            "throw new $T($T.Type.MISSING_RESULT, $S)",
            APPLICATION_EXCEPTION,
            APPLICATION_EXCEPTION,
            method.idlName() + " failed: unknown result")
        .build();
  }
}
