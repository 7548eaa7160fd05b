package dev.skiff.idl.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.idl.ErrorCases;
import dev.skiff.idl.ErrorCases.Apache;
import dev.skiff.idl.TestFiles;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import dev.skiff.idl.link.SchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the official Apache Thrift compiler ({@code thrift}, Debian's {@code thrift-compiler} 0.17)
 * on the same files as Skiff: it must accept every valid corpus file, and where it rejects one of
 * the error files, Skiff rejects it too. Without {@code thrift} on the PATH this test fails: CI
 * installs it ({@code .ci/run}).
 */
class ApacheThriftCrossCheckTest {
  /**
   * Corpus files Apache Thrift 0.17 rejects, and why; every other corpus file it must accept. The
   * message is a part of what 0.17 prints for the file, checked when that version runs.
   */
  static final Map<String, String> REJECTED_BY_APACHE_0_17 =
      Map.of(
          // Old namespace forms ("Unsupported declaration 'cpp_namespace'"), senum and slist ("no
          // longer supported"), enum defaults without their enum's name ("is unqualified").
          "legacy.thrift", "Unsupported declaration 'cpp_namespace'",
          // Keywords as field names and the uuid type arrived in Thrift 0.18.
          "modern.thrift", "syntax error");

  private static final long TIMEOUT_SECONDS = 10;

  private static String thriftVersion;

  @TempDir Path out;

  @BeforeAll
  static void findThrift() {
    try {
      Process process = new ProcessBuilder("thrift", "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes()).strip();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        fail("'thrift --version' failed: " + version);
      }
      thriftVersion = version;
    } catch (IOException e) {
      fail(
          "the official Apache Thrift compiler 'thrift' is not on the PATH ("
              + e.getMessage()
              + "); install it with 'apt-get install thrift-compiler', as .ci/run does");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  static Stream<Path> corpusFiles() {
    return TestFiles.thriftFiles(TestFiles.corpus()).stream();
  }

  static Stream<ErrorCases.Case> errorCases() {
    return ErrorCases.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void apacheAcceptsEveryValidCorpusFile(Path file) throws Exception {
    Run apache = thrift("-I", TestFiles.corpusIncludeDir().toString(), file.toString());
    String name = file.getFileName().toString();

    String rejectedBecause = REJECTED_BY_APACHE_0_17.get(name);
    if (rejectedBecause == null) {
      assertEquals(Apache.ACCEPTS, apache.outcome(), name + ":\n" + apache.output());
    } else if (thriftVersion.contains(" 0.17.")) {
      assertEquals(Apache.REJECTS, apache.outcome(), name + ":\n" + apache.output());
      if (!apache.output().contains(rejectedBecause)) {
        fail(name + ": expected '" + rejectedBecause + "' in:\n" + apache.output());
      }
    }
  }

  @Test
  void theExclusionsNameCorpusFiles() {
    List<String> names = corpusFiles().map(f -> f.getFileName().toString()).toList();
    for (String excluded : REJECTED_BY_APACHE_0_17.keySet()) {
      assertNotEquals(-1, names.indexOf(excluded), excluded);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void whereApacheRejectsAnErrorFileSkiffRejectsItToo(ErrorCases.Case errorCase) throws Exception {
    Path file = TestFiles.errors().resolve(errorCase.file());

    Run apache = thrift(file.toString());

    assertThrows(
        IdlException.class,
        () -> new SchemaLoader(List.of()).load(List.of(file), new Diagnostics()),
        "Skiff accepts " + file);
    assertEquals(
        errorCase.apache(),
        apache.outcome(),
        "what Apache Thrift does with " + errorCase.file() + ":\n" + apache.output());
  }

  /** What one run of {@code thrift} did. */
  record Run(Apache outcome, String output) {}

  private Run thrift(String... args) throws IOException, InterruptedException {
    Path generated = Files.createTempDirectory(out, "gen");
    Path log = out.resolve(generated.getFileName() + ".log");
    List<String> command = new ArrayList<>(List.of("thrift", "--gen", "java", "-out"));
    command.add(generated.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(generated.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return new Run(Apache.HANGS, Files.readString(log));
    }
    int status = process.exitValue();
    String output = Files.readString(log);
    if (status == 0) {
      return new Run(Apache.ACCEPTS, output);
    }
    // A process killed by signal N exits with 128 + N (139: SIGSEGV).
    boolean killedBySignal = status > 128 && status < 128 + 32;
    return new Run(killedBySignal ? Apache.CRASHES : Apache.REJECTS, output);
  }
}
