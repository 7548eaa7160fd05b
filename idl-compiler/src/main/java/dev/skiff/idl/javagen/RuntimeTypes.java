package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;

/**
 * The runtime classes generated code refers to, by name: the compiler never depends on the runtime
 * module, so these are JavaPoet {@link ClassName}s rather than class literals.
 */
final class RuntimeTypes {
  private static final String RPC = "dev.skiff.rpc";
  private static final String PROTOCOL = RPC + ".protocol";
  private static final String STUB = RPC + ".stub";

  static final ClassName BYTES = ClassName.get(RPC, "Bytes");
  static final ClassName THRIFT_EXCEPTION = ClassName.get(RPC, "ThriftException");
  static final ClassName SKIFF_EXCEPTION = ClassName.get(RPC, "SkiffException");
  static final ClassName APPLICATION_EXCEPTION = ClassName.get(RPC, "ApplicationException");
  static final ClassName CHANNEL = ClassName.get(RPC, "Channel");
  static final ClassName CALL_OPTIONS = ClassName.get(RPC, "CallOptions");
  static final ClassName SERVER = ClassName.get(RPC, "Server");
  static final ClassName SERVICE_DEFINITION = ClassName.get(RPC, "ServiceDefinition");

  static final ClassName PROTOCOL_EXCEPTION = ClassName.get(PROTOCOL, "ProtocolException");
  static final ClassName PROTOCOL_READER = ClassName.get(PROTOCOL, "ProtocolReader");
  static final ClassName PROTOCOL_WRITER = ClassName.get(PROTOCOL, "ProtocolWriter");
  static final ClassName THRIFT_STRUCT = ClassName.get(PROTOCOL, "ThriftStruct");
  static final ClassName TTYPE = ClassName.get(PROTOCOL, "TType");

  static final ClassName CONTAINER_CODEC = ClassName.get(STUB, "ContainerCodec");
  static final ClassName FIELD_CHECKS = ClassName.get(STUB, "FieldChecks");
  static final ClassName ORDERED_COLLECTIONS = ClassName.get(STUB, "OrderedCollections");
  static final ClassName THRIFT_ENUM = ClassName.get(STUB, "ThriftEnum");
  static final ClassName CLIENT_CALLS = ClassName.get(STUB, "ClientCalls");
  static final ClassName SERVER_CALLS = ClassName.get(STUB, "ServerCalls");
  static final ClassName METHOD_DESCRIPTOR = ClassName.get(STUB, "MethodDescriptor");
  static final ClassName SERVER_METHOD = ClassName.get(STUB, "ServerMethod");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
