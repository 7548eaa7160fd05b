package dev.skiff.idl.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.ErrorCases;
import dev.skiff.idl.TestFiles;
import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per check: each file under {@code errors/} draws exactly the errors listed in {@link
 * ErrorCases}, message, line and column; the checks those files do not reach are tested here on
 * small inline sources.
 */
class ChecksTest {

  static Stream<ErrorCases.Case> cases() {
    return ErrorCases.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachErrorFileDrawsItsErrors(ErrorCases.Case errorCase) {
    Path errors = TestFiles.errors();
    SchemaLoader loader = new SchemaLoader(List.of(), file -> readIfPresent(errors.resolve(file)));

    Diagnostics diagnostics = new Diagnostics();
    IdlException thrown =
        assertThrows(
            IdlException.class, () -> loader.load(List.of(Path.of(errorCase.file())), diagnostics));

    assertEquals(errorCase.errors(), errorsOf(thrown.diagnostics()));
    assertEquals(diagnostics.all(), thrown.diagnostics());
  }

  @Test
  void everyErrorFileHasACase() {
    List<String> files =
        TestFiles.thriftFiles(TestFiles.errors()).stream()
            .map(f -> f.getFileName().toString())
            .toList();
    List<String> cases = ErrorCases.ALL.stream().map(ErrorCases.Case::file).sorted().toList();
    assertEquals(files, cases);
  }

  // ---- includes ------------------------------------------------------------------------------

  @Test
  void includesAreFoundRelativeToTheIncludingFileBeforeIncludeDirectories() {
    Map<String, String> files =
        Map.of(
            "app/main.thrift", "include \"types.thrift\"\nstruct Main { 1: types.Local local }",
            "app/types.thrift", "struct Local {}",
            "lib/types.thrift", "struct Library {}");

    assertEquals(List.of(), errors(files, List.of(Path.of("lib")), "app/main.thrift"));
  }

  @Test
  void includeDirectoriesAreSearchedInOrder() {
    Map<String, String> files =
        Map.of(
            "app/main.thrift", "include \"types.thrift\"\nstruct Main { 1: types.Second s }",
            "first/other.thrift", "",
            "second/types.thrift", "struct Second {}");

    assertEquals(
        List.of(), errors(files, List.of(Path.of("first"), Path.of("second")), "app/main.thrift"));
  }

  @Test
  void includeNotFoundNamesWhereItLooked() {
    Map<String, String> files = Map.of("app/main.thrift", "include \"types.thrift\"");

    assertEquals(
        List.of(
            "app/main.thrift:1:1: error: include not found: 'types.thrift' (searched app, lib)"),
        errors(files, List.of(Path.of("lib")), "app/main.thrift"));
  }

  @Test
  void anIncludePathNoFileCanHave() {
    assertEquals(
        List.of("t.thrift:1:1: error: include not found: 'a\0b.thrift' (searched .)"),
        errors("include \"a\0b.thrift\""));
  }

  @Test
  void includedNamesNeedTheirProgramPrefix() {
    Map<String, String> files =
        Map.of(
            "main.thrift", "include \"types.thrift\"\nstruct Main { 1: Local local }",
            "types.thrift", "struct Local {}");

    assertEquals(
        List.of("main.thrift:2:18: error: unknown type 'Local'"), errors(files, "main.thrift"));
  }

  @Test
  void includesAreNotTransitive() {
    Map<String, String> files =
        Map.of(
            "a.thrift", "include \"b.thrift\"\nstruct A { 1: c.C c }",
            "b.thrift", "include \"c.thrift\"",
            "c.thrift", "struct C {}");

    assertEquals(List.of("a.thrift:2:15: error: unknown type 'c.C'"), errors(files, "a.thrift"));
  }

  @Test
  void aFileIncludingItselfIsACycle() {
    Map<String, String> files = Map.of("self.thrift", "include \"self.thrift\"");

    assertEquals(
        List.of("self.thrift:1:1: error: include cycle: self.thrift -> self.thrift"),
        errors(files, "self.thrift"));
  }

  @Test
  void twoProgramsWithTheSameName() {
    Map<String, String> files =
        Map.of(
            "main.thrift", "include \"a/types.thrift\"\ninclude \"b/types.thrift\"",
            "a/types.thrift", "",
            "b/types.thrift", "");

    assertEquals(
        List.of(
            "b/types.thrift: error: two IDL files have the program name 'types': a/types.thrift"
                + " and b/types.thrift"),
        errors(files, "main.thrift"));
  }

  @Test
  void aDiamondOfIncludesIsFine() {
    Map<String, String> files =
        Map.of(
            "top.thrift",
                "include \"left.thrift\"\ninclude \"right.thrift\"\n"
                    + "struct Top { 1: left.L l, 2: right.R r }",
            "left.thrift", "include \"base.thrift\"\nstruct L { 1: base.B b }",
            "right.thrift", "include \"base.thrift\"\nstruct R { 1: base.B b }",
            "base.thrift", "struct B {}");

    assertEquals(List.of(), errors(files, "top.thrift"));
  }

  // ---- types and definitions -----------------------------------------------------------------

  @Test
  void aServiceOrConstantIsNotAType() {
    assertEquals(
        List.of(
            "t.thrift:3:15: error: 'S' is a service, not a type",
            "t.thrift:3:23: error: 'C' is a constant, not a type"),
        errors("service S {}\nconst i32 C = 1\nstruct T { 1: S s, 2: C c }"));
  }

  @Test
  void aTypedefOfItself() {
    assertEquals(List.of("t.thrift:1:11: error: typedef cycle: T -> T"), errors("typedef T T"));
  }

  @Test
  void unknownTypesInEveryPosition() {
    assertEquals(
        List.of(
            "t.thrift:1:9: error: unknown type 'A'",
            "t.thrift:2:11: error: unknown type 'B'",
            "t.thrift:3:13: error: unknown type 'C'",
            "t.thrift:3:20: error: unknown type 'D'",
            "t.thrift:3:36: error: unknown type 'E'",
            "t.thrift:4:19: error: unknown type 'F'"),
        errors(
            "typedef A TA\n"
                + "const set<B> SB = []\n"
                + "service S { C f(1: D d) throws (1: E e) }\n"
                + "struct T { 1: map<F, i32> m }"));
  }

  @Test
  void duplicateMethodAgainstAServiceOfAnIncludedFile() {
    Map<String, String> files =
        Map.of(
            "main.thrift",
                "include \"base.thrift\"\nservice Main extends base.Base {\n  void ping()\n}",
            "base.thrift", "service Base { void ping() }");

    assertEquals(
        List.of(
            "main.thrift:3:8: error: method 'ping' of service 'Main' is already defined by the"
                + " service it extends, at base.thrift:1:21"),
        errors(files, "main.thrift"));
  }

  @Test
  void aMethodInheritedFromAGrandparentIsADuplicateToo() {
    assertEquals(
        List.of(
            "t.thrift:3:28: error: method 'f' of service 'C' is already defined by the service it"
                + " extends, at t.thrift:1:18"),
        errors(
            "service A { void f() }\n"
                + "service B extends A { void g() }\n"
                + "service C extends B { void f() }"));
  }

  @Test
  void serviceInheritanceCycle() {
    List<String> errors = errors("service A extends B {}\nservice B extends A {}");

    assertEquals(
        List.of(
            "t.thrift:1:9: error: service inheritance cycle: A -> B -> A",
            "t.thrift:2:9: error: service inheritance cycle: B -> A -> B"),
        errors);
  }

  @Test
  void enumValuesMustFitAnI32() {
    assertEquals(
        List.of(
            "t.thrift:1:10: error: value 3000000000 of 'A' is out of the i32 range",
            "t.thrift:2:26: error: value 2147483648 of 'C' is out of the i32 range"),
        errors("enum E { A = 3000000000 }\nenum F { B = 2147483647, C }"));
  }

  @Test
  void fieldIdsMustFitAnI16() {
    assertEquals(
        List.of("t.thrift:1:12: error: field id 32768 is out of the i16 range"),
        errors("struct S { 32768: i32 a }"));
  }

  // ---- constants -----------------------------------------------------------------------------

  @Test
  void integersMustFitTheirType() {
    assertEquals(
        List.of(
            "t.thrift:1:15: error: value 32768 is out of range for i16 (-32768 to 32767)",
            "t.thrift:2:15: error: value -2147483649 is out of range for i32 (-2147483648 to"
                + " 2147483647)",
            "t.thrift:3:14: error: value 0x80 is out of range for i8 (-128 to 127)",
            "t.thrift:4:35: error: value 128 is out of range for i8 (-128 to 127)"),
        errors(
            "const i16 A = 32768\n"
                + "const i32 B = -2147483649\n"
                + "const i8 C = 0x80\n"
                + "struct S { 1: list<i8> l = [-128, 128] }"));
  }

  @Test
  void integersMustFitAnI64() {
    // Found while parsing, so reported with the other syntax-level errors, before linking.
    assertEquals(
        List.of(
            "t.thrift:1:15: error: integer 9223372036854775808 is out of the i64 range",
            "t.thrift:2:15: error: integer -0x8000000000000001 is out of the i64 range"),
        errors("const i64 A = 9223372036854775808\nconst i64 B = -0x8000000000000001"));
  }

  @Test
  void valuesMustBeOfTheirType() {
    assertEquals(
        List.of(
            "t.thrift:1:16: error: expected true, false, 0 or 1 for a bool, found 2",
            "t.thrift:2:15: error: expected an integer for an i32, found 1.5",
            "t.thrift:3:18: error: expected a number for a double, found \"x\"",
            "t.thrift:4:18: error: expected a string literal for a string, found 5",
            "t.thrift:5:16: error: expected a uuid string such as"
                + " \"00000000-0000-0000-0000-000000000000\", found \"nope\"",
            "t.thrift:6:21: error: expected a list literal [...], found \"abc\"",
            "t.thrift:7:28: error: expected a map literal {k: v, ...}, found a list",
            "t.thrift:8:24: error: expected an integer for an i32, found \"b\""),
        errors(
            "const bool A = 2\n"
                + "const i32 B = 1.5\n"
                + "const double C = \"x\"\n"
                + "const string D = 5\n"
                + "const uuid E = \"nope\"\n"
                + "const list<i32> F = \"abc\"\n"
                + "const map<string, i32> G = [1]\n"
                + "const set<i32> H = [1, \"b\"]"));
  }

  @Test
  void structConstants() {
    assertEquals(
        List.of(
            "t.thrift:3:14: error: 'P' has no field 'z'",
            "t.thrift:4:14: error: expected a field name in quotes, found 1",
            "t.thrift:5:19: error: expected an integer for an i32, found \"one\"",
            "t.thrift:6:13: error: a value of union 'U' sets exactly one field, not 2",
            "t.thrift:7:13: error: expected a map of field names to values for P, found 5"),
        errors(
            "struct P { 1: i32 x }\n"
                + "union U { 1: i32 a, 2: i32 b }\n"
                + "const P A = {\"z\": 1}\n"
                + "const P B = {1: 1}\n"
                + "const P C = {\"x\": \"one\"}\n"
                + "const U D = {\"a\": 1, \"b\": 2}\n"
                + "const P E = 5"));
  }

  @Test
  void enumConstantsAndDefaults() {
    assertEquals(
        List.of(
            "t.thrift:3:13: error: 'F.Z' is a value of 'F', not of enum 'E'",
            "t.thrift:4:13: error: unknown value 7 for enum 'E'",
            "t.thrift:5:21: error: unknown value 'C' for enum 'E'",
            "t.thrift:6:22: error: unknown value 2 for enum 'E'"),
        errors(
            "enum E { A, B }\n"
                + "enum F { Z }\n"
                + "const E X = F.Z\n"
                + "const E Y = 7\n"
                + "struct S { 1: E e = C,\n"
                + "            2: E f = 2 }"));
  }

  @Test
  void unknownConstant() {
    assertEquals(
        List.of("t.thrift:1:15: error: unknown constant 'NOPE'"), errors("const i32 X = NOPE"));
  }

  @Test
  void aConstantThatDoesNotFitWhereItIsUsedIsReportedAtTheUse() {
    assertEquals(
        List.of(
            "t.thrift:2:14: error: constant 'BIG' of type i64 does not fit i8",
            "t.thrift:3:33: error: constant 'BIG' of type i64 does not fit i16"),
        errors(
            "const i64 BIG = 5000000000\n"
                + "const i8 X = BIG\n"
                + "struct S { 1: list<i16> l = [1, BIG] }"));
  }

  @Test
  void constantCycles() {
    assertEquals(
        List.of(
            "t.thrift:1:11: error: constant cycle: X -> Y -> X",
            "t.thrift:3:11: error: constant cycle: Z -> Z"),
        errors("const i32 X = Y\nconst i32 Y = X\nconst i32 Z = Z"));
  }

  @Test
  void badEscapeInAString() {
    assertEquals(
        List.of(
            "t.thrift:1:20: error: bad escape '\\q' in string literal; Thrift allows \\r \\n \\t"
                + " \\\" \\' \\\\"),
        errors("const string S = \"a\\qb\""));
  }

  // ---- syntax --------------------------------------------------------------------------------

  @Test
  void everySyntaxErrorOfAFileIsReportedWithoutFollowOnErrors() {
    assertEquals(
        List.of(
            "t.thrift:1:16: error: unexpected '}'",
            "t.thrift:2:12: error: unexpected ':'",
            "t.thrift:3:24: error: unexpected 'c', expected '>'",
            "t.thrift:5:1: error: unexpected 'enum'",
            "t.thrift:6:29: error: unexpected '}'"),
        errors(
            "struct A { i32 }\n"
                + "struct B { : i32 b }\n"
                + "struct C { 1: list<i32 c }\n"
                + "const i32 X =\n"
                + "enum E { A = x }\n"
                + "struct D { 1: i32 d = [1, 2 }\n"
                + "struct Fine { 1: i32 f }\n"));
  }

  @Test
  void aMissingClosingBraceIsReportedOnce() {
    assertEquals(
        List.of("t.thrift:2:1: error: unexpected 'struct'"),
        errors("struct A { 1: i32 a\nstruct B { 1: i32 b }\nstruct C { 1: i32 c }\n"));
  }

  @Test
  void syntaxErrorsInSeveralFilesAreAllReported() {
    Map<String, String> files =
        Map.of(
            "a.thrift", "struct A {",
            "b.thrift", "struct B { 1: i32 }");

    assertEquals(
        List.of(
            "a.thrift:1:11: error: unexpected end of file", "b.thrift:1:19: error: unexpected '}'"),
        errors(files, List.of(), "a.thrift", "b.thrift"));
  }

  @Test
  void unexpectedCharacters() {
    assertEquals(
        List.of(
            "t.thrift:1:8: error: unexpected character '@'",
            "t.thrift:2:8: error: unexpected character U+0000"),
        errors("struct @A {}\nstruct \0B {}"));
  }

  @Test
  void anUnknownWordAmongTheHeaders() {
    assertEquals(
        List.of("t.thrift:1:1: error: unexpected 'packages'"), errors("packages com.example"));
  }

  @Test
  void headersAfterDefinitions() {
    assertEquals(
        List.of("t.thrift:2:1: error: unexpected 'namespace'"),
        errors("struct A {}\nnamespace java x"));
  }

  @Test
  void aDocCommentOrStringThatNeverEnds() {
    assertEquals(
        List.of("t.thrift:2:1: error: unterminated comment"), errors("struct A {}\n/** doc"));
    assertEquals(
        List.of("t.thrift:1:18: error: unterminated string literal"),
        errors("const string S = 'abc"));
  }

  @Test
  void nestingThousandsDeepIsAnErrorNotACrash() {
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    List<String> errors = errors("const list<i32> X = " + deep);

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).contains("error: types or values are nested too deeply to parse"),
        errors.get(0));
  }

  @Test
  void definitionsChainedThousandsDeepAreAnErrorNotACrash() {
    StringBuilder idl = new StringBuilder();
    int n = 50_000;
    for (int i = 0; i < n - 1; i++) {
      idl.append("typedef T").append(i + 1).append(" T").append(i).append('\n');
    }
    idl.append("typedef i32 T").append(n - 1).append('\n');

    assertEquals(
        List.of("t.thrift: error: definitions refer to one another too deeply to link"),
        errors(idl.toString()));
  }

  @Test
  void valuesNestedPastTheLimitAreAnErrorNotACrash() {
    // Found by IdlCompilerFuzzTest: near the end of the stack the JDK's regex compiler turned the
    // StackOverflowError into a PatternSyntaxException, which escaped.
    String deep = "{1: ".repeat(3000) + "2" + "}".repeat(3000);

    assertEquals(
        List.of("t.thrift:1:281: error: list and map values are nested more than 64 deep"),
        errors("const map<i32, i32> M = " + deep));
  }

  @Test
  void containerTypesWrittenPastTheLimitAreAnError() {
    String deep = "list<".repeat(100) + "i32" + ">".repeat(100);

    assertEquals(
        List.of("t.thrift:1:329: error: container types are nested more than 64 deep"),
        errors("typedef " + deep + " T"));
  }

  @Test
  void typedefsNestingContainersPastTheLimitAreAnError() {
    StringBuilder idl = new StringBuilder("typedef list<i32> T0\n");
    for (int i = 1; i <= 100; i++) {
      idl.append("typedef list<T").append(i - 1).append("> T").append(i).append('\n');
    }
    idl.append("struct S { 1: T100 f }\n");

    assertEquals(
        List.of(
            "t.thrift:65:9: error: type nests containers 65 deep (typedefs included); the limit"
                + " is 64"),
        errors(idl.toString()));
  }

  @Test
  void typedefsThatDoubleATypeAtEachStepAreAnError() {
    // Generated code grows with the expanded type: T9 has 1023 parts; T40 would never finish.
    StringBuilder idl = new StringBuilder("typedef i32 T0\n");
    for (int i = 1; i <= 40; i++) {
      idl.append("typedef map<T").append(i - 1).append(", T").append(i - 1).append("> T");
      idl.append(i).append('\n');
    }
    idl.append("struct S { 1: T40 f }\n");

    assertEquals(
        List.of(
            "t.thrift:10:9: error: type has more than 1000 parts once its typedefs are expanded"),
        errors(idl.toString()));
  }

  // ---- files ---------------------------------------------------------------------------------

  @Test
  void aMissingRootFile() {
    assertEquals(
        List.of("nope.thrift: error: file not found: nope.thrift"),
        errors(Map.of(), "nope.thrift"));
  }

  @Test
  void filesFromDiskThatCannotBeRead() throws Exception {
    Path dir = Files.createTempDirectory("skiff-checks");
    try {
      Path binary = dir.resolve("binary.thrift");
      Files.write(binary, new byte[] {'s', 't', (byte) 0xff, (byte) 0xfe, 0, 1});
      List<String> errors = new ArrayList<>();
      for (Path file : List.of(dir, binary)) {
        IdlException e =
            assertThrows(
                IdlException.class,
                () -> new SchemaLoader(List.of()).load(List.of(file), new Diagnostics()));
        errors.addAll(errorsOf(e.diagnostics()));
      }

      assertEquals(
          List.of(
              dir + ": error: cannot read " + dir + ": it is a directory",
              binary + ": error: file is not valid UTF-8"),
          errors);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void warningsAloneDoNotFail() {
    Diagnostics diagnostics = new Diagnostics();
    SchemaLoader loader =
        new SchemaLoader(List.of(), inMemory(Map.of("t.thrift", "struct S { byte b }")));

    loader.load(List.of(Path.of("t.thrift")), diagnostics);

    assertEquals(
        List.of(
            "t.thrift:1:12: warning: 'byte' is an alias of 'i8'; write 'i8' to make its sign"
                + " plain",
            "t.thrift:1:17: warning: no field id for 'b' in struct 'S'; assigned -1, which old"
                + " and new peers may not agree on"),
        diagnostics.all().stream().map(Diagnostic::toString).toList());
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The errors of linking {@code idl} as {@code t.thrift}. */
  private static List<String> errors(String idl) {
    return errors(Map.of("t.thrift", idl), "t.thrift");
  }

  private static List<String> errors(Map<String, String> files, String root) {
    return errors(files, List.of(), root);
  }

  /** The errors of linking {@code roots} among in-memory {@code files}, as javac prints them. */
  private static List<String> errors(
      Map<String, String> files, List<Path> includeDirs, String... roots) {
    Diagnostics diagnostics = new Diagnostics();
    try {
      new SchemaLoader(includeDirs, inMemory(files))
          .load(Stream.of(roots).map(Path::of).toList(), diagnostics);
      return List.of();
    } catch (IdlException e) {
      assertEquals(diagnostics.all(), e.diagnostics());
      return errorsOf(e.diagnostics());
    }
  }

  private static SchemaLoader.FileSource inMemory(Map<String, String> files) {
    return file -> Optional.ofNullable(files.get(file.normalize().toString()));
  }

  private static List<String> errorsOf(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
  }

  private static Optional<String> readIfPresent(Path file) {
    return Files.isRegularFile(file) ? Optional.of(TestFiles.read(file)) : Optional.empty();
  }
}
