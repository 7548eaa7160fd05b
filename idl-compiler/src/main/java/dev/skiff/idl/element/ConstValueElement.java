package dev.skiff.idl.element;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;

/** A constant value as written; the linker gives it a type. */
public sealed interface ConstValueElement {
  Location location();

  /** An integer literal, decimal or hex, or {@code true}/{@code false}. */
  record IntLiteral(Location location, long value, String text) implements ConstValueElement {
    public IntLiteral {
      requireNonNull(location, "location");
      requireNonNull(text, "text");
    }
  }

  /** A floating point literal. */
  record DoubleLiteral(Location location, double value, String text) implements ConstValueElement {
    public DoubleLiteral {
      requireNonNull(location, "location");
      requireNonNull(text, "text");
    }
  }

  /** A string literal, escapes already applied. */
  record StringLiteral(Location location, String value) implements ConstValueElement {
    public StringLiteral {
      requireNonNull(location, "location");
      requireNonNull(value, "value");
    }
  }

  /** A name: another constant, {@code Enum.VALUE}, or an unqualified enum member. */
  record Identifier(Location location, String name) implements ConstValueElement {
    public Identifier {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
    }
  }

  /** {@code [a, b, c]}. */
  record ListLiteral(Location location, List<ConstValueElement> elements)
      implements ConstValueElement {
    public ListLiteral {
      requireNonNull(location, "location");
      elements = List.copyOf(elements);
    }
  }

  /** {@code {k: v, ...}}. */
  record MapLiteral(Location location, List<Entry> entries) implements ConstValueElement {
    public MapLiteral {
      requireNonNull(location, "location");
      entries = List.copyOf(entries);
    }
  }

  /** One {@code key: value} pair of a map literal. */
  record Entry(ConstValueElement key, ConstValueElement value) {
    public Entry {
      requireNonNull(key, "key");
      requireNonNull(value, "value");
    }
  }
}
