package dev.skiff.idl.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import dev.skiff.idl.element.ConstValueElement;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.FieldElement;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.element.TypeElement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The corners of Thrift's lexical grammar, on small inline sources. */
class LexicalTest {
  private static final Path FILE = Path.of("t.thrift");

  private final Diagnostics diagnostics = new Diagnostics();

  @Test
  void emptyCommentsAreNotDocCommentsThatRunToTheNextCommentEnd() {
    FileElement file =
        parse(
            "/**/\nstruct A {}\n"
                + "/***/\nstruct B {}\n"
                + "/****/\nstruct C {}\n"
                + "/*** banner */\nstruct D {}\n"
                + "/* x */\nstruct E {}\n");

    assertEquals(
        List.of("A", "B", "C", "D", "E"),
        file.definitions().stream().map(DefinitionElement::name).toList());
    assertEquals(
        List.of("", "", "", "banner", ""),
        file.definitions().stream().map(DefinitionElement::doc).toList());
  }

  @Test
  void aDocCommentKeepsItsLinesWithoutTheStars() {
    FileElement file = parse("/**\n * First.\n *\n *   Indented.\n */\nstruct A {}");

    assertEquals("First.\n\n  Indented.", file.definitions().get(0).doc());
  }

  @Test
  void aShebangLineIsAComment() {
    FileElement file = parse("#!/usr/bin/env thrift\nstruct A {}");

    assertEquals("A", file.definitions().get(0).name());
  }

  @Test
  void numbers() {
    assertEquals(new ConstValueElement.IntLiteral(at(1, 15), 31, "0x1F"), value("i32", "0x1F"));
    assertEquals(new ConstValueElement.IntLiteral(at(1, 15), -16, "-0x10"), value("i32", "-0x10"));
    assertEquals(new ConstValueElement.IntLiteral(at(1, 15), 7, "+7"), value("i32", "+7"));
    assertEquals(new ConstValueElement.IntLiteral(at(1, 15), 8, "008"), value("i32", "008"));
    assertEquals(new ConstValueElement.DoubleLiteral(at(1, 18), 0.5, ".5"), value("double", ".5"));
    assertEquals(
        new ConstValueElement.DoubleLiteral(at(1, 18), 1e10, "1e10"), value("double", "1e10"));
    assertEquals(
        new ConstValueElement.DoubleLiteral(at(1, 18), -2.5e-3, "-2.5E-3"),
        value("double", "-2.5E-3"));
    assertEquals(
        new ConstValueElement.DoubleLiteral(at(1, 18), 85.2355, "085.2355"),
        value("double", "085.2355"));
  }

  @Test
  void trueAndFalseAreTheIntegersOneAndZero() {
    assertEquals(new ConstValueElement.IntLiteral(at(1, 16), 1, "true"), value("bool", "true"));
    assertEquals(new ConstValueElement.IntLiteral(at(1, 16), 0, "false"), value("bool", "false"));
  }

  @Test
  void identifiersComeBeforeNumbersAndMayHoldDots() {
    // As in Apache's lexer, e10 is a name, not a number.
    assertEquals(new ConstValueElement.Identifier(at(1, 18), "e10"), value("double", "e10"));
    assertEquals(
        new ConstValueElement.Identifier(at(1, 15), "base.Level.LOW"),
        value("i32", "base.Level.LOW"));
  }

  @Test
  void hexNeedsALowerCaseX() {
    parseWithErrors("const i32 X = 0X1F");

    assertEquals(List.of("t.thrift:1:16: error: unexpected 'X1F'"), errors());
  }

  @Test
  void stringsInEitherQuoteWithTheEscapesApacheAccepts() {
    assertEquals(
        new ConstValueElement.StringLiteral(at(1, 18), "\r\n\t\"'\\"),
        value("string", "\"\\r\\n\\t\\\"\\'\\\\\""));
    assertEquals(
        new ConstValueElement.StringLiteral(at(1, 18), "a \"b\" 'c'"),
        value("string", "'a \"b\" \\'c\\''"));
    assertEquals(
        new ConstValueElement.StringLiteral(at(1, 18), "// not # a /* comment */"),
        value("string", "\"// not # a /* comment */\""));
  }

  @Test
  void otherEscapesAreErrorsAtTheBackslash() {
    parse("const string S = 'ok \\u0041 \\x'");

    assertEquals(
        List.of(
            "t.thrift:1:22: error: bad escape '\\u' in string literal; Thrift allows \\r \\n \\t"
                + " \\\" \\' \\\\",
            "t.thrift:1:29: error: bad escape '\\x' in string literal; Thrift allows \\r \\n \\t"
                + " \\\" \\' \\\\"),
        errors());
  }

  @Test
  void aStringEndsAtTheEndOfItsLine() {
    parseWithErrors("const string S = \"one\ntwo\"\n");

    // The quote on the second line opens another string, which does not end either.
    assertEquals(
        List.of(
            "t.thrift:1:18: error: unterminated string literal",
            "t.thrift:2:4: error: unterminated string literal"),
        errors());
  }

  @Test
  void keywordsNameFields() {
    FileElement file =
        parse(
            "struct K {\n  1: required string optional,\n  2: list<i32> list\n  3: i32 &throws\n}");

    List<FieldElement> fields = ((DefinitionElement.Struct) file.definitions().get(0)).fields();
    assertEquals(
        List.of("optional", "list", "throws"), fields.stream().map(FieldElement::name).toList());
    assertEquals(new TypeElement.Base(at(2, 15), "string", List.of()), fields.get(0).type());
    assertTrue(fields.get(2).reference());
  }

  @Test
  void windowsAndUnixLineEndings() {
    FileElement file = parse("struct A {}\r\nstruct B {}\nstruct C {}");

    assertEquals(
        List.of(at(1, 8), at(2, 8), at(3, 8)),
        file.definitions().stream().map(DefinitionElement::location).toList());
  }

  private ConstValueElement value(String type, String literal) {
    FileElement file = parse("const " + type + " X = " + literal);
    return ((DefinitionElement.Const) file.definitions().get(0)).value();
  }

  private FileElement parse(String text) {
    Optional<FileElement> file = IdlParser.parse(FILE, text, diagnostics);
    assertTrue(file.isPresent(), () -> "syntax errors: " + errors());
    return file.get();
  }

  private void parseWithErrors(String text) {
    assertEquals(Optional.empty(), IdlParser.parse(FILE, text, diagnostics));
  }

  private List<String> errors() {
    return diagnostics.all().stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::toString)
        .toList();
  }

  private static Location at(int line, int column) {
    return new Location(FILE, line, column);
  }
}
