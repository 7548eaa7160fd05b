package dev.skiff.idl.parser;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics that name the offending text in plain words. Keeps
 * one error per line: after the first mistake on a line, what ANTLR's recovery reports next is
 * rarely news.
 */
final class SyntaxErrorListener extends BaseErrorListener {
  private static final int MAX_EXPECTED_SHOWN = 6;

  private final Path file;
  private final Diagnostics diagnostics;
  private final Set<Integer> linesWithErrors = new HashSet<>();

  SyntaxErrorListener(Path file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    if (!linesWithErrors.add(line)) {
      return;
    }
    Location location = new Location(file, line, charPositionInLine + 1);
    if (!(offendingSymbol instanceof Token token)) {
      diagnostics.error(location, antlrMessage);
      return;
    }
    String message =
        switch (token.getType()) {
          case ThriftLexer.UNTERMINATED_LITERAL -> "unterminated string literal";
          case ThriftLexer.UNTERMINATED_COMMENT -> "unterminated comment";
          case ThriftLexer.UNKNOWN_CHAR -> "unexpected character " + describeChar(token.getText());
          case Token.EOF -> "unexpected end of file" + expected(recognizer);
          default -> "unexpected '" + token.getText() + "'" + expected(recognizer);
        };
    diagnostics.error(location, message);
  }

  /** {@code 'x'}, or {@code U+0000} for a character that would not show. */
  private static String describeChar(String text) {
    int c = text.codePointAt(0);
    if (Character.isISOControl(c) || Character.isWhitespace(c) || !Character.isDefined(c)) {
      return String.format("U+%04X", c);
    }
    return "'" + text + "'";
  }

  private static String expected(Recognizer<?, ?> recognizer) {
    if (!(recognizer instanceof Parser parser)) {
      return "";
    }
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (IllegalArgumentException | IllegalStateException noState) {
      return "";
    }
    if (expected.size() == 0 || expected.size() > MAX_EXPECTED_SHOWN) {
      return "";
    }
    String names =
        expected.toList().stream()
            .map(type -> parser.getVocabulary().getDisplayName(type))
            .map(SyntaxErrorListener::friendlyName)
            .collect(Collectors.joining(", "));
    return expected.size() == 1 ? ", expected " + names : ", expected one of " + names;
  }

  private static String friendlyName(String displayName) {
    return switch (displayName) {
      case "IDENTIFIER" -> "a name";
      case "LITERAL" -> "a string literal";
      case "INTEGER", "HEX_INTEGER" -> "an integer";
      case "DOUBLE" -> "a number";
      case "EOF" -> "end of file";
      default -> displayName;
    };
  }
}
