package dev.skiff.idl.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.idl.TestFiles;
import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import dev.skiff.idl.element.AnnotationElement;
import dev.skiff.idl.element.ConstValueElement;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.DefinitionElement.EnumMember;
import dev.skiff.idl.element.DefinitionElement.Function;
import dev.skiff.idl.element.DefinitionElement.StructKind;
import dev.skiff.idl.element.FieldElement;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.element.TypeElement;
import dev.skiff.idl.schema.Requiredness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses corpus files and compares the whole element tree, every location included, with a tree
 * written out by hand from the file.
 */
class ElementTreeTest {
  private Path file;

  @Test
  void enums() {
    FileElement actual = parse("enums.thrift");

    FileElement expected =
        new FileElement(
            file,
            List.of(),
            List.of(new FileElement.Namespace(at(2, 1), "java", "dev.skiff.corpus.enums", none())),
            List.of(),
            List.of(
                new DefinitionElement.Enum(
                    at(5, 6),
                    "Color",
                    List.of(
                        member(at(6, 3), "RED", null),
                        member(at(7, 3), "GREEN", null),
                        member(at(8, 3), "BLUE", null)),
                    none(),
                    "Implicit values: 0, 1, 2."),
                new DefinitionElement.Enum(
                    at(11, 6),
                    "Mixed",
                    List.of(
                        new EnumMember(at(13, 3), "TEN", 10L, none(), "First explicit."),
                        member(at(14, 3), "ELEVEN", null),
                        member(at(15, 3), "HEX", 0x1FL),
                        member(at(16, 3), "NEGATIVE", -3L),
                        member(at(17, 3), "AFTER_NEGATIVE", null),
                        new EnumMember(
                            at(18, 3),
                            "PLUS",
                            7L,
                            List.of(new AnnotationElement(at(18, 14), "note", "a plus sign")),
                            ""),
                        new EnumMember(
                            at(19, 3),
                            "LAST",
                            null,
                            List.of(new AnnotationElement(at(19, 9), "deprecated", "1")),
                            "")),
                    List.of(
                        new AnnotationElement(at(20, 4), "java.annotation", "x"),
                        new AnnotationElement(at(20, 27), "flag", "1")),
                    ""),
                new DefinitionElement.Enum(at(22, 6), "Empty", List.of(), none(), "")));

    assertSameTree(expected, actual);
  }

  @Test
  void services() {
    FileElement actual = parse("services.thrift");

    FileElement expected =
        new FileElement(
            file,
            List.of(),
            List.of(
                new FileElement.Namespace(at(3, 1), "java", "dev.skiff.corpus.services", none())),
            List.of(),
            List.of(
                new DefinitionElement.Const(
                    at(5, 11),
                    "DEFAULT_PAGE",
                    base(at(5, 7), "i32"),
                    new ConstValueElement.IntLiteral(at(5, 26), 20, "20"),
                    ""),
                new DefinitionElement.Struct(
                    at(7, 11),
                    StructKind.EXCEPTION,
                    "Unavailable",
                    List.of(field(at(8, 13), 1, base(at(8, 6), "string"), "reason")),
                    none(),
                    ""),
                new DefinitionElement.Struct(
                    at(11, 11),
                    StructKind.EXCEPTION,
                    "Denied",
                    List.of(field(at(12, 13), 1, base(at(12, 6), "string"), "who")),
                    none(),
                    ""),
                new DefinitionElement.Struct(
                    at(15, 8),
                    StructKind.STRUCT,
                    "Page",
                    List.of(
                        field(
                            at(16, 19),
                            1,
                            new TypeElement.ListOf(
                                at(16, 6), base(at(16, 11), "string"), null, none()),
                            "items")),
                    none(),
                    ""),
                new DefinitionElement.Service(
                    at(19, 9),
                    "Base",
                    null,
                    null,
                    List.of(
                        new Function(
                            at(20, 8), "ping", false, null, List.of(), List.of(), none(), ""),
                        new Function(
                            at(21, 15),
                            "fire",
                            true,
                            null,
                            List.of(field(at(21, 30), 1, base(at(21, 23), "string"), "event")),
                            List.of(),
                            none(),
                            "")),
                    none(),
                    ""),
                new DefinitionElement.Service(
                    at(24, 9),
                    "Full",
                    "Base",
                    at(24, 22),
                    List.of(
                        new Function(
                            at(25, 7),
                            "add",
                            false,
                            base(at(25, 3), "i32"),
                            List.of(
                                field(at(25, 18), 1, base(at(25, 14), "i32"), "a"),
                                field(at(25, 28), 2, base(at(25, 24), "i32"), "b")),
                            List.of(),
                            none(),
                            ""),
                        new Function(
                            at(26, 8),
                            "list_items",
                            false,
                            named(at(26, 3), "Page"),
                            List.of(
                                new FieldElement(
                                    at(26, 26),
                                    1,
                                    Requiredness.DEFAULT,
                                    base(at(26, 22), "i32"),
                                    "size",
                                    false,
                                    new ConstValueElement.Identifier(at(26, 33), "DEFAULT_PAGE"),
                                    none(),
                                    ""),
                                new FieldElement(
                                    at(26, 66),
                                    2,
                                    Requiredness.OPTIONAL,
                                    base(at(26, 59), "string"),
                                    "cursor",
                                    false,
                                    null,
                                    none(),
                                    "")),
                            List.of(
                                field(
                                    at(27, 30), 1, named(at(27, 18), "Unavailable"), "unavailable"),
                                field(at(27, 53), 2, named(at(27, 46), "Denied"), "denied")),
                            none(),
                            ""),
                        new Function(
                            at(28, 14),
                            "legacy_fire",
                            true,
                            null,
                            List.of(field(at(28, 33), 1, base(at(28, 29), "i64"), "at_millis")),
                            List.of(),
                            none(),
                            ""),
                        new Function(
                            at(29, 8),
                            "noargs",
                            false,
                            null,
                            List.of(),
                            List.of(),
                            List.of(
                                new AnnotationElement(at(29, 18), "idempotent", "1"),
                                new AnnotationElement(at(29, 30), "timeout", "5s")),
                            ""),
                        new Function(
                            at(30, 26),
                            "complicated",
                            false,
                            new TypeElement.MapOf(
                                at(30, 3),
                                base(at(30, 7), "string"),
                                new TypeElement.ListOf(
                                    at(30, 15), base(at(30, 20), "i64"), null, none()),
                                null,
                                none()),
                            List.of(
                                field(
                                    at(30, 63),
                                    1,
                                    new TypeElement.MapOf(
                                        at(30, 41),
                                        base(at(30, 45), "string"),
                                        new TypeElement.SetOf(
                                            at(30, 53), base(at(30, 57), "i32"), null, none()),
                                        null,
                                        none()),
                                    "input")),
                            List.of(),
                            none(),
                            "")),
                    List.of(new AnnotationElement(at(31, 4), "service.ann", "full")),
                    "")));

    assertSameTree(expected, actual);
  }

