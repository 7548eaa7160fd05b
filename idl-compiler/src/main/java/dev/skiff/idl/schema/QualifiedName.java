package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/**
 * The name of a definition across files: the program (the IDL file's base name, as {@code include}
 * users write it) and the simple name inside it. {@code shared.Thing} is {@code ("shared",
 * "Thing")}.
 */
public record QualifiedName(String program, String name) {
  public QualifiedName {
    requireNonNull(program, "program");
    requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return program + "." + name;
  }
}
