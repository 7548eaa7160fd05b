package dev.skiff.idl.link;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.element.AnnotationElement;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.FieldElement;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.element.TypeElement;
import dev.skiff.idl.schema.ConstValue;
import dev.skiff.idl.schema.Constant;
import dev.skiff.idl.schema.EnumType;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.Requiredness;
import dev.skiff.idl.schema.Schema;
import dev.skiff.idl.schema.Service;
import dev.skiff.idl.schema.StructType;
import dev.skiff.idl.schema.ThriftType;
import dev.skiff.idl.schema.Typedef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Schema} from parsed files: resolves every name, types every constant, assigns
 * missing field ids, and checks what a single file cannot (duplicates, cycles, what oneway and
 * throws allow). Errors go to the {@link Diagnostics}; the caller throws once at the end.
 */
final class Linker {
  private final Map<Path, FileElement> files;
  private final List<Path> roots;
  private final Diagnostics diagnostics;
  private final Symbols symbols;
  private final TypeResolver types;
  private final ConstChecker constants;

  Linker(
      Map<Path, FileElement> files,
      Map<Path, List<Path>> includesOf,
      List<Path> roots,
      Diagnostics diagnostics) {
    this.files = files;
    this.roots = roots;
    this.diagnostics = diagnostics;
    this.symbols = new Symbols(files, includesOf, diagnostics);
    this.types = new TypeResolver(symbols, diagnostics);
    this.constants = new ConstChecker(symbols, types, diagnostics);
  }

  Schema link() {
    List<Program> programs = new ArrayList<>();
    List<Program> rootPrograms = new ArrayList<>();
    for (FileElement file : files.values()) {
      Program program = program(file);
      programs.add(program);
      if (roots.contains(file.path())) {
        rootPrograms.add(program);
      }
    }
    new ServiceChecker(symbols, programs, diagnostics).check();
    return new Schema(programs, rootPrograms);
  }

  private Program program(FileElement file) {
    String name = Symbols.programName(file.path());
    Scope scope = symbols.scope(name);
    List<Constant> consts = new ArrayList<>();
    List<Typedef> typedefs = new ArrayList<>();
    List<EnumType> enums = new ArrayList<>();
    List<StructType> structs = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    for (DefinitionElement definition : file.definitions()) {
      QualifiedName qualified = new QualifiedName(name, definition.name());
      if (definition instanceof DefinitionElement.Const c) {
        constant(qualified, c, scope).ifPresent(consts::add);
      } else if (definition instanceof DefinitionElement.Typedef t) {
        types
            .typedefTarget(qualified, t)
            .ifPresent(
                target ->
                    typedefs.add(
                        new Typedef(
                            qualified,
                            target,
                            annotations(t.annotations()),
                            t.doc(),
                            t.location())));
      } else if (definition instanceof DefinitionElement.Enum e) {
        enums.add(enumType(qualified, e));
      } else if (definition instanceof DefinitionElement.Struct s) {
        structs.add(struct(qualified, s, scope));
      } else if (definition instanceof DefinitionElement.Service s) {
        services.add(service(qualified, s, scope));
      }
    }
    Map<String, String> namespaces = new LinkedHashMap<>();
    for (FileElement.Namespace namespace : file.namespaces()) {
      namespaces.put(namespace.scope(), namespace.value());
    }
    return new Program(
        file.path(),
        name,
        namespaces,
        symbols.includedPrograms(name),
        file.cppIncludes(),
        consts,
        typedefs,
        enums,
        structs,
        services);
  }

  private Optional<Constant> constant(QualifiedName name, DefinitionElement.Const c, Scope scope) {
    return types
        .resolve(c.type(), scope)
        .flatMap(
            type ->
                constants
                    .constantValue(name, c)
                    .map(value -> new Constant(name, type, value, c.doc(), c.location())));
  }

