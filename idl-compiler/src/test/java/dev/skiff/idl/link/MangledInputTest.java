package dev.skiff.idl.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.TestFiles;
import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.DiagnosticPrinter;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the front end thousands of mangled copies of the corpus and error files (pieces cut,
 * doubled, swapped, brackets and keywords sprinkled in) and checks that every one ends in a schema
 * or in diagnostics that print: never in another exception. The seed is fixed, so a failure
 * repeats.
 */
class MangledInputTest {
  private static final long SEED = Long.getLong("skiff.seed", 20_261_127L);

  /** Mangled copies per file; {@code -Dskiff.mangles=5000 -Dskiff.seed=7} for a longer hunt. */
  private static final int MANGLES_PER_FILE = Integer.getInteger("skiff.mangles", 150);

  private static final String[] SPRINKLES = {
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    ":",
    ";",
    ",",
    "=",
    "&",
    "*",
    "\"",
    "'",
    "\\",
    "/*",
    "*/",
    "/**",
    "//",
    "#",
    "\n",
    "0x",
    "-",
    "+",
    ".",
    "1e",
    "1.",
    "-0x8000000000000000",
    "99999999999999999999",
    "include \"shared.thrift\"",
    "include \"nope.thrift\"",
    "include \"mangled.thrift\"",
    "extends",
    "throws",
    "oneway",
    "void",
    "typedef T T",
    "const",
    "struct",
    "union",
    "exception",
    "service",
    "enum",
    "senum",
    "slist",
    "xsd_all",
    "cpp_type",
    "required",
    "optional",
    "map<",
    "list<",
    "set<",
    "i32",
    "uuid",
    "byte",
    "true",
    "false",
    "shared.Thing",
    "shared.Level.HIGH",
    "\u0000",
    "\u00e9",
    "\ud83d\ude00",
    "\t"
  };

  @Test
  void mangledFilesEndInASchemaOrInDiagnostics() {
    Random random = new Random(SEED);
    Map<String, String> sources = new HashMap<>();
    for (Path file : TestFiles.thriftFiles(TestFiles.corpus())) {
      sources.put(file.getFileName().toString(), TestFiles.read(file));
    }
    sources.put(
        "library.thrift", TestFiles.read(TestFiles.corpusIncludeDir().resolve("library.thrift")));
    sources.put(
        "nested/deep.thrift", TestFiles.read(TestFiles.corpus().resolve("nested/deep.thrift")));
    List<String> originals = new ArrayList<>(sources.values());
    for (Path file : TestFiles.thriftFiles(TestFiles.errors())) {
      originals.add(TestFiles.read(file));
    }

    int withErrors = 0;
    int total = 0;
    for (String original : originals) {
      for (int i = 0; i < MANGLES_PER_FILE; i++) {
        String mangled = mangle(original, random);
        Map<String, String> files = new HashMap<>(sources);
        files.put("mangled.thrift", mangled);
        if (!compiles(files)) {
          withErrors++;
        }
        total++;
      }
    }
    // Most mangled files are wrong; some survive. Both kinds must have been exercised.
    assertTrue(withErrors > total / 2, withErrors + " of " + total + " with errors");
    assertTrue(withErrors < total, "every mangled file had errors");
  }

  /** Whether the files compile; fails the test on anything but diagnostics. */
  private static boolean compiles(Map<String, String> files) {
    Diagnostics diagnostics = new Diagnostics();
    SchemaLoader loader =
        new SchemaLoader(
            List.of(), path -> Optional.ofNullable(files.get(path.normalize().toString())));
    try {
      loader.load(List.of(Path.of("mangled.thrift")), diagnostics);
      return true;
    } catch (IdlException e) {
      DiagnosticPrinter printer =
          new DiagnosticPrinter(path -> Optional.ofNullable(files.get(path.toString())));
      for (Diagnostic diagnostic : e.diagnostics()) {
        String printed = printer.format(diagnostic);
        assertTrue(printed.startsWith(diagnostic.toString()), printed);
      }
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(
          "the front end threw on this input:\n" + files.get("mangled.thrift"), e);
    }
  }

  private static String mangle(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      int length = Math.min(out.length() - at, 1 + random.nextInt(20));
      switch (random.nextInt(5)) {
        case 0 -> out.delete(at, at + length);
        case 1 -> out.insert(at, out.substring(at, at + length));
        case 2 -> out.insert(at, " " + SPRINKLES[random.nextInt(SPRINKLES.length)] + " ");
        case 3 -> out.insert(at, SPRINKLES[random.nextInt(SPRINKLES.length)]);
        default -> {
          int other = out.length() == 0 ? 0 : random.nextInt(out.length());
          int otherLength = Math.min(out.length() - other, length);
          String piece = out.substring(other, other + otherLength);
          out.replace(at, at + length, piece);
        }
      }
    }
    if (random.nextInt(10) == 0) {
      out.setLength(random.nextInt(out.length() + 1));
    }
    return out.toString();
  }
}
