package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One linked IDL file.
 *
 * @param path the file as it was loaded
 * @param name the program name: the file's base name without {@code .thrift}
 * @param namespaces scope to namespace, e.g. {@code java -> com.example}; old forms such as {@code
 *     java_package} are folded in under their modern scope
 * @param includes the programs this file includes, by name
 * @param cppIncludes the {@code cpp_include} paths, kept for tools
 */
public record Program(
    Path path,
    String name,
    Map<String, String> namespaces,
    List<String> includes,
    List<String> cppIncludes,
    List<Constant> constants,
    List<Typedef> typedefs,
    List<EnumType> enums,
    List<StructType> structs,
    List<Service> services) {
  public Program {
    requireNonNull(path, "path");
    requireNonNull(name, "name");
    namespaces = Schema.copyAnnotations(namespaces);
    includes = List.copyOf(includes);
    cppIncludes = List.copyOf(cppIncludes);
    constants = List.copyOf(constants);
    typedefs = List.copyOf(typedefs);
    enums = List.copyOf(enums);
    structs = List.copyOf(structs);
    services = List.copyOf(services);
  }

  /** The Java package: {@code namespace java}, else {@code namespace *}, else none. */
  public Optional<String> javaPackage() {
    String java = namespaces.get("java");
    return Optional.ofNullable(java != null ? java : namespaces.get("*"));
  }
}
