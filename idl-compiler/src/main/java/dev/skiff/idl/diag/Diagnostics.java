package dev.skiff.idl.diag;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one compiler run, so that a user sees every mistake at once rather
 * than one per run. Not thread-safe: one run owns one instance.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void error(Location location, String message) {
    add(new Diagnostic(Severity.ERROR, location, message));
  }

  public void warning(Location location, String message) {
    add(new Diagnostic(Severity.WARNING, location, message));
  }

  public void add(Diagnostic diagnostic) {
    requireNonNull(diagnostic, "diagnostic");
    if (!all.contains(diagnostic)) {
      all.add(diagnostic);
    }
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) all.stream().filter(Diagnostic::isError).count();
  }

  /** Every diagnostic so far, ordered by file, line and column. */
  public List<Diagnostic> all() {
    return all.stream().sorted(Comparator.comparing(Diagnostic::location)).toList();
  }

  /** Throws {@link IdlException} carrying every diagnostic when any of them is an error. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new IdlException(all());
    }
  }
}
