package dev.skiff.idl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code skiffc} command line: what it prints, and its exit status. */
class SkiffcTest {
  @TempDir Path dir;

  private String out;
  private String err;

  @Test
  void aValidFileIsCheckedSilently() throws IOException {
    Path file = write("ok.thrift", "struct Ok { 1: i32 id }\n");

    assertEquals(0, run(file.toString()));
    assertEquals("", out);
    assertEquals("", err);
  }

  @Test
  void errorsArePrintedLikeJavacWithTheLineAndACaret() throws IOException {
    Path file =
        write("bad.thrift", "struct Order {\n  1: Customer customer,\n  2: i8 small = 300\n}\n");

    assertEquals(1, run(file.toString()));
    assertEquals("", out);
    assertEquals(
        file
            + ":2:6: error: unknown type 'Customer'\n"
            + "  1: Customer customer,\n"
            + "     ^\n"
            + file
            + ":3:17: error: value 300 is out of range for i8 (-128 to 127)\n"
            + "  2: i8 small = 300\n"
            + "                ^\n"
            + "2 errors\n",
        err);
  }

  @Test
  void theCaretFollowsTabs() throws IOException {
    Path file = write("tabs.thrift", "struct T {\n\t1:\tNope nope\n}\n");

    assertEquals(1, run(file.toString()));
    assertEquals(
        file
            + ":2:5: error: unknown type 'Nope'\n"
            + "\t1:\tNope nope\n"
            + "\t  \t^\n"
            + "1 error\n",
        err);
  }

  @Test
  void warningsGoToStandardErrorAndTheExitStatusIsZero() throws IOException {
    Path file = write("warn.thrift", "struct W {\n  byte b\n}\n");

    assertEquals(0, run(file.toString()));
    assertEquals("", out);
    assertEquals(
        file
            + ":2:3: warning: 'byte' is an alias of 'i8'; write 'i8' to make its sign plain\n"
            + "  byte b\n"
            + "  ^\n"
            + file
            + ":2:8: warning: no field id for 'b' in struct 'W'; assigned -1, which old and new"
            + " peers may not agree on\n"
            + "  byte b\n"
            + "       ^\n",
        err);
  }

  @Test
  void everyErrorOfEveryFileIsReported() throws IOException {
    Path a = write("a.thrift", "struct A { 1: X x }\n");
    Path b = write("b.thrift", "struct B { 1: Y y }\n");

    assertEquals(1, run(a.toString(), b.toString()));
    assertTrue(err.contains(a + ":1:15: error: unknown type 'X'"), err);
    assertTrue(err.contains(b + ":1:15: error: unknown type 'Y'"), err);
    assertTrue(err.endsWith("2 errors\n"), err);
  }

  @Test
  void includeDirectoriesInBothSpellings() {
    Path headers = TestFiles.corpus().resolve("headers.thrift");
    Path includeDir = TestFiles.corpusIncludeDir();

    assertEquals(0, run("-I", includeDir.toString(), headers.toString()));
    assertEquals(0, run("-I" + includeDir, headers.toString()));
    assertEquals(0, run("--include-dir", includeDir.toString(), headers.toString()));
    assertEquals(1, run(headers.toString()));
    assertTrue(err.contains("include not found: 'library.thrift'"), err);
  }

  @Test
  void theWholeCorpusChecks() {
    List<String> args = new ArrayList<>(List.of("-I", TestFiles.corpusIncludeDir().toString()));
    TestFiles.thriftFiles(TestFiles.corpus()).forEach(f -> args.add(f.toString()));

    assertEquals(0, run(args.toArray(String[]::new)), err);
    assertFalse(err.contains("error"), err);
  }

  @Test
  void help() {
    assertEquals(0, run("--help"));
    assertTrue(out.startsWith("usage: skiffc [-I DIR]... [-o DIR] FILE...\n"), out);
    assertTrue(out.contains("Exit status: 0 on success, 1 on errors in the input, 2 on bad usage"));
    assertEquals("", err);
    assertEquals(0, run("-h"));
  }

  @Test
  void version() {
    assertEquals(0, run("--version"));
    assertTrue(out.matches("skiffc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out);
    assertEquals("", err);
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run());
    assertEquals("skiffc: no input files\ntry 'skiffc --help'\n", err);
    assertEquals(2, run("--frobnicate", "x.thrift"));
    assertEquals("skiffc: unknown option '--frobnicate'\ntry 'skiffc --help'\n", err);
    assertEquals(2, run("x.thrift", "-I"));
    assertEquals("skiffc: -I needs a directory\ntry 'skiffc --help'\n", err);
    assertEquals(2, run("-o", "a", "-o", "b", "x.thrift"));
    assertEquals("skiffc: -o given twice\ntry 'skiffc --help'\n", err);
    assertEquals("", out);
  }

  @Test
  void inputsThatAreNotIdlFilesDrawAnErrorNeverAStackTrace() throws IOException {
    Path missing = dir.resolve("missing.thrift");
    Path binary = dir.resolve("binary.thrift");
    Files.write(binary, new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0});
    Path garbage = write("garbage.thrift", "\u0001\u0002 {{{ ]]] ;;; <<< \"\n'''");
    Path deep = write("deep.thrift", "const list<i32> X = " + "[".repeat(100_000));

    assertEquals(1, run(dir.toString()));
    assertEquals(dir + ": error: cannot read " + dir + ": it is a directory\n1 error\n", err);
    assertEquals(1, run(missing.toString()));
    assertEquals(missing + ": error: file not found: " + missing + "\n1 error\n", err);
    assertEquals(1, run(binary.toString()));
    assertEquals(binary + ": error: file is not valid UTF-8\n1 error\n", err);
    assertEquals(1, run(garbage.toString()));
    assertTrue(err.startsWith(garbage + ":1:1: error: unexpected character U+0001\n"), err);
    assertEquals(1, run(deep.toString()));
    assertTrue(err.contains("error: types or values are nested too deeply to parse"), err);
  }

  @Test
  void anEmptyFileIsAValidProgram() throws IOException {
    Path empty = write("empty.thrift", "");
    Path comments = write("comments.thrift", "// nothing\n/* at all */\n# here\n");

    assertEquals(0, run(empty.toString(), comments.toString()));
    assertEquals("", err);
  }

  @Test
  @Timeout(60)
  void theMainMethodExitsWithTheStatus() throws Exception {
    Path bad = write("bad.thrift", "struct B { 1: Nope n }\n");
    Path good = write("good.thrift", "struct G {}\n");

    assertEquals(1, exitStatusOf(bad.toString()));
    assertEquals(0, exitStatusOf(good.toString()));
    assertEquals(2, exitStatusOf("--no-such-option"));
  }

  private int run(String... args) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      status = new Skiffc(outStream, errStream).run(args);
    }
    out = outBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    err = errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    assertFalse(err.contains("\tat "), "a stack trace: " + err);
    assertFalse(err.contains("Exception"), "an exception: " + err);
    return status;
  }

  /** Runs {@code skiffc} in a JVM of its own, as {@code java -jar skiffc.jar} would. */
  private int exitStatusOf(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Skiffc.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    assertTrue(process.waitFor(50, TimeUnit.SECONDS), "skiffc did not finish");
    String log = Files.readString(dir.resolve("log"));
    assertFalse(log.contains("\tat "), "a stack trace: " + log);
    return process.exitValue();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
