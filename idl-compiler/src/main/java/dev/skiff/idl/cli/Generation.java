package dev.skiff.idl.cli;

import dev.skiff.idl.schema.Schema;
import java.nio.file.Path;

/** The bridge from the command line to the Java generator. */
final class Generation {
  private Generation() {}

  /** Writes Java sources for the schema's root programs (all programs with {@code recurse}). */
  static int writeJava(Schema schema, Path outDir, boolean recurse) {
    throw new IllegalStateException("Java generation is not wired in yet");
  }
}
