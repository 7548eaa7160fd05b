package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.Method;
import dev.skiff.idl.schema.Service;
import dev.skiff.idl.schema.StructType;
import java.util.List;
import java.util.Optional;

/**
 * A service as generated code names it.
 *
 * @param service the IDL service
 * @param type the interface
 * @param base the interface of the service it extends, if any
 * @param async the nested asynchronous interface, {@code Calculator.Async}
 * @param client the nested client stub, {@code Calculator.Client}
 * @param rpc the package-private class of records, descriptors and bindings
 * @param methods every method, inherited ones first, as {@code Schema.allMethods} orders them
 */
record JavaService(
    Service service,
    ClassName type,
    Optional<ClassName> base,
    ClassName async,
    ClassName client,
    ClassName rpc,
    List<JavaMethod> methods) {

  /** The IDL name, which the server binding registers and descriptors carry. */
  String idlName() {
    return service.name().name();
  }

  /** The methods the service declares itself. */
  List<JavaMethod> ownMethods() {
    return methods.stream().filter(m -> !m.inherited()).toList();
  }

  /**
   * A method of a service as generated code names it.
   *
   * @param method the IDL method
   * @param inherited whether a service further up the {@code extends} chain declares it
   * @param declaringService the IDL name of the service that declares it
   * @param name the Java method name
   * @param params the parameters, in IDL order
   * @param returnType the blocking method's return type: primitive for base types, {@code void}
   * @param resultType the future's type: boxed, {@code Void} for void and oneway methods
   * @param exceptions the declared exception classes, each once, in throws order
   * @param descriptor the name of the {@code MethodDescriptor} constant in the Rpc class
   * @param args the args record
   * @param argsStruct the args struct: the parameters as fields
   * @param result the result record; unused for oneway methods
   * @param resultStruct the result struct: {@code success} (id 0) and the declared exceptions
   */
  record JavaMethod(
      Method method,
      boolean inherited,
      String declaringService,
      String name,
      List<JavaParam> params,
      TypeName returnType,
      TypeName resultType,
      List<ClassName> exceptions,
      String descriptor,
      ClassName args,
      StructType argsStruct,
      ClassName result,
      StructType resultStruct) {

    String idlName() {
      return method.name();
    }

    boolean oneway() {
      return method.oneway();
    }

    boolean isVoid() {
      return method.isVoid();
    }
  }

  /**
   * A parameter of a service method.
   *
   * @param field the IDL parameter
   * @param name its Java name
   * @param type its Java type: primitive for base types, as for required fields
   */
  record JavaParam(Field field, String name, TypeName type) {}
}
