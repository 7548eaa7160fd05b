package dev.skiff.idl.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Collecting diagnostics, and printing them the way javac does. */
class DiagnosticsTest {
  private static final Path A = Path.of("a.thrift");
  private static final Path B = Path.of("b.thrift");

  @Test
  void collectsEveryDiagnosticOnceInSourceOrder() {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.error(new Location(B, 1, 1), "in b");
    diagnostics.warning(new Location(A, 3, 2), "late in a");
    diagnostics.error(new Location(A, 1, 5), "early in a");
    diagnostics.error(new Location(A, 1, 5), "early in a");
    diagnostics.error(new Location(A, 1, 2), "earlier in a");

    assertEquals(
        List.of(
            "a.thrift:1:2: error: earlier in a",
            "a.thrift:1:5: error: early in a",
            "a.thrift:3:2: warning: late in a",
            "b.thrift:1:1: error: in b"),
        diagnostics.all().stream().map(Diagnostic::toString).toList());
    assertEquals(3, diagnostics.errorCount());
    IdlException thrown = assertThrows(IdlException.class, diagnostics::throwIfErrors);
    assertEquals(diagnostics.all(), thrown.diagnostics());
    assertEquals(
        String.join(
            "\n",
            "a.thrift:1:2: error: earlier in a",
            "a.thrift:1:5: error: early in a",
            "a.thrift:3:2: warning: late in a",
            "b.thrift:1:1: error: in b"),
        thrown.getMessage());
  }

  @Test
  void warningsAloneDoNotThrow() {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.warning(new Location(A, 1, 1), "just so you know");

    assertFalse(diagnostics.hasErrors());
    assertEquals(0, diagnostics.errorCount());
    diagnostics.throwIfErrors();
    diagnostics.error(Location.of(A), "now it is wrong");
    assertTrue(diagnostics.hasErrors());
  }

  @Test
  void printsTheLineAndACaretUnderTheColumn() {
    Map<Path, String> sources = Map.of(A, "first\n\tsecond line\nthird");
    DiagnosticPrinter printer =
        new DiagnosticPrinter(file -> Optional.ofNullable(sources.get(file)));

    assertEquals(
        "a.thrift:2:3: error: here\n\tsecond line\n\t ^",
        printer.format(new Diagnostic(Severity.ERROR, new Location(A, 2, 3), "here")));
    assertEquals(
        "a.thrift:3: warning: a whole line\nthird",
        printer.format(new Diagnostic(Severity.WARNING, new Location(A, 3, 0), "a whole line")));
    assertEquals(
        "a.thrift: error: a whole file",
        printer.format(new Diagnostic(Severity.ERROR, Location.of(A), "a whole file")));
    // Past the end of the file, or of a file that cannot be read: the first line alone.
    assertEquals(
        "a.thrift:9:1: error: beyond",
        printer.format(new Diagnostic(Severity.ERROR, new Location(A, 9, 1), "beyond")));
    assertEquals(
        "b.thrift:1:1: error: unreadable",
        printer.format(new Diagnostic(Severity.ERROR, new Location(B, 1, 1), "unreadable")));
    // A column past the end of its line (an unexpected end of file) puts the caret after it.
    assertEquals(
        "a.thrift:1:6: error: end\nfirst\n     ^",
        printer.format(new Diagnostic(Severity.ERROR, new Location(A, 1, 6), "end")));
  }
}
