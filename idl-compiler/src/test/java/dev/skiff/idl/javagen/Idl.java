package dev.skiff.idl.javagen;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.link.SchemaLoader;
import dev.skiff.idl.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Links IDL text held in memory, so generator tests read as IDL rather than schema records. */
final class Idl {
  private Idl() {}

  /**
   * Links {@code files} (file name to IDL text); the first one is the root.
   *
   * @throws dev.skiff.idl.diag.IdlException if the IDL has errors
   */
  static Schema link(Map<String, String> files, String root) {
    SchemaLoader loader =
        new SchemaLoader(
            List.of(), file -> Optional.ofNullable(files.get(file.getFileName().toString())));
    return loader.load(List.of(Path.of(root)), new Diagnostics());
  }

  /** Links one file named {@code name}. */
  static Schema link(String name, String text) {
    return link(Map.of(name, text), name);
  }
}
