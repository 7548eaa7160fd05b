package dev.skiff.idl.cli;

import dev.skiff.idl.javagen.JavaFileWriter;
import dev.skiff.idl.javagen.JavaGenerator;
import dev.skiff.idl.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The bridge from the command line to the Java generator. */
final class Generation {
  private Generation() {}

  /**
   * Writes Java sources for the schema's root programs (all programs with {@code recurse}).
   *
   * @return how many files were written
   */
  static int writeJava(Schema schema, Path outDir, boolean recurse) {
    try {
      return JavaFileWriter.write(
              JavaGenerator.generate(schema, recurse ? schema.programs() : schema.roots()), outDir)
          .size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
