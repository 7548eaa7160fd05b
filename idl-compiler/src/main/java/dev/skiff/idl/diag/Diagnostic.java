package dev.skiff.idl.diag;

import static java.util.Objects.requireNonNull;

/**
 * One message about the input, tied to a place in it.
 *
 * @param severity error or warning
 * @param location where the problem is
 * @param message a short lower-case sentence without a trailing period, e.g. {@code duplicate field
 *     id 3 in struct 'User'}
 */
public record Diagnostic(Severity severity, Location location, String message) {
  public Diagnostic {
    requireNonNull(severity, "severity");
    requireNonNull(location, "location");
    requireNonNull(message, "message");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The first line of the javac-style report: {@code path:line:col: error: message}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message;
  }
}
