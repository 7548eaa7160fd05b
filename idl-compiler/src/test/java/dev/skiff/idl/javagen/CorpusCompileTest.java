package dev.skiff.idl.javagen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.link.SchemaLoader;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates Java for every file of the parser's IDL corpus, which collects the forms real-world
 * Thrift files use (every literal, typedef chains, forward references, includes, old syntax), and
 * compiles all of it with {@code -Xlint:all -Werror}.
 */
class CorpusCompileTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @Test
  void theWholeCorpusCompilesWithoutWarnings(@TempDir Path output) throws IOException {
    assertTrue(
        Files.isDirectory(CORPUS),
        "no IDL corpus at " + CORPUS.toAbsolutePath() + "; run the tests from idl-compiler/");

    List<Path> files;
    try (Stream<Path> walk = Files.walk(CORPUS)) {
      files = walk.filter(p -> p.toString().endsWith(".thrift")).sorted().toList();
    }
    // Each program once, however many files include it.
    Map<Path, Schema> schemaOf = new LinkedHashMap<>();
    Map<Path, Program> programs = new LinkedHashMap<>();
    for (Path file : files) {
      Schema schema =
          new SchemaLoader(List.of(CORPUS.resolve("idir"))).load(List.of(file), new Diagnostics());
      for (Program program : schema.programs()) {
        Path key = program.path().toAbsolutePath().normalize();
        if (!programs.containsKey(key)) {
          programs.put(key, program);
          schemaOf.put(key, schema);
        }
      }
    }
    List<JavaFile> generated = new ArrayList<>();
    programs.forEach(
        (path, program) ->
            generated.addAll(JavaGenerator.generate(schemaOf.get(path), List.of(program))));
    assertTrue(programs.size() >= 10, "programs: " + programs.keySet());
    assertTrue(generated.size() >= 40, generated.size() + " files generated");

    InMemoryCompiler.compile(generated, List.of(), RuntimeClasspath.get(), output);
  }
}
