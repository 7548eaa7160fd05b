package dev.skiff.maven;

import com.palantir.javapoet.JavaFile;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.javagen.JavaFileWriter;
import dev.skiff.idl.javagen.JavaGenerator;
import dev.skiff.idl.link.SchemaLoader;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Generates Java for a set of IDL files, redoing only what changed since the last run.
 *
 * <p>For every root file it records, in a state file, a fingerprint of the file and of every file
 * it includes (directly or not) and the Java files generated from it. A root whose fingerprint is
 * unchanged and whose outputs all exist is left alone; when every root is, nothing is even parsed.
 * Outputs of deleted roots, and outputs a changed root no longer produces, are deleted.
 *
 * <p>Independent of Maven, so it can be tested without it. Not thread-safe.
 */
final class IncrementalGenerator {
  /** What a run did. */
  record Result(int regenerated, int upToDate, int filesWritten, int filesDeleted) {}

  private final List<Path> includeDirs;
  private final Path outputDirectory;
  private final Path stateFile;
  private final Consumer<String> log;

  IncrementalGenerator(
      List<Path> includeDirs, Path outputDirectory, Path stateFile, Consumer<String> log) {
    this.includeDirs = List.copyOf(includeDirs);
    this.outputDirectory = outputDirectory;
    this.stateFile = stateFile;
    this.log = log;
  }

  /**
   * @param roots the IDL files to generate code for, as absolute, normalized paths
   * @throws dev.skiff.idl.diag.IdlException if the IDL has errors
   */
  Result run(List<Path> roots, Diagnostics diagnostics) throws IOException {
    State previous = State.load(stateFile);
    String generator = generatorFingerprint();
    if (!generator.equals(previous.generator)) {
      // Another compiler made the previous outputs: none of them can be trusted.
      previous.entries.replaceAll(
          (root, entry) -> new State.Entry("", entry.closure, entry.outputs));
    }
    List<Path> stale = new ArrayList<>();
    for (Path root : roots) {
      State.Entry entry = previous.entries.get(root.toString());
      if (entry == null
          || !entry.fingerprint.equals(fingerprint(entry.closure))
          || !entry.outputs.stream().allMatch(out -> Files.exists(outputDirectory.resolve(out)))) {
        stale.add(root);
      }
    }
    State next = new State();
    next.generator = generator;
    int deleted = 0;
    int written = 0;
    if (!stale.isEmpty()) {
      Schema schema = new SchemaLoader(includeDirs).load(roots, diagnostics);
      Map<Path, Program> byPath = new LinkedHashMap<>();
      schema.programs().forEach(p -> byPath.put(p.path(), p));
      for (Path root : roots) {
        Set<Path> closure = closure(byPath.get(root), schema, byPath);
        if (stale.contains(root)) {
          List<JavaFile> files = JavaGenerator.generate(schema, List.of(byPath.get(root)));
          List<Path> paths = JavaFileWriter.write(files, outputDirectory);
          written += paths.size();
          Set<String> outputs = new TreeSet<>();
          paths.forEach(p -> outputs.add(outputDirectory.relativize(p).toString()));
          next.entries.put(
              root.toString(), new State.Entry(fingerprint(closure), closure, outputs));
        } else {
          next.entries.put(root.toString(), previous.entries.get(root.toString()));
        }
      }
    } else {
      roots.forEach(r -> next.entries.put(r.toString(), previous.entries.get(r.toString())));
    }
    deleted = deleteStaleOutputs(previous, next);
    next.save(stateFile);
    return new Result(stale.size(), roots.size() - stale.size(), written, deleted);
  }

  private int deleteStaleOutputs(State previous, State next) throws IOException {
    Set<String> kept = new LinkedHashSet<>();
    next.entries.values().forEach(e -> kept.addAll(e.outputs));
    int deleted = 0;
    for (State.Entry entry : previous.entries.values()) {
      for (String output : entry.outputs) {
        if (!kept.contains(output) && Files.deleteIfExists(outputDirectory.resolve(output))) {
          log.accept("deleted stale " + output);
          deleted++;
        }
      }
    }
    return deleted;
  }

  /**
   * What identifies the compiler that generates: its version, and the size and time of the jar or
   * directory it was loaded from, so that a rebuilt snapshot of the compiler regenerates too.
   */
  static String generatorFingerprint() {
    StringBuilder id = new StringBuilder();
    Package pkg = JavaGenerator.class.getPackage();
    id.append(pkg != null ? pkg.getImplementationVersion() : null);
    try {
      var source = JavaGenerator.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        Path location = Path.of(source.getLocation().toURI());
        id.append(' ').append(location);
        if (Files.isRegularFile(location)) {
          id.append(' ').append(Files.size(location));
          id.append(' ').append(Files.getLastModifiedTime(location).toMillis());
        } else {
          Path marker =
              location.resolve(JavaGenerator.class.getName().replace('.', '/') + ".class");
          if (Files.exists(marker)) {
            id.append(' ').append(Files.getLastModifiedTime(marker).toMillis());
          }
        }
      }
    } catch (IOException | java.net.URISyntaxException | SecurityException e) {
      id.append(" unknown-location");
    }
    return id.toString();
  }

  /** The file of {@code program} and of everything it includes, directly or not. */
  private static Set<Path> closure(Program program, Schema schema, Map<Path, Program> byPath) {
    Set<Path> closure = new TreeSet<>();
    List<Program> work = new ArrayList<>(List.of(program));
    while (!work.isEmpty()) {
      Program next = work.remove(work.size() - 1);
      if (closure.add(next.path())) {
        next.includes().forEach(name -> schema.program(name).ifPresent(work::add));
      }
    }
    return closure;
  }

  private static String fingerprint(Set<Path> files) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    for (Path file : files) {
      digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      if (!Files.isRegularFile(file)) {
        digest.update("<missing>".getBytes(StandardCharsets.UTF_8));
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        digest.update(in.readAllBytes());
      }
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The state file: per root, its fingerprint, include closure and outputs. */
  private static final class State {
    record Entry(String fingerprint, Set<Path> closure, Set<String> outputs) {}

    final Map<String, Entry> entries = new LinkedHashMap<>();
    String generator = "";

    static State load(Path file) throws IOException {
      State state = new State();
      if (!Files.isRegularFile(file)) {
        return state;
      }
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      }
      state.generator = properties.getProperty("generator", "");
      int count = Integer.parseInt(properties.getProperty("roots", "0"));
      for (int i = 0; i < count; i++) {
        String root = properties.getProperty(i + ".root");
        Set<Path> closure = new TreeSet<>();
        for (String path : split(properties.getProperty(i + ".closure", ""))) {
          closure.add(Path.of(path));
        }
        state.entries.put(
            root,
            new Entry(
                properties.getProperty(i + ".fingerprint", ""),
                closure,
                new TreeSet<>(split(properties.getProperty(i + ".outputs", "")))));
      }
      return state;
    }

    void save(Path file) throws IOException {
      Properties properties = new Properties();
      properties.setProperty("roots", Integer.toString(entries.size()));
      properties.setProperty("generator", generator);
      int i = 0;
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        properties.setProperty(i + ".root", e.getKey());
        properties.setProperty(i + ".fingerprint", e.getValue().fingerprint);
        properties.setProperty(
            i + ".closure",
            String.join("\n", e.getValue().closure.stream().map(Path::toString).toList()));
        properties.setProperty(i + ".outputs", String.join("\n", e.getValue().outputs));
        i++;
      }
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "Skiff incremental generation state; safe to delete");
      }
    }

    private static List<String> split(String joined) {
      return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
  }
}
