package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.skiff.idl.javagen.JavaService.JavaMethod;
import dev.skiff.idl.javagen.JavaService.JavaParam;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.Service;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * An IDL {@code service} as a Java interface of blocking methods ({@code Calculator extends Base}),
 * with nested {@code Async} (the same methods returning futures), {@code Client} (the stub) and
 * static {@code serviceDefinition} and {@code asyncServiceDefinition} (the server bindings). The
 * wire details live in the package-private Rpc class that {@link RpcGenerator} writes.
 */
final class ServiceGenerator {
  private static final ClassName COMPLETABLE_FUTURE = ClassName.get(CompletableFuture.class);

  private final JavaTypes types;
  private final ServiceModel model;
  private final ClientGenerator clients = new ClientGenerator();

  ServiceGenerator(JavaTypes types, ServiceModel model) {
    this.types = types;
    this.model = model;
  }

  TypeSpec generate(Program program, Service idl) {
    JavaService service = model.of(idl);
    Set<String> memberNames = new TreeSet<>(Set.of("impl", "channel", "options"));
    for (JavaMethod method : service.methods()) {
      method.params().forEach(p -> memberNames.add(p.name()));
    }
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(service.type())
            .addJavadoc(
                Javadocs.orElse(idl.doc(), "The IDL service {@code $L}.", service.idlName()))
            .addJavadoc(
                "\n<p>Blocking methods; {@link Async} has the same ones returning futures. {@link"
                    + " Client} calls a remote\nimplementation; {@link #serviceDefinition} and"
                    + " {@link #asyncServiceDefinition} serve a local one.\nA server calls its"
                    + " implementation from many threads at once, so implementations must be\n"
                    + "thread-safe; {@code Client} is.\n")
            .addAnnotation(Javadocs.generated(program))
            .alwaysQualify(types.alwaysQualify(service.type(), memberNames))
            .addModifiers(Modifier.PUBLIC);
    service.base().ifPresent(type::addSuperinterface);
    for (JavaMethod method : service.ownMethods()) {
      MethodSpec.Builder spec =
          abstractMethod(method)
              .addJavadoc(methodDoc(method, throwsDoc(method)))
              .returns(method.returnType());
      method.exceptions().forEach(spec::addException);
      type.addMethod(spec.build());
    }
    type.addMethod(
        binding(service, "serviceDefinition", service.type(), "a blocking")
            .addJavadoc(
                "\n<p>A declared exception {@code impl} throws goes to the caller; anything else"
                    + " it throws is answered\nwith an {@code INTERNAL_ERROR} that does not"
                    + " reveal it.\n")
            .build());
    type.addMethod(
        binding(service, "asyncServiceDefinition", service.async(), "an asynchronous")
            .addJavadoc(
                "\n<p>A declared exception that completes a future goes to the caller; any other"
                    + " failure is answered\nwith an {@code INTERNAL_ERROR} that does not reveal"
                    + " it.\n")
            .build());
    type.addType(asyncInterface(service));
    type.addType(clients.generate(service));
    return type.build();
  }

  /** The type of an asynchronous method: {@code CompletableFuture<Integer>}, or of Void. */
  static TypeName future(JavaMethod method) {
    return ParameterizedTypeName.get(COMPLETABLE_FUTURE, method.resultType());
  }

  private TypeSpec asyncInterface(JavaService service) {
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(service.async())
            .addJavadoc(
                "{@code $L} with methods that return at once: each future completes with the"
                    + " result, or\nexceptionally with a declared exception or a {@link $T}."
                    + " Implementations must be thread-safe;\n{@link Client#async} is.\n",
                service.idlName(),
                RuntimeTypes.SKIFF_EXCEPTION)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC);
    service.base().ifPresent(base -> type.addSuperinterface(base.nestedClass("Async")));
    for (JavaMethod method : service.ownMethods()) {
      type.addMethod(
          abstractMethod(method)
              .addJavadoc(
                  methodDoc(
                      method,
                      CodeBlock.of(
                          "@return $L\n",
                          method.exceptions().isEmpty()
                              ? "completes when the call does"
                              : "completes when the call does; exceptionally with "
                                  + exceptionList(method)
                                  + " when the server throws one")))
              .returns(future(method))
              .build());
    }
    return type.build();
  }

  private static String exceptionList(JavaMethod method) {
    return String.join(
        ", ", method.exceptions().stream().map(e -> "{@link " + e.simpleName() + "}").toList());
  }

  private static MethodSpec.Builder abstractMethod(JavaMethod method) {
    MethodSpec.Builder spec =
        MethodSpec.methodBuilder(method.name()).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
    for (JavaParam param : method.params()) {
      spec.addParameter(param.type(), param.name());
    }
    return spec;
  }

  /** The IDL doc, what oneway means, the documented parameters, then {@code tags}. */
  private static CodeBlock methodDoc(JavaMethod method, CodeBlock tags) {
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add(
                Javadocs.orElse(
                    method.method().doc(), "The IDL method {@code $L}.", method.idlName()));
    if (!method.name().equals(method.idlName())) {
      doc.add("\n<p>Named {@code $L} in the IDL and on the wire.\n", method.idlName());
    }
    if (method.oneway()) {
      doc.add(
          "\n<p>One-way: the call is done once it is handed to the transport; the server sends no"
              + " reply, so\nits outcome is not reported.\n");
    }
    List<JavaParam> documented =
        method.params().stream().filter(p -> !p.field().doc().isBlank()).toList();
    if (!documented.isEmpty() || !tags.isEmpty()) {
      doc.add("\n");
    }
    for (JavaParam param : documented) {
      doc.add("@param $N $L\n", param.name(), Javadocs.inline(param.field().doc()));
    }
    return doc.add(tags).build();
  }

  private CodeBlock throwsDoc(JavaMethod method) {
    CodeBlock.Builder doc = CodeBlock.builder();
    for (Field field : method.method().exceptions()) {
      String text = Javadocs.inline(field.doc());
      doc.add(
          "@throws $T $L\n",
          types.javaType(field.type()),
          text.isEmpty() ? "the IDL's {@code " + field.name() + "}" : text);
    }
    return doc.build();
  }

  private static MethodSpec.Builder binding(
      JavaService service, String name, TypeName implType, String kind) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(
            "Serves $L implementation: the returned definition goes to {@code"
                + " Server.Builder.service},\nand dispatches every method of {@code $L},"
                + " inherited ones included, to {@code impl}.\n",
            kind,
            service.idlName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.SERVICE_DEFINITION)
        .addParameter(implType, "impl")
        .addStatement("return $T.$N(impl)", service.rpc(), name);
  }
}
