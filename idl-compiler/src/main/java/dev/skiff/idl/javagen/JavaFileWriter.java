package dev.skiff.idl.javagen;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes generated files under a source root, one directory per package, in UTF-8. */
public final class JavaFileWriter {
  private JavaFileWriter() {}

  /**
   * Writes {@code files} under {@code outputDirectory}, replacing files of the same names.
   *
   * @param files the generated files
   * @param outputDirectory a source root such as {@code target/generated-sources/skiff}; created if
   *     missing
   * @return the paths written, in the order of {@code files}
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<JavaFile> files, Path outputDirectory) throws IOException {
    List<Path> written = new ArrayList<>(files.size());
    for (JavaFile file : files) {
      written.add(file.writeToPath(outputDirectory, StandardCharsets.UTF_8));
    }
    return written;
  }
}
