package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.skiff.idl.javagen.JavaService.JavaMethod;
import dev.skiff.idl.javagen.JavaService.JavaParam;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.Method;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.Requiredness;
import dev.skiff.idl.schema.Schema;
import dev.skiff.idl.schema.Service;
import dev.skiff.idl.schema.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names what a service generates: its interface and nested types, its Rpc class, and for each
 * method the Java method, parameters, descriptor constant and args and result records.
 *
 * <p>Method names are allocated over {@link Schema#allMethods}, inherited methods first, so a base
 * service's methods get the same Java names in every service that extends it.
 */
final class ServiceModel {
  private final JavaTypes types;
  private final Map<QualifiedName, JavaService> services = new HashMap<>();

  ServiceModel(JavaTypes types) {
    this.types = types;
  }

  JavaService of(Service service) {
    JavaService known = services.get(service.name());
    if (known == null) {
      known = compute(service);
      services.put(service.name(), known);
    }
    return known;
  }

  private JavaService compute(Service service) {
    Schema schema = types.schema();
    ClassName type = types.serviceClassName(service.name());
    ClassName rpc = types.rpcClassName(service.name());
    NameAllocator methodNames = JavaNames.allocator(JavaNames.SERVICE_MEMBERS);
    NameAllocator constants = new NameAllocator();
    NameAllocator records = new NameAllocator();
    records.newName(rpc.simpleName());
    List<JavaMethod> methods = new ArrayList<>();
    for (Service declaring : chain(schema, service)) {
      for (Method method : declaring.methods()) {
        String upperCamel = JavaNames.upperCamel(method.name());
        String upperSnake = JavaNames.upperSnake(method.name());
        methods.add(
            new JavaMethod(
                method,
                declaring != service,
                declaring.name().name(),
                methodNames.newName(method.name()),
                params(method, rpc),
                method.returnType().map(types::javaType).orElse(TypeName.VOID),
                method.returnType().map(types::boxedType).orElse(ClassName.get(Void.class)),
                exceptions(method),
                constants.newName(upperSnake.isEmpty() ? "METHOD" : upperSnake),
                rpc.nestedClass(records.newName(upperCamel + "Args")),
                argsStruct(declaring, method),
                rpc.nestedClass(records.newName(upperCamel + "Result")),
                resultStruct(declaring, method)));
      }
    }
    return new JavaService(
        service,
        type,
        service.extendsName().map(types::serviceClassName),
        type.nestedClass("Async"),
        type.nestedClass("Client"),
        rpc,
        List.copyOf(methods));
  }

  /**
   * The service and those it extends, the most basic first: the order of {@link Schema#allMethods},
   * walked here to know which service declares each method.
   */
  private static List<Service> chain(Schema schema, Service service) {
    List<Service> chain = new ArrayList<>();
    Set<QualifiedName> seen = new LinkedHashSet<>();
    for (Service s = service; s != null && seen.add(s.name()); ) {
      chain.add(0, s);
      s = s.extendsName().map(schema::service).orElse(null);
    }
    return chain;
  }

  /**
   * Parameters keep their IDL names, made legal; a parameter may not take the Rpc class's name,
   * which the client's method bodies use as a qualifier.
   */
  private List<JavaParam> params(Method method, ClassName rpc) {
    NameAllocator names = new NameAllocator();
    names.newName(rpc.simpleName());
    return method.parameters().stream()
        .map(p -> new JavaParam(p, names.newName(p.name()), types.javaType(p.type())))
        .toList();
  }

  private List<ClassName> exceptions(Method method) {
    Set<ClassName> classes = new LinkedHashSet<>();
    for (Field field : method.exceptions()) {
      classes.add((ClassName) types.javaType(field.type()));
    }
    return List.copyOf(classes);
  }

  /**
   * The args struct, named as libthrift names it ({@code add_args}): its fields are the parameters,
   * with their ids and requiredness (the linker has already made {@code optional} parameters
   * default ones).
   */
  private static StructType argsStruct(Service declaring, Method method) {
    return new StructType(
        structName(declaring, method, "args"),
        NamedType.Kind.STRUCT,
        method.parameters(),
        Map.of(),
        "",
        method.location());
  }

  /**
   * The result struct: {@code success} under id 0 (none for void methods) and every declared
   * exception under its throws id, all optional, since exactly one is set.
   */
  private static StructType resultStruct(Service declaring, Method method) {
    List<Field> fields = new ArrayList<>();
    method
        .returnType()
        .ifPresent(
            type ->
                fields.add(
                    new Field(
                        0,
                        "success",
                        Requiredness.OPTIONAL,
                        type,
                        null,
                        false,
                        Map.of(),
                        "",
                        method.location())));
    for (Field e : method.exceptions()) {
      fields.add(
          new Field(
              e.id(),
              e.name(),
              Requiredness.OPTIONAL,
              e.type(),
              null,
              false,
              e.annotations(),
              e.doc(),
              e.location()));
    }
    return new StructType(
        structName(declaring, method, "result"),
        NamedType.Kind.STRUCT,
        fields,
        Map.of(),
        "",
        method.location());
  }

  /** {@code add_args}, as libthrift names it on the wire and in messages. */
  private static QualifiedName structName(Service declaring, Method method, String suffix) {
    return new QualifiedName(declaring.name().program(), method.name() + "_" + suffix);
  }

  /** The Java fields of a method's args record. */
  List<JavaField> argsFields(JavaMethod method) {
    return types.fields(method.argsStruct(), JavaNames.STRUCT_MEMBERS);
  }

  /** The Java fields of a method's result record: {@code success} first, unless void. */
  List<JavaField> resultFields(JavaMethod method) {
    return types.fields(method.resultStruct(), JavaNames.RESULT_MEMBERS);
  }

  /**
   * The result record's fields of the declared exceptions, by class: the first throws entry of each
   * class, which the server binding fills.
   */
  Map<ClassName, JavaField> exceptionFields(JavaMethod method) {
    List<JavaField> fields = resultFields(method);
    Map<ClassName, JavaField> byClass = new LinkedHashMap<>();
    for (JavaField field : fields.subList(method.isVoid() ? 0 : 1, fields.size())) {
      byClass.putIfAbsent((ClassName) field.type(), field);
    }
    return byClass;
  }

  /** The success field of a non-void method's result record. */
  Optional<JavaField> successField(JavaMethod method) {
    return method.isVoid() ? Optional.empty() : Optional.of(resultFields(method).get(0));
  }
}
