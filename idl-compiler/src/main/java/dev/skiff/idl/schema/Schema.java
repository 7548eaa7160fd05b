package dev.skiff.idl.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The linked, checked model of a set of IDL files and everything they include: every name resolved,
 * every constant typed. Generators read only this. Immutable and safe to share between threads.
 */
public final class Schema {
  private final List<Program> programs;
  private final List<Program> roots;
  private final Map<QualifiedName, StructType> structs = new HashMap<>();
  private final Map<QualifiedName, EnumType> enums = new HashMap<>();
  private final Map<QualifiedName, Typedef> typedefs = new HashMap<>();
  private final Map<QualifiedName, Constant> constants = new HashMap<>();
  private final Map<QualifiedName, Service> services = new HashMap<>();
  private final Map<String, Program> byName = new HashMap<>();

  /**
   * @param programs every loaded program, includes first
   * @param roots the programs the user named, a subset of {@code programs}
   */
  public Schema(List<Program> programs, List<Program> roots) {
    this.programs = List.copyOf(programs);
    this.roots = List.copyOf(roots);
    for (Program program : this.programs) {
      byName.put(program.name(), program);
      program.structs().forEach(s -> structs.put(s.name(), s));
      program.enums().forEach(e -> enums.put(e.name(), e));
      program.typedefs().forEach(t -> typedefs.put(t.name(), t));
      program.constants().forEach(c -> constants.put(c.name(), c));
      program.services().forEach(s -> services.put(s.name(), s));
    }
  }

  /** Every program, included ones first. */
  public List<Program> programs() {
    return programs;
  }

  /** The programs named on the command line (or by the build), not those only included. */
  public List<Program> roots() {
    return roots;
  }

  public Optional<Program> program(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public StructType struct(QualifiedName name) {
    return require(structs.get(name), "struct", name);
  }

  public EnumType enumType(QualifiedName name) {
    return require(enums.get(name), "enum", name);
  }

  public Typedef typedef(QualifiedName name) {
    return require(typedefs.get(name), "typedef", name);
  }

  public Constant constant(QualifiedName name) {
    return require(constants.get(name), "constant", name);
  }

  public Service service(QualifiedName name) {
    return require(services.get(name), "service", name);
  }

  /** The program that declares {@code name}. */
  public Program programOf(QualifiedName name) {
    return require(byName.get(name.program()), "program", name);
  }

  /**
   * The methods of {@code service} and of every service it extends, the most basic service's first.
   */
  public List<Method> allMethods(Service service) {
    List<Service> chain = new ArrayList<>();
    Set<QualifiedName> seen = new HashSet<>();
    for (Service s = service; s != null && seen.add(s.name()); ) {
      chain.add(s);
      s = s.extendsName().map(services::get).orElse(null);
    }
    Collections.reverse(chain);
    return chain.stream().flatMap(s -> s.methods().stream()).toList();
  }

  private static <T> T require(T value, String kind, Object name) {
    if (value == null) {
      throw new NoSuchElementException("no " + kind + " named " + name + " in this schema");
    }
    return value;
  }

  static Map<String, String> copyAnnotations(Map<String, String> annotations) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }
}
