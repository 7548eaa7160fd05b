package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

/** A use of a typedef: the alias's name and the type it stands for (itself possibly an alias). */
public record TypedefType(QualifiedName name, ThriftType target) implements ThriftType {
  public TypedefType {
    requireNonNull(name, "name");
    requireNonNull(target, "target");
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
