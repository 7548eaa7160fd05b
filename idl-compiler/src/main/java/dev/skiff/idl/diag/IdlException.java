package dev.skiff.idl.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown once at the end of a stage that found errors in the input; carries all diagnostics of the
 * run (warnings included), in source order.
 */
public final class IdlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public IdlException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
