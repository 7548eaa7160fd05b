package dev.skiff.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.IdlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGeneratorTest {
  @TempDir Path dir;
  private Path idl;
  private Path out;
  private IncrementalGenerator generator;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    idl = Files.createDirectories(dir.resolve("thrift"));
    out = dir.resolve("generated");
    generator =
        new IncrementalGenerator(List.of(), out, dir.resolve("state/state.properties"), log::add);
    write("a.thrift", "namespace java inc\ninclude \"b.thrift\"\nstruct A { 1: b.B b }\n");
    write("b.thrift", "namespace java inc\nstruct B { 1: i32 n }\n");
    write("c.thrift", "namespace java inc\nstruct C { 1: string s }\n");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(idl.resolve(name), text);
  }

  private IncrementalGenerator.Result run() throws IOException {
    try (Stream<Path> files = Files.list(idl)) {
      return generator.run(files.map(Path::toAbsolutePath).sorted().toList(), new Diagnostics());
    }
  }

  private FileTime modified(String javaFile) throws IOException {
    return Files.getLastModifiedTime(out.resolve("inc").resolve(javaFile));
  }

  private void age(String javaFile) throws IOException {
    Files.setLastModifiedTime(out.resolve("inc").resolve(javaFile), FileTime.fromMillis(1000));
  }

  @Test
  void secondRunWithNothingChangedRegeneratesNothing() throws IOException {
    IncrementalGenerator.Result first = run();
    assertEquals(3, first.regenerated());
    assertEquals(3, first.filesWritten());
    age("A.java");
    IncrementalGenerator.Result second = run();
    assertEquals(0, second.regenerated());
    assertEquals(3, second.upToDate());
    assertEquals(FileTime.fromMillis(1000), modified("A.java"));
  }

  @Test
  void editingAnIncludedFileRegeneratesItsDependents() throws IOException {
    run();
    age("A.java");
    age("B.java");
    age("C.java");
    write("b.thrift", "namespace java inc\nstruct B { 1: i32 n, 2: i32 m }\n");
    IncrementalGenerator.Result result = run();
    assertEquals(2, result.regenerated()); // b, and a which includes it
    assertTrue(modified("B.java").toMillis() > 1000);
    assertTrue(modified("A.java").toMillis() > 1000);
    assertEquals(FileTime.fromMillis(1000), modified("C.java"));
    assertTrue(Files.readString(out.resolve("inc/B.java")).contains(" m"));
  }

  @Test
  void deletingAFileRemovesItsOutputs() throws IOException {
    run();
    Files.delete(idl.resolve("c.thrift"));
    IncrementalGenerator.Result result = run();
    assertEquals(1, result.filesDeleted());
    assertFalse(Files.exists(out.resolve("inc/C.java")));
    assertTrue(Files.exists(out.resolve("inc/A.java")));
  }

  @Test
  void renamingATypeRemovesTheOldOutput() throws IOException {
    run();
    write("c.thrift", "namespace java inc\nstruct D { 1: string s }\n");
    run();
    assertFalse(Files.exists(out.resolve("inc/C.java")));
    assertTrue(Files.exists(out.resolve("inc/D.java")));
  }

  @Test
  void addingAFileGeneratesOnlyIt() throws IOException {
    run();
    write("e.thrift", "namespace java inc\nstruct E { 1: string s }\n");
    IncrementalGenerator.Result result = run();
    assertEquals(1, result.regenerated());
    assertTrue(Files.exists(out.resolve("inc/E.java")));
  }

  @Test
  void deletedOutputIsRegenerated() throws IOException {
    run();
    Files.delete(out.resolve("inc/C.java"));
    assertEquals(1, run().regenerated());
    assertTrue(Files.exists(out.resolve("inc/C.java")));
  }

  @Test
  void errorsInTheIdlAreReportedWithTheirLocation() throws IOException {
    write("c.thrift", "struct C { 1: Nope s }\n");
    IdlException e = assertThrows(IdlException.class, this::run);
    assertTrue(
        e.getMessage().contains("c.thrift:1:15: error: unknown type 'Nope'"), e.getMessage());
  }
}
