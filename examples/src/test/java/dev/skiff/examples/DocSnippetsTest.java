package dev.skiff.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the docs honest: every {@code ```java} block in the README and in docs/ must appear, up to
 * white space, in the sources of a module of this build (the examples, mostly), so that the build
 * compiles every snippet a reader copies. A block that sketches the shape of generated code (with
 * elisions) is marked {@code ```java generated}; it is not a snippet to copy and is not checked
 * here (the generator's own tests check the generated code).
 */
class DocSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void docsHaveSnippets() throws IOException {
    assertFalse(snippets().isEmpty(), "no ```java blocks found under " + ROOT.resolve("docs"));
  }

  @TestFactory
  Stream<DynamicTest> everySnippetIsCompiledSource() throws IOException {
    String sources = normalize(allJavaSources());
    return snippets().stream()
        .map(
            snippet ->
                DynamicTest.dynamicTest(
                    snippet.file() + ": " + firstLine(snippet.code()),
                    () ->
                        assertTrue(
                            sources.contains(normalize(snippet.code())),
                            "this snippet of "
                                + snippet.file()
                                + " is not in any source file of the build; copy it from one:\n"
                                + snippet.code())));
  }

  record Snippet(String file, String code) {}

  private static List<Snippet> snippets() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path doc : docs) {
      Matcher m = JAVA_BLOCK.matcher(Files.readString(doc));
      while (m.find()) {
        snippets.add(new Snippet(ROOT.relativize(doc).toString(), m.group(1)));
      }
    }
    return snippets;
  }

  private static String allJavaSources() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String module :
        List.of("examples", "runtime", "idl-compiler", "maven-plugin", "interop-tests")) {
      Path src = ROOT.resolve(module).resolve("src");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          all.append(Files.readString(file)).append('\n');
        }
      }
    }
    return all.toString();
  }

  /** Drops white space, and the // [START x] markers that delimit snippets in sources. */
  private static String normalize(String code) {
    return code.lines()
        .filter(line -> !line.strip().matches("// \\[(START|END) [\\w-]+\\]"))
        .collect(Collectors.joining())
        .replaceAll("\\s+", "");
  }

  private static String firstLine(String code) {
    return code.strip().lines().findFirst().orElse("");
  }
}
