package dev.skiff.idl.schema;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An enum definition; its members carry explicit or implied i32 values. */
public record EnumType(
    QualifiedName name,
    List<Member> members,
    Map<String, String> annotations,
    String doc,
    Location location) {

  /** One enum member. */
  public record Member(
      String name, int value, Map<String, String> annotations, String doc, Location location) {
    public Member {
      requireNonNull(name, "name");
      annotations = Schema.copyAnnotations(annotations);
      requireNonNull(doc, "doc");
      requireNonNull(location, "location");
    }
  }

  public EnumType {
    requireNonNull(name, "name");
    members = List.copyOf(members);
    annotations = Schema.copyAnnotations(annotations);
    requireNonNull(doc, "doc");
    requireNonNull(location, "location");
  }

  public NamedType asType() {
    return new NamedType(name, NamedType.Kind.ENUM);
  }

  public Optional<Member> member(String memberName) {
    return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
  }

  public Optional<Member> memberWithValue(long value) {
    return members.stream().filter(m -> m.value() == value).findFirst();
  }
}
