package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.stub.ServerMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service a {@link Server} can dispatch to: its IDL name and a {@link ServerMethod} per method
 * (inherited ones included). Generated server bindings create these; immutable and thread-safe.
 */
public final class ServiceDefinition {
  private final String name;
  private final Map<String, ServerMethod<?>> methods;

  public ServiceDefinition(String name, List<ServerMethod<?>> methods) {
    this.name = requireNonNull(name, "name");
    Map<String, ServerMethod<?>> byName = new LinkedHashMap<>();
    for (ServerMethod<?> method : methods) {
      if (byName.putIfAbsent(method.name(), method) != null) {
        throw new IllegalArgumentException(
            "service " + name + " defines method " + method.name() + " twice");
      }
    }
    this.methods = Collections.unmodifiableMap(byName);
  }

  /** The service's IDL name. */
  public String name() {
    return name;
  }

  /** The method with this wire name, or null. */
  public ServerMethod<?> method(String methodName) {
    return methods.get(methodName);
  }

  public Map<String, ServerMethod<?>> methods() {
    return methods;
  }
}
