package dev.skiff.idl.javagen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ConstValue;
import dev.skiff.idl.schema.EnumType;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.Requiredness;
import dev.skiff.idl.schema.Schema;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.StructType;
import dev.skiff.idl.schema.ThriftType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Maps the schema's types and names to Java: Thrift types to Java types, definitions to class
 * names, fields and enum members to Java identifiers. The naming decisions live here so that every
 * generator, and every reference from one generated type to another, agrees on them.
 */
final class JavaTypes {
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName SET = ClassName.get(Set.class);
  private static final ClassName MAP = ClassName.get(Map.class);

  /** Names of locals and parameters in generated methods. */
  static final Set<String> LOCAL_NAMES =
      Set.of("in", "out", "fieldType", "value", "other", "that", "source");

  private final Schema schema;
  private final Map<StructType, List<JavaField>> fields = new HashMap<>();
  private final Map<QualifiedName, Map<String, String>> enumConstants = new HashMap<>();
  private Map<String, Set<String>> javaLangClashes;

  JavaTypes(Schema schema) {
    this.schema = schema;
  }

  Schema schema() {
    return schema;
  }

  /** The package of {@code program}'s types; empty for the default package. */
  static String packageOf(Program program) {
    return program.javaPackage().map(JavaNames::packageName).orElse("");
  }

  ClassName className(QualifiedName name) {
    return ClassName.get(packageOf(schema.programOf(name)), JavaNames.typeName(name.name()));
  }

  /**
   * The interface of a service: named as written, except that {@code Async} and {@code Client}
   * become {@code Async_} and {@code Client_}, since Java cannot nest the generated {@code Async}
   * and {@code Client} in a type of the same name, nor let a nested type hide the service's own.
   */
  ClassName serviceClassName(QualifiedName name) {
    ClassName plain = className(name);
    return JavaNames.SERVICE_NESTED_TYPES.contains(plain.simpleName())
        ? ClassName.get(plain.packageName(), plain.simpleName() + "_")
        : plain;
  }

  /**
   * The package-private class holding a service's args and result records, method descriptors and
   * server bindings: {@code CalculatorRpc}, with another {@code _} while a generated type of the
   * package has that name.
   */
  ClassName rpcClassName(QualifiedName service) {
    ClassName type = className(service);
    Set<String> taken = topLevelNames(type.packageName());
    String name = JavaNames.typeName(type.simpleName() + "Rpc");
    while (taken.contains(name)) {
      name += "_";
    }
    return ClassName.get(type.packageName(), name);
  }

  /** The simple names of the generated top-level types of a package, Rpc classes aside. */
  private Set<String> topLevelNames(String packageName) {
    Set<String> names = new TreeSet<>();
    for (Program program : schema.programs()) {
      if (packageOf(program).equals(packageName)) {
        program.enums().forEach(e -> names.add(className(e.name()).simpleName()));
        program.structs().forEach(s -> names.add(className(s.name()).simpleName()));
        program.services().forEach(s -> names.add(serviceClassName(s.name()).simpleName()));
        names.add(constantsClassName(program).simpleName());
      }
    }
    return names;
  }

  /** {@code tutorial} constants live in {@code TutorialConstants}. */
  static ClassName constantsClassName(Program program) {
    return ClassName.get(
        packageOf(program), JavaNames.typeName(JavaNames.upperCamel(program.name()) + "Constants"));
  }

  /** The Java type of {@code type}: primitive for {@code bool}, the integers and {@code double}. */
  TypeName javaType(ThriftType type) {
    ThriftType t = type.trueType();
    if (t instanceof BaseType base) {
      return switch (base) {
        case BOOL -> TypeName.BOOLEAN;
        case BYTE -> TypeName.BYTE;
        case I16 -> TypeName.SHORT;
        case I32 -> TypeName.INT;
        case I64 -> TypeName.LONG;
        case DOUBLE -> TypeName.DOUBLE;
        case STRING -> ClassName.get(String.class);
        case BINARY -> RuntimeTypes.BYTES;
        case UUID -> ClassName.get(UUID.class);
      };
    }
    if (t instanceof ListType list) {
      return ParameterizedTypeName.get(LIST, boxedType(list.elementType()));
    }
    if (t instanceof SetType set) {
      return ParameterizedTypeName.get(SET, boxedType(set.elementType()));
    }
    if (t instanceof MapType map) {
      return ParameterizedTypeName.get(MAP, boxedType(map.keyType()), boxedType(map.valueType()));
    }
    if (t instanceof NamedType named) {
      return className(named.name());
    }
    throw new AssertionError("unexpected type " + t);
  }

  /** The Java type of {@code type} where a reference type is needed, as in a container. */
  TypeName boxedType(ThriftType type) {
    return javaType(type).box();
  }

  static boolean isPrimitive(ThriftType type) {
    return type.trueType() instanceof BaseType base
        && base != BaseType.STRING
        && base != BaseType.BINARY
        && base != BaseType.UUID;
  }

  /** The nested enum naming a union's cases: {@code Kind}, or {@code Kind_} in a union so named. */
  static String unionKindName(ClassName union) {
    return union.simpleName().equals("Kind") ? "Kind_" : "Kind";
  }

  /** Whether a struct or exception gets a builder: many fields, optional fields or defaults. */
  static boolean hasBuilder(StructType struct) {
    return struct.fields().size() >= 4
        || struct.fields().stream()
            .anyMatch(f -> f.requiredness() == Requiredness.OPTIONAL || f.defaultValue() != null);
  }