  @Test
  void headers() {
    FileElement actual = parse("headers.thrift");

    FileElement expected =
        new FileElement(
            file,
            List.of(
                new FileElement.Include(at(3, 1), "shared.thrift"),
                new FileElement.Include(at(4, 1), "nested/deep.thrift"),
                new FileElement.Include(at(5, 1), "library.thrift")),
            List.of(
                new FileElement.Namespace(at(7, 1), "java", "dev.skiff.corpus.headers", none()),
                new FileElement.Namespace(at(8, 1), "*", "corpus.headers", none()),
                new FileElement.Namespace(at(9, 1), "cpp", "corpus.headers", none()),
                new FileElement.Namespace(at(10, 1), "cpp.noexist", "corpus_x", none()),
                new FileElement.Namespace(at(11, 1), "noexist", "corpus_y", none()),
                new FileElement.Namespace(
                    at(12, 1),
                    "py",
                    "corpus.headers",
                    List.of(new AnnotationElement(at(12, 30), "py.ann", "1"))),
                new FileElement.Namespace(
                    at(13, 1),
                    "xsd",
                    "test",
                    List.of(new AnnotationElement(at(13, 21), "uri", "http://skiff.dev/xsd")))),
            List.of("<vector>", "local.h"),
            List.of(
                new DefinitionElement.Const(
                    at(18, 11),
                    "LIMIT",
                    base(at(18, 7), "i32"),
                    new ConstValueElement.Identifier(at(18, 19), "shared.SHARED_LIMIT"),
                    ""),
                new DefinitionElement.Typedef(
                    at(20, 22), "SharedThing", named(at(20, 9), "shared.Thing"), none(), ""),
                new DefinitionElement.Struct(
                    at(22, 8),
                    StructKind.STRUCT,
                    "Uses",
                    List.of(
                        field(at(23, 19), 1, named(at(23, 6), "shared.Thing"), "thing"),
                        field(at(24, 17), 2, named(at(24, 6), "deep.Depth"), "depth"),
                        field(at(25, 19), 3, named(at(25, 6), "library.Book"), "book"),
                        new FieldElement(
                            at(26, 19),
                            4,
                            Requiredness.DEFAULT,
                            named(at(26, 6), "shared.Level"),
                            "level",
                            false,
                            new ConstValueElement.Identifier(at(26, 27), "shared.Level.HIGH"),
                            none(),
                            ""),
                        field(at(27, 20), 5, named(at(27, 6), "shared.Things"), "things"),
                        field(at(28, 18), 6, named(at(28, 6), "SharedThing"), "aliased")),
                    none(),
                    ""),
                new DefinitionElement.Service(
                    at(31, 9),
                    "Headers",
                    "shared.BaseService",
                    at(31, 25),
                    List.of(
                        new Function(
                            at(32, 16),
                            "get",
                            false,
                            named(at(32, 3), "shared.Thing"),
                            List.of(field(at(32, 27), 1, base(at(32, 23), "i64"), "id")),
                            List.of(
                                field(
                                    at(32, 61),
                                    1,
                                    named(at(32, 42), "shared.SharedError"),
                                    "error")),
                            none(),
                            "")),
                    none(),
                    ""),
                new DefinitionElement.Service(
                    at(35, 9), "Shelf", "library.Catalog", at(35, 23), List.of(), none(), "")));

    assertSameTree(expected, actual);
  }

