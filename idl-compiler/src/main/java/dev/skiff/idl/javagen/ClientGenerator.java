package dev.skiff.idl.javagen;

import static dev.skiff.idl.javagen.RuntimeTypes.CALL_OPTIONS;
import static dev.skiff.idl.javagen.RuntimeTypes.CHANNEL;
import static dev.skiff.idl.javagen.RuntimeTypes.CLIENT_CALLS;
import static dev.skiff.idl.javagen.RuntimeTypes.THRIFT_EXCEPTION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.javagen.JavaService.JavaMethod;
import dev.skiff.idl.javagen.JavaService.JavaParam;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * {@code Calculator.Client}, the client stub: a blocking {@code Calculator} whose methods wait on
 * the asynchronous view that {@code async()} returns, which makes the calls through a {@code
 * Channel}. Both implement every method, inherited ones included.
 */
final class ClientGenerator {
  /** The private class behind {@code async()}. */
  private static final String ASYNC_CLIENT = "AsyncClient";

  TypeSpec generate(JavaService service) {
    ClassName client = service.client();
    ClassName asyncClient = client.nestedClass(ASYNC_CLIENT);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(client)
            .addJavadoc(
                "Calls a remote {@code $1L} through a {@link $2T}. Immutable and thread-safe:"
                    + " share one client,\nlike one channel, between threads.\n\n<p>A declared"
                    + " exception the server sends is thrown as itself; every other failure is"
                    + " a\n{@link $3T}: {@link $4T} when the server reports one, and the channel's"
                    + " own (a timeout,\na lost connection). A declared exception that this"
                    + " method does not declare, which a newer\nserver might send, becomes a"
                    + " {@code SkiffException} too.\n",
                service.idlName(),
                CHANNEL,
                RuntimeTypes.SKIFF_EXCEPTION,
                RuntimeTypes.APPLICATION_EXCEPTION)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(service.type())
            .addField(CHANNEL, "channel", Modifier.PRIVATE, Modifier.FINAL)
            .addField(String.class, "multiplexedName", Modifier.PRIVATE, Modifier.FINAL)
            .addField(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
            .addField(asyncClient, "async", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A client of the service a server serves unnamed (registered without a"
                    + " multiplexed name).\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CHANNEL, "channel")
            .addStatement("this(channel, null, $T.DEFAULT)", CALL_OPTIONS)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A client of the service a server registered under {@code multiplexedName}; calls"
                    + " go out as\n{@code multiplexedName:method}, as with Thrift's"
                    + " TMultiplexedProtocol.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(CHANNEL, "channel")
            .addParameter(String.class, "multiplexedName")
            .addStatement(
                "this(channel, $T.requireNonNull(multiplexedName, $S), $T.DEFAULT)",
                Objects.class,
                "multiplexedName",
                CALL_OPTIONS)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(CHANNEL, "channel")
            .addParameter(String.class, "multiplexedName")
            .addParameter(CALL_OPTIONS, "options")
            .addStatement("this.channel = $T.requireNonNull(channel, $S)", Objects.class, "channel")
            .addStatement("this.multiplexedName = multiplexedName")
            .addStatement("this.options = options")
            .addStatement("this.async = new $T(channel, multiplexedName, options)", asyncClient)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("withOptions")
            .addJavadoc(
                "A client like this one whose calls use {@code options}, a timeout for"
                    + " example.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(client)
            .addParameter(CALL_OPTIONS, "options")
            .addStatement(
                "return new $T(this.channel, this.multiplexedName, $T.requireNonNull(options, $S))",
                client,
                Objects.class,
                "options")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("async")
            .addJavadoc(
                "The same calls, returning futures; shares this client's channel, name and"
                    + " options.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(service.async())
            .addStatement("return this.async")
            .build());
    for (JavaMethod method : service.methods()) {
      type.addMethod(blockingMethod(service, method));
    }
    type.addType(asyncClient(service, asyncClient));
    return type.build();
  }

  /**
   * Makes the call through {@code Channel.callAndWait}, which lets the calling thread do the call's
   * I/O where the channel can; declared exceptions are rethrown, other {@code ThriftException}s
   * (declared by a newer IDL) wrapped.
   */
  private static MethodSpec blockingMethod(JavaService service, JavaMethod method) {
    NameAllocator names = new NameAllocator();
    method.params().forEach(p -> names.newName(p.name(), p));
    String e = names.newName("e");
    CodeBlock call =
        CodeBlock.of(
            "this.channel.callAndWait(this.multiplexedName,$W$T.$N,$Wnew $T($L),$Wthis.options)",
            service.rpc(),
            method.descriptor(),
            method.args(),
            args(method));
    MethodSpec.Builder spec = overriding(method).returns(method.returnType());
    method.exceptions().forEach(spec::addException);
    spec.beginControlFlow("try");
    if (method.isVoid()) {
      spec.addStatement("$L", call);
    } else {
      spec.addStatement("return $L", call);
    }
    if (!method.exceptions().isEmpty()) {
      CodeBlock types =
          method.exceptions().stream()
              .map(t -> CodeBlock.of("$T", t))
              .collect(CodeBlock.joining(" | "));
      spec.nextControlFlow("catch ($L $N)", types, e).addStatement("throw $N", e);
    }
    return spec.nextControlFlow("catch ($T $N)", THRIFT_EXCEPTION, e)
        .addStatement("throw $T.undeclared($N)", CLIENT_CALLS, e)
        .endControlFlow()
        .build();
  }

  private static MethodSpec.Builder overriding(JavaMethod method) {
    MethodSpec.Builder spec =
        MethodSpec.methodBuilder(method.name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    for (JavaParam param : method.params()) {
      spec.addParameter(param.type(), param.name());
    }
    return spec;
  }

  private static CodeBlock args(JavaMethod method) {
    return method.params().stream()
        .map(p -> CodeBlock.of("$N", p.name()))
        .collect(CodeBlock.joining(",$W"));
  }

  /** The asynchronous view: each method sends its args record through the channel. */
  private static TypeSpec asyncClient(JavaService service, ClassName asyncClient) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(asyncClient)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(service.async())
            .addField(CHANNEL, "channel", Modifier.PRIVATE, Modifier.FINAL)
            .addField(String.class, "multiplexedName", Modifier.PRIVATE, Modifier.FINAL)
            .addField(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addParameter(CHANNEL, "channel")
                    .addParameter(String.class, "multiplexedName")
                    .addParameter(CALL_OPTIONS, "options")
                    .addStatement("this.channel = channel")
                    .addStatement("this.multiplexedName = multiplexedName")
                    .addStatement("this.options = options")
                    .build());
    for (JavaMethod method : service.methods()) {
      type.addMethod(
          overriding(method)
              .returns(ServiceGenerator.future(method))
              .addStatement(
                  "return this.channel.call(this.multiplexedName,$W$T.$N,$Wnew $T($L),$Wthis.options)",
                  service.rpc(),
                  method.descriptor(),
                  method.args(),
                  args(method))
              .build());
    }
    return type.build();
  }
}
