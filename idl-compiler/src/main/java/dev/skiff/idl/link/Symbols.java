package dev.skiff.idl.link;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.schema.QualifiedName;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every definition of every loaded program, by program and name, and the scope each program sees.
 * Reports duplicate definitions and programs with clashing names while it is built.
 */
final class Symbols {
  private final Map<String, Map<String, DefinitionElement>> definitions = new LinkedHashMap<>();
  private final Map<String, Set<String>> includes = new HashMap<>();
  private final Map<String, Path> paths = new LinkedHashMap<>();

  Symbols(Map<Path, FileElement> files, Map<Path, List<Path>> includesOf, Diagnostics diagnostics) {
    for (FileElement file : files.values()) {
      String program = programName(file.path());
      Path earlier = paths.putIfAbsent(program, file.path());
      if (earlier != null) {
        diagnostics.error(
            dev.skiff.idl.diag.Location.of(file.path()),
            "two IDL files have the program name '"
                + program
                + "': "
                + earlier
                + " and "
                + file.path());
        continue;
      }
      Map<String, DefinitionElement> byName = new LinkedHashMap<>();
      for (DefinitionElement definition : file.definitions()) {
        DefinitionElement first = byName.putIfAbsent(definition.name(), definition);
        if (first != null) {
          diagnostics.error(
              definition.location(),
              "duplicate definition '"
                  + definition.name()
                  + "'; it is first defined at line "
                  + first.location().line());
        }
      }
      definitions.put(program, byName);
      Set<String> included = new LinkedHashSet<>();
      for (Path include : includesOf.getOrDefault(file.path(), List.of())) {
        included.add(programName(include));
      }
      includes.put(program, included);
    }
  }

  /** A file's program name: its base name without {@code .thrift}. */
  static String programName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".thrift") ? name.substring(0, name.length() - ".thrift".length()) : name;
  }

  Scope scope(String program) {
    return new Scope(program, includes.getOrDefault(program, Set.of()), definitions);
  }

  List<String> includedPrograms(String program) {
    return List.copyOf(includes.getOrDefault(program, Set.of()));
  }

  DefinitionElement definition(QualifiedName name) {
    return definitions.getOrDefault(name.program(), Map.of()).get(name.name());
  }

  boolean hasProgram(String program) {
    return definitions.containsKey(program);
  }
}
