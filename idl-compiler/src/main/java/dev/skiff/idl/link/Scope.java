package dev.skiff.idl.link;

import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.schema.QualifiedName;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names one program can see: its own definitions and, prefixed by the file's base name, those
 * of the files it includes directly (as in Apache Thrift, includes are not transitive).
 */
final class Scope {
  /** A definition found by name, and the program that declares it. */
  record Found(QualifiedName name, DefinitionElement definition) {}

  private final String program;
  private final Set<String> includedPrograms;
  private final Map<String, Map<String, DefinitionElement>> definitions;

  Scope(
      String program,
      Set<String> includedPrograms,
      Map<String, Map<String, DefinitionElement>> definitions) {
    this.program = program;
    this.includedPrograms = includedPrograms;
    this.definitions = definitions;
  }

  String program() {
    return program;
  }

  /** Resolves {@code Name} in this program or {@code other.Name} in an included one. */
  Optional<Found> lookup(String name) {
    DefinitionElement local = definitions.getOrDefault(program, Map.of()).get(name);
    if (local != null) {
      return Optional.of(new Found(new QualifiedName(program, name), local));
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      String prefix = name.substring(0, dot);
      String rest = name.substring(dot + 1);
      if (includedPrograms.contains(prefix)) {
        DefinitionElement included = definitions.getOrDefault(prefix, Map.of()).get(rest);
        if (included != null) {
          return Optional.of(new Found(new QualifiedName(prefix, rest), included));
        }
      }
    }
    return Optional.empty();
  }

  /** The scope of the program that declares {@code name}, for resolving names inside it. */
  Scope of(String otherProgram, Set<String> otherIncludes) {
    return otherProgram.equals(program)
        ? this
        : new Scope(otherProgram, otherIncludes, definitions);
  }
}
