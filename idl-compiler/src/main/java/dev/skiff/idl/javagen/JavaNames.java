package dev.skiff.idl.javagen;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * How IDL names become Java names. IDL names are kept as written wherever Java allows them;
 * otherwise a trailing underscore is added, repeatedly, until the name is legal and unique. The
 * reserved sets below are the member names each kind of generated type already uses.
 */
final class JavaNames {
  /** Methods every Java object has; a record component or accessor of these names cannot exist. */
  static final Set<String> OBJECT_MEMBERS =
      Set.of(
          "equals",
          "hashCode",
          "toString",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /** Names a struct's fields cannot take: its own methods and those of its builder. */
  static final Set<String> STRUCT_MEMBERS =
      union(OBJECT_MEMBERS, Set.of("builder", "toBuilder", "build", "read", "write"));

  /** Names a union's fields cannot take: they name factory methods and record components. */
  static final Set<String> UNION_MEMBERS = union(OBJECT_MEMBERS, Set.of("kind", "read", "write"));

  /** Names an exception's fields cannot take: a struct's, and what {@link Throwable} declares. */
  static final Set<String> EXCEPTION_MEMBERS =
      union(
          STRUCT_MEMBERS,
          Set.of(
              "getMessage",
              "getLocalizedMessage",
              "getCause",
              "initCause",
              "printStackTrace",
              "getStackTrace",
              "setStackTrace",
              "fillInStackTrace",
              "addSuppressed",
              "getSuppressed",
              "serialVersionUID"));

  /** The types nested in a service's interface. */
  static final Set<String> SERVICE_NESTED_TYPES = Set.of("Async", "Client");

  /**
   * Names a service method cannot take: {@code Object}'s methods, the client's own methods, and the
   * interface's static methods.
   */
  static final Set<String> SERVICE_MEMBERS =
      union(
          OBJECT_MEMBERS,
          Set.of("async", "withOptions", "serviceDefinition", "asyncServiceDefinition"));

  /** Names the fields of a method's result record cannot take: a struct's, and {@code unwrap}. */
  static final Set<String> RESULT_MEMBERS = union(STRUCT_MEMBERS, Set.of("unwrap"));

  /** Identifiers that Java allows for variables and methods but not for types. */
  private static final Set<String> RESTRICTED_TYPE_NAMES =
      Set.of("var", "yield", "record", "sealed", "permits");

  private JavaNames() {}

  /** A name allocator in which {@code reserved} are already taken. */
  static NameAllocator allocator(Set<String> reserved) {
    NameAllocator names = new NameAllocator();
    reserved.stream().sorted().forEach(names::newName);
    return names;
  }

  /** {@code name} as a legal Java type name: illegal characters become {@code _}. */
  static String typeName(String name) {
    String legal = NameAllocator.toJavaIdentifier(name);
    while (SourceVersion.isKeyword(legal) || RESTRICTED_TYPE_NAMES.contains(legal)) {
      legal += "_";
    }
    return legal;
  }

  /**
   * A {@code namespace java} value as a legal package name; each keyword segment gets a {@code _}.
   */
  static String packageName(String namespace) {
    return Stream.of(namespace.split("\\.", -1))
        .map(segment -> segment.isEmpty() ? "_" : typeName(segment))
        .collect(Collectors.joining("."));
  }

  /**
   * {@code user_id}, {@code userId} and {@code user-id} all become {@code UserId}; an all-caps name
   * such as {@code MAX_SIZE} becomes {@code MaxSize}; acronyms in mixed case stay: {@code
   * HTTPCode}.
   */
  static String upperCamel(String name) {
    boolean allCaps = name.chars().noneMatch(Character::isLowerCase);
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      String w = allCaps ? word.toLowerCase(Locale.ROOT) : word;
      out.append(Character.toUpperCase(w.charAt(0)));
      out.append(w, 1, w.length());
    }
    return out.length() == 0 ? "_" : out.toString();
  }

  /**
   * {@code userId}, {@code user_id} and {@code HTTPCode} become {@code USER_ID}, {@code HTTP_CODE}.
   */
  static String upperSnake(String name) {
    return words(name).stream()
        .map(word -> word.toUpperCase(Locale.ROOT))
        .collect(Collectors.joining("_"));
  }

  /**
   * Splits an identifier into words at underscores, dashes, dots and case changes: {@code
   * HTTPCode_value2} is {@code HTTP}, {@code Code}, {@code value2}.
   */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      int start = 0;
      for (int i = 1; i < part.length(); i++) {
        char previous = part.charAt(i - 1);
        char current = part.charAt(i);
        boolean lowerToUpper = !Character.isUpperCase(previous) && Character.isUpperCase(current);
        boolean acronymEnd =
            Character.isUpperCase(previous)
                && Character.isUpperCase(current)
                && i + 1 < part.length()
                && Character.isLowerCase(part.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          words.add(part.substring(start, i));
          start = i;
        }
      }
      if (start < part.length()) {
        words.add(part.substring(start));
      }
    }
    return words;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
