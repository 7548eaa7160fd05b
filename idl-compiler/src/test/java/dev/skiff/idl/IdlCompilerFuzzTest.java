package dev.skiff.idl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.palantir.javapoet.JavaFile;
import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.DiagnosticPrinter;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import dev.skiff.idl.javagen.JavaGenerator;
import dev.skiff.idl.link.SchemaLoader;
import dev.skiff.idl.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the compiler's front end and Java generator with arbitrary text as {@code .thrift} files.
 * Whatever the text, loading ends in a schema or in an {@link IdlException} whose diagnostics
 * print; a schema that links generates Java or fails with an {@link IdlException}. Any other
 * exception, including a {@link StackOverflowError}, is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the saved inputs in {@code
 * IdlCompilerFuzzTestInputs/}; docs/reliability.md says how to fuzz.
 */
class IdlCompilerFuzzTest {
  private static final Path MAIN = Path.of("main.thrift");
  private static final Path SHARED = Path.of("shared.thrift");

  /** The input, decoded as UTF-8, is the only file. */
  @FuzzTest(maxDuration = "3m")
  void oneFile(byte[] input) {
    compile(Map.of(MAIN, utf8(input, 0, input.length)));
  }

  /**
   * The input up to its first NUL byte is {@code main.thrift}, the rest {@code shared.thrift},
   * which the main file can include by that name (and which can include it back).
   */
  @FuzzTest(maxDuration = "2m")
  void fileWithAnInclude(byte[] input) {
    int split = 0;
    while (split < input.length && input[split] != 0) {
      split++;
    }
    int rest = Math.min(split + 1, input.length);
    compile(Map.of(MAIN, utf8(input, 0, split), SHARED, utf8(input, rest, input.length - rest)));
  }

  private static String utf8(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  private static void compile(Map<Path, String> files) {
    SchemaLoader loader =
        new SchemaLoader(List.of(), path -> Optional.ofNullable(files.get(path.normalize())));
    Diagnostics diagnostics = new Diagnostics();
    Schema schema;
    try {
      schema = loader.load(List.of(MAIN), diagnostics);
    } catch (IdlException e) {
      assertPrintable(e, files);
      return;
    }
    try {
      for (JavaFile file : JavaGenerator.generate(schema, schema.programs())) {
        assertFalse(file.toString().isEmpty());
      }
    } catch (IdlException e) {
      assertPrintable(e, files);
    }
  }

  private static void assertPrintable(IdlException e, Map<Path, String> files) {
    assertFalse(e.diagnostics().isEmpty(), "an IdlException without diagnostics");
    DiagnosticPrinter printer = new DiagnosticPrinter(path -> Optional.ofNullable(files.get(path)));
    for (Diagnostic diagnostic : e.diagnostics()) {
      String printed = printer.format(diagnostic);
      assertTrue(printed.startsWith(diagnostic.toString()), printed);
    }
  }
}