  private EnumType enumType(QualifiedName name, DefinitionElement.Enum e) {
    List<EnumType.Member> members = new ArrayList<>();
    Map<String, DefinitionElement.EnumMember> byName = new HashMap<>();
    Map<Long, DefinitionElement.EnumMember> byValue = new HashMap<>();
    long next = 0;
    for (DefinitionElement.EnumMember member : e.members()) {
      long value = member.value() != null ? member.value() : next;
      next = value + 1;
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        diagnostics.error(
            member.location(),
            "value " + value + " of '" + member.name() + "' is out of the i32 range");
        continue;
      }
      DefinitionElement.EnumMember sameName = byName.putIfAbsent(member.name(), member);
      if (sameName != null) {
        diagnostics.error(
            member.location(),
            "duplicate enum member '" + member.name() + "' in enum '" + e.name() + "'");
        continue;
      }
      DefinitionElement.EnumMember sameValue = byValue.putIfAbsent(value, member);
      if (sameValue != null) {
        diagnostics.error(
            member.location(),
            "duplicate enum value "
                + value
                + " in enum '"
                + e.name()
                + "': '"
                + member.name()
                + "' and '"
                + sameValue.name()
                + "'");
        continue;
      }
      members.add(
          new EnumType.Member(
              member.name(),
              (int) value,
              annotations(member.annotations()),
              member.doc(),
              member.location()));
    }
    return new EnumType(name, members, annotations(e.annotations()), e.doc(), e.location());
  }

  private StructType struct(QualifiedName name, DefinitionElement.Struct s, Scope scope) {
    String what = s.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + s.name() + "'";
    List<Field> fields = fields(s.fields(), what, scope, FieldRole.MEMBER);
    if (s.kind() == DefinitionElement.StructKind.UNION) {
      for (Field field : fields) {
        if (field.requiredness() == Requiredness.REQUIRED) {
          diagnostics.error(
              field.location(),
              "union '" + s.name() + "' cannot have required field '" + field.name() + "'");
        }
      }
    }
    return new StructType(
        name, TypeResolver.kindOf(s), fields, annotations(s.annotations()), s.doc(), s.location());
  }

  private Service service(QualifiedName name, DefinitionElement.Service s, Scope scope) {
    List<dev.skiff.idl.schema.Method> methods = new ArrayList<>();
    for (DefinitionElement.Function f : s.functions()) {
      String what = "'" + f.name() + "'";
      List<Field> parameters =
          fields(f.parameters(), "arguments of " + what, scope, FieldRole.ARGUMENT);
      List<Field> exceptions =
          fields(f.exceptions(), "throws list of " + what, scope, FieldRole.THROWS);
      Optional<ThriftType> returnType = Optional.empty();
      if (f.returnType() != null) {
        returnType = types.resolve(f.returnType(), scope);
      }
      methods.add(
          new dev.skiff.idl.schema.Method(
              f.name(),
              f.oneway(),
              returnType,
              parameters,
              exceptions,
              annotations(f.annotations()),
              f.doc(),
              f.location()));
      if (f.oneway() && f.returnType() != null) {
        diagnostics.error(f.location(), "oneway method '" + f.name() + "' must return void");
      }
      if (f.oneway() && !f.exceptions().isEmpty()) {
        diagnostics.error(f.location(), "oneway method '" + f.name() + "' cannot throw exceptions");
      }
    }
    Optional<QualifiedName> base = Optional.empty();
    if (s.extendsName() != null) {
      Optional<Scope.Found> found = scope.lookup(s.extendsName());
      if (found.isEmpty()) {
        diagnostics.error(s.extendsLocation(), "unknown service '" + s.extendsName() + "'");
      } else if (!(found.get().definition() instanceof DefinitionElement.Service)) {
        diagnostics.error(
            s.extendsLocation(),
            "service '" + s.name() + "' extends '" + s.extendsName() + "', which is not a service");
      } else {
        base = Optional.of(found.get().name());
      }
    }
    return new Service(name, base, methods, annotations(s.annotations()), s.doc(), s.location());
  }

  /** Where a list of fields appears; the rules differ a little. */
  private enum FieldRole {
    MEMBER,
    ARGUMENT,
    THROWS
  }

  private List<Field> fields(
      List<FieldElement> elements, String owner, Scope scope, FieldRole role) {
    List<Field> fields = new ArrayList<>();
    Map<Integer, FieldElement> byId = new HashMap<>();
    Map<String, FieldElement> byName = new HashMap<>();
    int nextAssignedId = -1;
    for (FieldElement element : elements) {
      int id;
      if (element.id() == null || element.id() <= 0) {
        id = nextAssignedId--;
        diagnostics.warning(
            element.location(),
            (element.id() == null ? "no field id" : "non-positive field id " + element.id())
                + " for '"
                + element.name()
                + "' in "
                + owner
                + "; assigned "
                + id
                + ", which old and new peers may not agree on");
      } else {
        id = element.id();
      }
      FieldElement sameId = byId.putIfAbsent(id, element);
      if (sameId != null) {
        diagnostics.error(
            element.location(),
            "duplicate field id "
                + id
                + " in "
                + owner
                + ": '"
                + element.name()
                + "' and '"
                + sameId.name()
                + "'");
      }
      FieldElement sameName = byName.putIfAbsent(element.name(), element);
      if (sameName != null) {
        diagnostics.error(
            element.location(), "duplicate field name '" + element.name() + "' in " + owner);
      }
      Requiredness requiredness = element.requiredness();
      if (role == FieldRole.ARGUMENT && requiredness == Requiredness.OPTIONAL) {
        diagnostics.warning(
            element.location(), "'optional' is ignored on argument '" + element.name() + "'");
        requiredness = Requiredness.DEFAULT;
      }
      Optional<ThriftType> type = types.resolve(element.type(), scope);
      if (type.isEmpty()) {
        continue;
      }
      if (role == FieldRole.THROWS && !isException(type.get())) {
        String written =
            element.type() instanceof TypeElement.Named named
                ? named.name()
                : type.get().toString();
        diagnostics.error(
            element.type().location(),
            owner + " names '" + written + "', which is not an exception");
        continue;
      }
      ConstValue defaultValue = null;
      if (element.defaultValue() != null) {
        defaultValue = constants.check(element.defaultValue(), type.get(), scope).orElse(null);
      }
      fields.add(
          new Field(
              id,
              element.name(),
              requiredness,
              type.get(),
              defaultValue,
              element.reference(),
              annotations(element.annotations()),
              element.doc(),
              element.location()));
    }
    return fields;
  }

  private static boolean isException(ThriftType type) {
    return type.trueType() instanceof dev.skiff.idl.schema.NamedType named
        && named.kind() == dev.skiff.idl.schema.NamedType.Kind.EXCEPTION;
  }

  static Map<String, String> annotations(List<AnnotationElement> annotations) {
    Map<String, String> map = new LinkedHashMap<>();
    for (AnnotationElement annotation : annotations) {
      map.put(annotation.key(), annotation.value());
    }
    return map;
  }
}
