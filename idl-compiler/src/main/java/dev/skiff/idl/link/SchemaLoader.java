package dev.skiff.idl.link;

import static java.util.Objects.requireNonNull;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.parser.IdlParser;
import dev.skiff.idl.schema.Schema;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads IDL files and everything they include, then links them into a {@link Schema}.
 *
 * <p>An {@code include "path"} is looked up relative to the including file's directory first, then
 * in each include directory in order. Include cycles are errors. Every problem of the run is
 * collected in the given {@link Diagnostics}; {@link #load} throws {@link
 * dev.skiff.idl.diag.IdlException} once at the end if any of them is an error.
 *
 * <p>Not thread-safe; use one loader per compilation.
 */
public final class SchemaLoader {
  private final List<Path> includeDirs;
  private final FileSource source;

  /** Where IDL text comes from: the file system by default, anything in tests or the plugin. */
  @FunctionalInterface
  public interface FileSource {
    /** The text of {@code file}, or empty when there is no such file. */
    Optional<String> read(Path file) throws IOException;
  }

  public SchemaLoader(List<Path> includeDirs) {
    this(includeDirs, SchemaLoader::readFile);
  }

  public SchemaLoader(List<Path> includeDirs, FileSource source) {
    this.includeDirs = List.copyOf(includeDirs);
    this.source = requireNonNull(source, "source");
  }

  /**
   * Parses {@code files} and their includes and links them.
   *
   * @throws dev.skiff.idl.diag.IdlException if any file has errors; warnings alone do not throw
   */
  public Schema load(List<Path> files, Diagnostics diagnostics) {
    Map<Path, FileElement> loaded = new LinkedHashMap<>();
    Map<Path, List<Path>> includesOf = new LinkedHashMap<>();
    List<Path> roots = new ArrayList<>();
    for (Path file : files) {
      Path normalized = file.normalize();
      roots.add(normalized);
      loadRecursively(normalized, null, new ArrayDeque<>(), loaded, includesOf, diagnostics);
    }
    diagnostics.throwIfErrors();
    Schema schema;
    try {
      schema = new Linker(loaded, includesOf, roots, diagnostics).link();
    } catch (StackOverflowError e) {
      // Thousands of typedefs or constants each naming the next: no real file does this.
      diagnostics.error(
          Location.of(roots.isEmpty() ? Path.of("") : roots.get(0)),
          "definitions refer to one another too deeply to link");
      schema = null;
    }
    diagnostics.throwIfErrors();
    return schema;
  }

  private void loadRecursively(
      Path file,
      Location includedFrom,
      Deque<Path> stack,
      Map<Path, FileElement> loaded,
      Map<Path, List<Path>> includesOf,
      Diagnostics diagnostics) {
    if (loaded.containsKey(file) || includesOf.containsKey(file)) {
      return;
    }
    Optional<String> text = readOrReport(file, includedFrom, diagnostics);
    if (text.isEmpty()) {
      return;
    }
    Optional<FileElement> parsed = IdlParser.parse(file, text.get(), diagnostics);
    List<Path> includes = new ArrayList<>();
    includesOf.put(file, includes);
    if (parsed.isEmpty()) {
      return;
    }
    stack.push(file);
    for (FileElement.Include include : parsed.get().includes()) {
      Optional<Path> target = resolveInclude(file, include.path());
      if (target.isEmpty()) {
        diagnostics.error(
            include.location(),
            "include not found: '" + include.path() + "' (searched " + searchPath(file) + ")");
        continue;
      }
      Path resolved = target.get();
      if (stack.contains(resolved)) {
        diagnostics.error(include.location(), "include cycle: " + cycle(stack, resolved));
        continue;
      }
      includes.add(resolved);
      loadRecursively(resolved, include.location(), stack, loaded, includesOf, diagnostics);
    }
    stack.pop();
    // Included files first: the linker and generators can then read programs in order.
    loaded.put(file, parsed.get());
  }

  private Optional<String> readOrReport(Path file, Location includedFrom, Diagnostics diagnostics) {
    Location where = includedFrom != null ? includedFrom : Location.of(file);
    try {
      Optional<String> text = source.read(file);
      if (text.isEmpty()) {
        diagnostics.error(where, "file not found: " + file);
      }
      return text;
    } catch (CharacterCodingException e) {
      diagnostics.error(Location.of(file), "file is not valid UTF-8");
    } catch (IOException e) {
      diagnostics.error(where, "cannot read " + file + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<Path> resolveInclude(Path includingFile, String includePath) {
    for (Path dir : searchDirs(includingFile)) {
      Path candidate;
      try {
        candidate = dir.resolve(includePath).normalize();
      } catch (InvalidPathException e) {
        return Optional.empty(); // a NUL or the like: no file has that name
      }
      try {
        if (source.read(candidate).isPresent()) {
          return Optional.of(candidate);
        }
      } catch (IOException e) {
        return Optional.of(candidate); // exists but unreadable: reported when loaded
      }
    }
    return Optional.empty();
  }

  private List<Path> searchDirs(Path includingFile) {
    List<Path> dirs = new ArrayList<>();
    Path parent = includingFile.getParent();
    dirs.add(parent != null ? parent : Path.of(""));
    dirs.addAll(includeDirs);
    return dirs;
  }

  private String searchPath(Path includingFile) {
    return searchDirs(includingFile).stream()
        .map(dir -> dir.toString().isEmpty() ? "." : dir.toString())
        .collect(Collectors.joining(", "));
  }

  private static String cycle(Deque<Path> stack, Path again) {
    List<Path> chain = new ArrayList<>(stack);
    java.util.Collections.reverse(chain);
    List<Path> loop = new ArrayList<>(chain.subList(chain.indexOf(again), chain.size()));
    loop.add(again);
    return loop.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" -> "));
  }

  private static Optional<String> readFile(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("it is a directory");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(file);
    return Optional.of(
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
  }
}
