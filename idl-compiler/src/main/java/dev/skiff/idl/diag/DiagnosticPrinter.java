package dev.skiff.idl.diag;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Formats diagnostics the way javac does: {@code path:line:col: error: message}, then the source
 * line and a caret under the column. Not thread-safe (it caches source lines).
 */
public final class DiagnosticPrinter {
  private final Function<Path, Optional<String>> sources;
  private final Map<Path, List<String>> lines = new HashMap<>();

  /**
   * @param sources the text of a file, or empty when it cannot be shown
   */
  public DiagnosticPrinter(Function<Path, Optional<String>> sources) {
    this.sources = sources;
  }

  public String format(Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder(diagnostic.toString());
    Location location = diagnostic.location();
    if (location.line() > 0) {
      List<String> fileLines =
          lines.computeIfAbsent(
              location.file(),
              file -> sources.apply(file).map(text -> text.lines().toList()).orElse(List.of()));
      if (location.line() <= fileLines.size()) {
        String line = fileLines.get(location.line() - 1);
        out.append('\n').append(line);
        if (location.column() > 0) {
          out.append('\n').append(caret(line, location.column()));
        }
      }
    }
    return out.toString();
  }

  /** Spaces (tabs where the line has tabs, so the caret lines up) and a caret. */
  private static String caret(String line, int column) {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return caret.append('^').toString();
  }
}
