package dev.skiff.idl.javagen;

import static org.junit.jupiter.api.Assertions.fail;

import com.palantir.javapoet.JavaFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with javac in-process, as strictly as users might: {@code --release 17
 * -Xlint:all -Werror}. Any diagnostic fails the test with the source line it points at.
 */
final class InMemoryCompiler {
  private InMemoryCompiler() {}

  /** A hand-written source compiled alongside the generated ones, such as a test harness. */
  static JavaFileObject source(String className, String text) {
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + className.replace('.', '/') + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  /**
   * Compiles into {@code output} and returns a class loader over it whose parent is the test's own,
   * so that the generated code and the test share the runtime classes on the test class path.
   */
  static ClassLoader compile(
      List<JavaFile> files, List<JavaFileObject> extra, List<Path> classpath, Path output) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> sources = new ArrayList<>();
    files.forEach(f -> sources.add(f.toJavaFileObject()));
    sources.addAll(extra);
    List<String> options =
        List.of(
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            "-encoding",
            "UTF-8",
            "-classpath",
            classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
            "-d",
            output.toString());
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, fileManager, diagnostics, options, null, sources).call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        fail(report(diagnostics.getDiagnostics()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new URLClassLoader(
          new URL[] {output.toUri().toURL()}, InMemoryCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String report(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder out = new StringBuilder("javac reported:\n");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      out.append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(": ")
          .append(d.getMessage(Locale.ROOT))
          .append('\n');
      if (d.getSource() != null && d.getLineNumber() > 0) {
        try {
          String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
          out.append("    ").append(lines[(int) d.getLineNumber() - 1].strip()).append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out.toString();
  }
}