  @Test
  void docCommentsAttachToTheDefinitionFieldValueOrFunctionThatFollows() {
    FileElement actual = parse("comments.thrift");

    FileElement expected =
        new FileElement(
            file,
            List.of(),
            List.of(
                new FileElement.Namespace(at(5, 1), "java", "dev.skiff.corpus.comments", none())),
            List.of(),
            List.of(
                new DefinitionElement.Struct(
                    at(12, 8),
                    StructKind.STRUCT,
                    "Documented",
                    List.of(
                        new FieldElement(
                            at(14, 10),
                            1,
                            Requiredness.DEFAULT,
                            base(at(14, 6), "i32"),
                            "documented",
                            false,
                            null,
                            none(),
                            "A documented field."),
                        field(at(16, 10), 2, base(at(16, 6), "i32"), "undocumented"),
                        field(at(18, 10), 3, base(at(18, 6), "i32"), "also_undocumented")),
                    none(),
                    "A documented struct.\n\nIts doc has two paragraphs."),
                new DefinitionElement.Enum(
                    at(22, 6),
                    "Documents",
                    List.of(
                        new EnumMember(at(24, 3), "FIRST", null, none(), "A documented value."),
                        member(at(25, 3), "SECOND", 2L)),
                    none(),
                    "A documented enum."),
                new DefinitionElement.Service(
                    at(29, 9),
                    "Commented",
                    null,
                    null,
                    List.of(
                        new Function(
                            at(33, 8),
                            "call",
                            false,
                            null,
                            List.of(
                                new FieldElement(
                                    at(33, 50),
                                    1,
                                    Requiredness.DEFAULT,
                                    base(at(33, 46), "i32"),
                                    "arg",
                                    false,
                                    null,
                                    none(),
                                    "A documented argument.")),
                            List.of(),
                            none(),
                            "A documented function.")),
                    none(),
                    "A documented service."),
                new DefinitionElement.Const(
                    at(37, 11),
                    "EMPTY_DOC",
                    base(at(37, 7), "i32"),
                    new ConstValueElement.IntLiteral(at(37, 23), 1, "1"),
                    ""),
                new DefinitionElement.Const(
                    at(41, 11),
                    "NO_DOC",
                    base(at(41, 7), "i32"),
                    new ConstValueElement.IntLiteral(at(41, 20), 2, "2"),
                    "")));

    assertSameTree(expected, actual);
  }

  /** Equal trees; else a failure that shows where they part, not two pages of toString(). */
  static void assertSameTree(Object expected, Object actual) {
    if (expected.equals(actual)) {
      return;
    }
    String want = expected.toString();
    String got = actual.toString();
    int at = 0;
    while (at < want.length() && at < got.length() && want.charAt(at) == got.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 120);
    fail(
        "trees differ at character "
            + at
            + "\nexpected: ..."
            + want.substring(from, Math.min(want.length(), at + 80))
            + "\nactual:   ..."
            + got.substring(from, Math.min(got.length(), at + 80)));
  }

  private FileElement parse(String name) {
    file = Path.of(name);
    Diagnostics diagnostics = new Diagnostics();
    String text = TestFiles.read(TestFiles.corpus().resolve(name));
    FileElement element = IdlParser.parse(file, text, diagnostics).orElseThrow();
    assertEquals(
        List.of(), diagnostics.all().stream().filter(Diagnostic::isError).toList(), "errors");
    return element;
  }

  private Location at(int line, int column) {
    return new Location(file, line, column);
  }

  private static List<AnnotationElement> none() {
    return List.of();
  }

  private static EnumMember member(Location location, String name, Long value) {
    return new EnumMember(location, name, value, none(), "");
  }

  private static TypeElement.Base base(Location location, String name) {
    return new TypeElement.Base(location, name, none());
  }

  private static TypeElement.Named named(Location location, String name) {
    return new TypeElement.Named(location, name, none());
  }

  /** A field with an id, default requiredness and nothing else. */
  private static FieldElement field(Location location, int id, TypeElement type, String name) {
    return new FieldElement(
        location, id, Requiredness.DEFAULT, type, name, false, null, none(), "");
  }
}
