package dev.skiff.idl.link;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.TypeElement;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.ThriftType;
import dev.skiff.idl.schema.TypedefType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves written types to {@link ThriftType}s: names to the definitions they mean, typedefs to
 * aliases of their (resolved) targets. Reports unknown types, names of things that are not types,
 * typedef cycles, and types that typedefs make too deep or too large.
 */
final class TypeResolver {
  /**
   * The deepest nesting of containers in a resolved type. Thrift's readers refuse values nested
   * deeper than 64 by default, and generators recurse once per level.
   */
  static final int MAX_DEPTH = 64;

  /**
   * The most parts (containers and their element types) in a resolved type. Generated code grows
   * with it, and typedefs of typedefs can double it at each step: {@code typedef map<T1, T1> T2}.
   */
  static final long MAX_PARTS = 1000;

  private final Symbols symbols;
  private final Diagnostics diagnostics;
  private final Map<QualifiedName, Optional<ThriftType>> typedefs = new HashMap<>();
  private final Set<QualifiedName> resolving = new LinkedHashSet<>();

  /**
   * The extent of each type measured, by identity: typedef targets are shared, never re-measured.
   */
  private final Map<ThriftType, Extent> extents = new IdentityHashMap<>();

  private record Extent(int depth, long parts) {}

  TypeResolver(Symbols symbols, Diagnostics diagnostics) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
  }

  /** The resolved type, or empty after reporting why it has none. */
  Optional<ThriftType> resolve(TypeElement type, Scope scope) {
    return resolveParts(type, scope).filter(resolved -> withinLimits(resolved, type));
  }

  private Optional<ThriftType> resolveParts(TypeElement type, Scope scope) {
    if (type instanceof TypeElement.Base base) {
      return Optional.of(baseType(base));
    }
    if (type instanceof TypeElement.ListOf list) {
      return resolveParts(list.element(), scope).map(ListType::new);
    }
    if (type instanceof TypeElement.SetOf set) {
      return resolveParts(set.element(), scope).map(SetType::new);
    }
    if (type instanceof TypeElement.MapOf map) {
      Optional<ThriftType> key = resolveParts(map.key(), scope);
      Optional<ThriftType> value = resolveParts(map.value(), scope);
      return key.isPresent() && value.isPresent()
          ? Optional.of(new MapType(key.get(), value.get()))
          : Optional.empty();
    }
    return named((TypeElement.Named) type, scope);
  }

  private BaseType baseType(TypeElement.Base base) {
    return switch (base.name()) {
      case "bool" -> BaseType.BOOL;
      case "byte" -> {
        diagnostics.warning(
            base.location(), "'byte' is an alias of 'i8'; write 'i8' to make its sign plain");
        yield BaseType.BYTE;
      }
      case "i8" -> BaseType.BYTE;
      case "i16" -> BaseType.I16;
      case "i32" -> BaseType.I32;
      case "i64" -> BaseType.I64;
      case "double" -> BaseType.DOUBLE;
      case "string" -> BaseType.STRING;
      case "binary" -> BaseType.BINARY;
      case "uuid" -> BaseType.UUID;
      default -> throw new IllegalStateException("grammar admits base type " + base.name());
    };
  }

  private Optional<ThriftType> named(TypeElement.Named named, Scope scope) {
    Optional<Scope.Found> found = scope.lookup(named.name());
    if (found.isEmpty()) {
      diagnostics.error(named.location(), "unknown type '" + named.name() + "'");
      return Optional.empty();
    }
    QualifiedName name = found.get().name();
    DefinitionElement definition = found.get().definition();
    if (definition instanceof DefinitionElement.Enum) {
      return Optional.of(new NamedType(name, NamedType.Kind.ENUM));
    }
    if (definition instanceof DefinitionElement.Struct struct) {
      return Optional.of(new NamedType(name, kindOf(struct)));
    }
    if (definition instanceof DefinitionElement.Typedef typedef) {
      return typedef(name, typedef);
    }
    return notAType(
        named, definition instanceof DefinitionElement.Service ? "a service" : "a constant");
  }

  private Optional<ThriftType> notAType(TypeElement.Named named, String what) {
    diagnostics.error(named.location(), "'" + named.name() + "' is " + what + ", not a type");
    return Optional.empty();
  }

  /** A use of the typedef {@code name}: an alias of its resolved target. */
  private Optional<ThriftType> typedef(QualifiedName name, DefinitionElement.Typedef typedef) {
    return typedefTarget(name, typedef).map(target -> new TypedefType(name, target));
  }

  /** Resolves a typedef's target once, in the scope of the file that declares it. */
  Optional<ThriftType> typedefTarget(QualifiedName name, DefinitionElement.Typedef typedef) {
    Optional<ThriftType> known = typedefs.get(name);
    if (known != null) {
      return known;
    }
    if (!resolving.add(name)) {
      List<QualifiedName> chain = new ArrayList<>(resolving);
      List<QualifiedName> loop = new ArrayList<>(chain.subList(chain.indexOf(name), chain.size()));
      loop.add(name);
      diagnostics.error(
          typedef.location(),
          "typedef cycle: "
              + loop.stream().map(QualifiedName::name).collect(Collectors.joining(" -> ")));
      return Optional.empty();
    }
    Optional<ThriftType> target = resolve(typedef.type(), symbols.scope(name.program()));
    resolving.remove(name);
    typedefs.put(name, target);
    return target;
  }

  private boolean withinLimits(ThriftType type, TypeElement written) {
    Extent extent = extent(type);
    if (extent.depth() > MAX_DEPTH) {
      diagnostics.error(
          written.location(),
          "type nests containers "
              + extent.depth()
              + " deep (typedefs included); the limit is "
              + MAX_DEPTH);
      return false;
    }
    if (extent.parts() > MAX_PARTS) {
      diagnostics.error(
          written.location(),
          "type has more than " + MAX_PARTS + " parts once its typedefs are expanded");
      return false;
    }
    return true;
  }

  /**
   * Measures a type. Every typedef target was measured when it was resolved, so this recurses only
   * as deep as the type is written.
   */
  private Extent extent(ThriftType type) {
    Extent known = extents.get(type);
    if (known != null) {
      return known;
    }
    Extent extent;
    if (type instanceof TypedefType typedef) {
      extent = extent(typedef.target());
    } else if (type instanceof ListType list) {
      extent = around(extent(list.elementType()));
    } else if (type instanceof SetType set) {
      extent = around(extent(set.elementType()));
    } else if (type instanceof MapType map) {
      Extent key = extent(map.keyType());
      Extent value = extent(map.valueType());
      extent =
          new Extent(
              1 + Math.max(key.depth(), value.depth()),
              // Saturates: past the limit the exact count does not matter.
              Math.min(1 + key.parts() + value.parts(), MAX_PARTS + 1));
    } else {
      extent = new Extent(0, 1);
    }
    extents.put(type, extent);
    return extent;
  }

  private static Extent around(Extent element) {
    return new Extent(1 + element.depth(), Math.min(1 + element.parts(), MAX_PARTS + 1));
  }

  static NamedType.Kind kindOf(DefinitionElement.Struct struct) {
    return switch (struct.kind()) {
      case STRUCT -> NamedType.Kind.STRUCT;
      case UNION -> NamedType.Kind.UNION;
      case EXCEPTION -> NamedType.Kind.EXCEPTION;
    };
  }
}