  /** The Java form of each field of {@code struct}, in declaration order. */
  List<JavaField> fields(StructType struct) {
    Set<String> reserved =
        switch (struct.kind()) {
          case UNION -> JavaNames.UNION_MEMBERS;
          case EXCEPTION -> JavaNames.EXCEPTION_MEMBERS;
          default -> JavaNames.STRUCT_MEMBERS;
        };
    return fields(struct, reserved);
  }

  /**
   * Like {@link #fields(StructType)}, with the member names the generated type already uses given:
   * for the args and result records of service methods, which are not in the schema.
   */
  List<JavaField> fields(StructType struct, Set<String> reserved) {
    return fields.computeIfAbsent(struct, s -> computeFields(s, reserved));
  }

  private List<JavaField> computeFields(StructType struct, Set<String> reserved) {
    NameAllocator names = JavaNames.allocator(reserved);
    // Java reads a simple name that could be a variable or a class as the variable, so a field
    // named Point would hide the class in Point.read(in). Same-package and default-package classes
    // cannot be qualified by JavaPoet, so such fields are renamed.
    Set<String> used = new TreeSet<>();
    struct.fields().forEach(f -> collectUserTypes(f.type(), f.defaultValue(), used));
    if (struct.isUnion()) {
      used.add(unionKindName(className(struct.name())));
    }
    used.forEach(names::newName);
    return struct.fields().stream()
        .map(field -> new JavaField(field, names.newName(field.name()), storageType(struct, field)))
        .toList();
  }

  /**
   * Adds to {@code into} the simple names of the generated classes that code for {@code type} and
   * {@code value} refers to by name: {@code Point.read}, {@code Color.findByValue}, {@code
   * Color.RED} in a default.
   */
  void collectUserTypes(ThriftType type, ConstValue value, Set<String> into) {
    ThriftType t = type.trueType();
    if (t instanceof ListType list) {
      collectUserTypes(list.elementType(), null, into);
    } else if (t instanceof SetType set) {
      collectUserTypes(set.elementType(), null, into);
    } else if (t instanceof MapType map) {
      collectUserTypes(map.keyType(), null, into);
      collectUserTypes(map.valueType(), null, into);
    } else if (t instanceof NamedType named) {
      into.add(className(named.name()).simpleName());
    }
    if (value != null) {
      collectUserTypes(value, into);
    }
  }

  private void collectUserTypes(ConstValue value, Set<String> into) {
    if (value instanceof ConstValue.EnumValue e) {
      into.add(className(e.enumName()).simpleName());
    } else if (value instanceof ConstValue.ListValue list) {
      list.elements().forEach(v -> collectUserTypes(v, into));
    } else if (value instanceof ConstValue.MapValue map) {
      map.entries()
          .forEach(
              e -> {
                collectUserTypes(e.getKey(), into);
                collectUserTypes(e.getValue(), into);
              });
    } else if (value instanceof ConstValue.StructValue struct) {
      into.add(className(struct.struct()).simpleName());
      struct.fields().forEach(e -> collectUserTypes(e.getValue(), into));
    }
  }

  private TypeName storageType(StructType struct, Field field) {
    boolean primitive =
        isPrimitive(field.type())
            && (struct.isUnion() || field.requiredness() != Requiredness.OPTIONAL);
    return primitive ? javaType(field.type()) : boxedType(field.type());
  }

  /** The Java name of a member of an enum. */
  String enumConstant(QualifiedName enumName, String member) {
    String name = enumConstants(schema.enumType(enumName)).get(member);
    if (name == null) {
      throw new IllegalArgumentException("no member " + member + " in enum " + enumName);
    }
    return name;
  }

  /** Each member's Java constant name, in declaration order. */
  Map<String, String> enumConstants(EnumType type) {
    return enumConstants.computeIfAbsent(
        type.name(),
        n -> {
          NameAllocator names = new NameAllocator();
          Map<String, String> byMember = new LinkedHashMap<>();
          type.members().forEach(m -> byMember.put(m.name(), names.newName(m.name())));
          return byMember;
        });
  }

  /**
   * The simple names that the generated {@code type} must always qualify where it refers to a class
   * of that name. Java reads a simple name that could be a variable or a type as the variable, so a
   * field {@code Point Point} obscures the class {@code Point} in {@code Point.read(in)}; and a
   * generated {@code String} shadows {@code java.lang.String} in its package. So: the names of
   * {@code type}'s fields and locals ({@code memberNames} and those of {@link #LOCAL_NAMES}), and
   * generated top-level names that are {@code java.lang} names. Passed to {@code
   * TypeSpec.Builder.alwaysQualify} when creating the type, as JavaPoet's {@code toBuilder} drops a
   * record's components.
   */
  String[] alwaysQualify(ClassName type, Collection<String> memberNames) {
    Set<String> names = new TreeSet<>(memberNames);
    names.addAll(LOCAL_NAMES);
    names.addAll(javaLangClashes(type));
    return names.toArray(String[]::new);
  }

  private Set<String> javaLangClashes(ClassName type) {
    if (javaLangClashes == null) {
      javaLangClashes = new HashMap<>();
      for (Program program : schema.programs()) {
        List<ClassName> names = new ArrayList<>();
        program.enums().forEach(e -> names.add(className(e.name())));
        program.structs().forEach(s -> names.add(className(s.name())));
        program.services().forEach(s -> names.add(serviceClassName(s.name())));
        names.add(constantsClassName(program));
        for (ClassName name : names) {
          if (isJavaLangClass(name.simpleName())) {
            javaLangClashes
                .computeIfAbsent(name.packageName(), p -> new TreeSet<>())
                .add(name.simpleName());
          }
        }
      }
    }
    return javaLangClashes.getOrDefault(type.packageName(), Set.of());
  }

  private static boolean isJavaLangClass(String simpleName) {
    try {
      Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
