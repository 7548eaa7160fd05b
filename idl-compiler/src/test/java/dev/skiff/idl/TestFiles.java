package dev.skiff.idl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the test IDL files are: the valid corpus, and the files that each break one rule. */
public final class TestFiles {
  private TestFiles() {}

  /** {@code corpus/}: valid files covering the whole language. */
  public static Path corpus() {
    return resourceDir("/corpus");
  }

  /** {@code corpus/idir/}: the include directory the corpus needs ({@code -I}). */
  public static Path corpusIncludeDir() {
    return corpus().resolve("idir");
  }

  /** {@code errors/}: files with mistakes, one check each. */
  public static Path errors() {
    return resourceDir("/errors");
  }

  /** The top-level {@code .thrift} files of {@code dir}, sorted by name. */
  public static List<Path> thriftFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".thrift")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceDir(String name) {
    URL url = TestFiles.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
