package dev.skiff.idl.link;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.schema.Method;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks services across {@code extends} chains: no inheritance cycle, and no method name declared
 * twice, whether in one service or against a method it inherits.
 */
final class ServiceChecker {
  private final Diagnostics diagnostics;
  private final Map<QualifiedName, Service> services = new HashMap<>();
  private final List<Service> ordered = new ArrayList<>();

  ServiceChecker(Symbols symbols, List<Program> programs, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    for (Program program : programs) {
      for (Service service : program.services()) {
        services.put(service.name(), service);
        ordered.add(service);
      }
    }
  }

  void check() {
    for (Service service : ordered) {
      List<Service> chain = chain(service);
      if (chain == null) {
        continue;
      }
      Map<String, Method> seen = new HashMap<>();
      for (Service ancestor : chain.subList(1, chain.size())) {
        for (Method method : ancestor.methods()) {
          seen.putIfAbsent(method.name(), method);
        }
      }
      Map<String, Method> own = new HashMap<>();
      for (Method method : service.methods()) {
        Method duplicate = own.putIfAbsent(method.name(), method);
        if (duplicate != null) {
          diagnostics.error(
              method.location(),
              "duplicate method '"
                  + method.name()
                  + "' in service '"
                  + service.name().name()
                  + "'");
          continue;
        }
        Method inherited = seen.get(method.name());
        if (inherited != null) {
          diagnostics.error(
              method.location(),
              "method '"
                  + method.name()
                  + "' of service '"
                  + service.name().name()
                  + "' is already defined by the service it extends, at "
                  + inherited.location());
        }
      }
    }
  }

  /** The service and its ancestors, nearest first; null after reporting a cycle. */
  private List<Service> chain(Service service) {
    Set<QualifiedName> seen = new LinkedHashSet<>();
    List<Service> chain = new ArrayList<>();
    Service current = service;
    while (current != null) {
      if (!seen.add(current.name())) {
        if (current.name().equals(service.name())) {
          diagnostics.error(
              service.location(),
              "service inheritance cycle: "
                  + seen.stream().map(QualifiedName::name).collect(Collectors.joining(" -> "))
                  + " -> "
                  + service.name().name());
        }
        return null;
      }
      chain.add(current);
      current = current.extendsName().map(services::get).orElse(null);
    }
    return chain;
  }
}
