package dev.skiff.idl.parser;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import dev.skiff.idl.element.FileElement;
import java.nio.file.Path;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses one IDL file into a {@link FileElement}. Syntax errors and warnings go to the given {@link
 * Diagnostics}; the parser recovers and goes on, so that one run reports every mistake. Stateless
 * and thread-safe.
 */
public final class IdlParser {
  private IdlParser() {}

  /**
   * @param file the file's path, used in locations
   * @param text the file's contents
   * @param diagnostics where errors and warnings go
   * @return the file's elements, or empty when it has syntax errors: a tree that ANTLR recovered
   *     from is not worth checking further, as javac stops after syntax errors too
   */
  public static Optional<FileElement> parse(Path file, String text, Diagnostics diagnostics) {
    ThriftLexer lexer = new ThriftLexer(CharStreams.fromString(text, file.toString()));
    SyntaxErrorListener errors = new SyntaxErrorListener(file, diagnostics);
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    ThriftParser parser = new ThriftParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.setErrorHandler(new ThriftErrorStrategy());
    int errorsBefore = diagnostics.errorCount();
    try {
      ThriftParser.DocumentContext document = parser.document();
      if (diagnostics.errorCount() > errorsBefore) {
        return Optional.empty();
      }
      return Optional.of(new ElementBuilder(file, tokens, diagnostics).build(document));
    } catch (StackOverflowError e) {
      // Brackets nested thousands deep: no real file does this, but it must not crash the run.
      Token at = parser.getCurrentToken();
      diagnostics.error(
          new Location(file, at.getLine(), at.getCharPositionInLine() + 1),
          "types or values are nested too deeply to parse");
      return Optional.empty();
    }
  }
}
