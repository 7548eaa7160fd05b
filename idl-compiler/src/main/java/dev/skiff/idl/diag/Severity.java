package dev.skiff.idl.diag;

/** How serious a diagnostic is: errors stop code generation, warnings do not. */
public enum Severity {
  WARNING("warning"),
  ERROR("error");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word printed in a message: {@code error} or {@code warning}. */
  public String label() {
    return label;
  }
}
