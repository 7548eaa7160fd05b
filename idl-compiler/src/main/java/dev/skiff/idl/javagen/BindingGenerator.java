package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.SERVER_CALLS;
import static dev.skiff.idl.javagen.RuntimeTypes.SERVER_METHOD;
import static dev.skiff.idl.javagen.RuntimeTypes.SERVICE_DEFINITION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.skiff.idl.javagen.JavaService.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * The server bindings in the Rpc class: {@code serviceDefinition(Calculator impl)} and {@code
 * asyncServiceDefinition(Calculator.Async impl)}, each a {@code ServiceDefinition} with a {@code
 * ServerMethod} per method, inherited ones included.
 *
 * <p>A method's return value becomes the result's {@code success}; a declared exception, thrown or
 * completing the future, goes into its result field; anything else fails the call, which the server
 * answers with {@code INTERNAL_ERROR}. A handler that returns {@code null} for a non-void method
 * sends a result without {@code success}, which clients read as {@code MISSING_RESULT}, as with
 * libthrift.
 */
final class BindingGenerator {
  /** The names of the generated methods' parameters and locals; fields never share a scope. */
  static final Set<String> LOCALS =
      Set.of("impl", "methods", "args", "value", "failure", "cause", "e");

  private final ServiceModel model;

  BindingGenerator(ServiceModel model) {
    this.model = model;
  }

  /** {@code static ServiceDefinition serviceDefinition(Calculator impl)}. */
  MethodSpec blocking(JavaService service) {
    return definition(service, "serviceDefinition", service.type(), this::blockingHandler);
  }

  /** {@code static ServiceDefinition asyncServiceDefinition(Calculator.Async impl)}. */
  MethodSpec async(JavaService service) {
    return definition(service, "asyncServiceDefinition", service.async(), this::asyncHandler);
  }

  private interface HandlerCode {
    CodeBlock lambda(JavaMethod method);
  }

  private static MethodSpec definition(
      JavaService service, String name, ClassName implType, HandlerCode handlers) {
    TypeName serverMethod =
        ParameterizedTypeName.get(SERVER_METHOD, WildcardTypeName.subtypeOf(Object.class));
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc(
                "Dispatches every method of {@code $L}, inherited ones included, to {@code"
                    + " impl}.\n",
                service.idlName())
            .addModifiers(Modifier.STATIC)
            .returns(SERVICE_DEFINITION)
            .addParameter(implType, "impl")
            .addStatement("$T.requireNonNull(impl, $S)", Objects.class, "impl")
            .addStatement("$T<$T> methods = new $T<>()", List.class, serverMethod, ArrayList.class);
    for (JavaMethod m : service.methods()) {
      method.addCode(
          CodeBlock.builder()
              .add("methods.add(\n$>$>")
              .add(
                  "new $T<$T>($S,$W$L,$W$T::read,$W$L));\n",
                  SERVER_METHOD,
                  m.args(),
                  m.idlName(),
                  m.oneway(),
                  m.args(),
                  handlers.lambda(m))
              .add("$<$<")
              .build());
    }
    return method
        .addStatement("return new $T($S, methods)", SERVICE_DEFINITION, service.idlName())
        .build();
  }

  /** {@code impl.add(args.a(), args.b())}. */
  private CodeBlock call(JavaMethod method) {
    CodeBlock arguments =
        model.argsFields(method).stream()
            .map(f -> CodeBlock.of("args.$N()", f.name()))
            .collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("impl.$N($L)", method.name(), arguments);
  }

  /**
   * {@code new AddResult(value, null)}: the result with one field set to {@code value}, or none
   * when {@code set} is {@code null} (a void method's success).
   */
  private CodeBlock result(JavaMethod method, JavaField set, CodeBlock value) {
    CodeBlock fields =
        model.resultFields(method).stream()
            .map(f -> f == set ? value : CodeBlock.of("null"))
            .collect(CodeBlock.joining(",$W"));
    return CodeBlock.of("new $T($L)", method.result(), fields);
  }

  /** The success result of a method given its value; for void methods, the empty result. */
  private CodeBlock success(JavaMethod method, CodeBlock value) {
    return result(method, model.successField(method).orElse(null), value);
  }

  /**
   * Runs a blocking implementation and completes with the result: declared exceptions are caught
   * into theirs; anything else propagates.
   */
  private CodeBlock blockingHandler(JavaMethod method) {
    CodeBlock.Builder body = CodeBlock.builder();
    if (method.oneway()) {
      body.addStatement("$L", call(method)).addStatement("return null");
      return lambdaBlock(body.build());
    }
    Map<ClassName, JavaField> exceptions = model.exceptionFields(method);
    if (exceptions.isEmpty() && !method.isVoid()) {
      return CodeBlock.of("args ->$W$L", completed(success(method, call(method))));
    }
    if (!exceptions.isEmpty()) {
      body.beginControlFlow("try");
    }
    if (method.isVoid()) {
      body.addStatement("$L", call(method));
      body.addStatement("return $L", completed(success(method, null)));
    } else {
      body.addStatement("return $L", completed(success(method, call(method))));
    }
    exceptions.forEach(
        (type, field) ->
            body.nextControlFlow("catch ($T e)", type)
                .addStatement("return $L", completed(result(method, field, CodeBlock.of("e")))));
    if (!exceptions.isEmpty()) {
      body.endControlFlow();
    }
    return lambdaBlock(body.build());
  }

  private static CodeBlock completed(CodeBlock result) {
    return CodeBlock.of("$T.completedFuture($L)", CompletableFuture.class, result);
  }

  /**
   * Completes with the result when the implementation's future does: a declared exception it fails
   * with goes into its field, anything else fails the call.
   */
  private CodeBlock asyncHandler(JavaMethod method) {
    if (method.oneway()) {
      return CodeBlock.of("args -> $T.oneway($L)", SERVER_CALLS, call(method));
    }
    Map<ClassName, JavaField> exceptions = model.exceptionFields(method);
    CodeBlock value = method.isVoid() ? null : CodeBlock.of("value");
    if (exceptions.isEmpty()) {
      return CodeBlock.of(
          "args ->$W$L.thenApply(value -> $L)", call(method), success(method, value));
    }
    CodeBlock.Builder body =
        CodeBlock.builder()
            .beginControlFlow("if (failure == null)")
            .addStatement("return $L", success(method, value))
            .endControlFlow()
            .addStatement("$T cause = $T.unwrap(failure)", Throwable.class, SERVER_CALLS);
    exceptions.forEach(
        (type, field) ->
            body.beginControlFlow("if (cause instanceof $T e)", type)
                .addStatement("return $L", result(method, field, CodeBlock.of("e")))
                .endControlFlow());
    body.addStatement("throw $T.undeclared(cause)", SERVER_CALLS);
    return CodeBlock.builder()
        .add("args ->\n$>$>$L.handle((value, failure) -> {\n$>", call(method))
        .add(body.build())
        .add("$<})$<$<")
        .build();
  }

  private static CodeBlock lambdaBlock(CodeBlock body) {
    return CodeBlock.builder().add("args -> {\n$>").add(body).add("$<}").build();
  }
}
