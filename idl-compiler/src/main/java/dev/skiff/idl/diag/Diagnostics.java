package dev.skiff.idl.diag;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one compiler run, so that a user sees every mistake at once rather
 * than one per run. Not thread-safe: one run owns one instance.
 */
public final class Diagnostics {
  /** In the order reported; a set, since two checks may find the same mistake. */
  private final Set<Diagnostic> all = new LinkedHashSet<>();

  private int errors;

  public void error(Location location, String message) {
    add(new Diagnostic(Severity.ERROR, location, message));
  }

  public void warning(Location location, String message) {
    add(new Diagnostic(Severity.WARNING, location, message));
  }

  public void add(Diagnostic diagnostic) {
    requireNonNull(diagnostic, "diagnostic");
    if (all.add(diagnostic) && diagnostic.isError()) {
      errors++;
    }
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
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
