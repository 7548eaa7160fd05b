package dev.skiff.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.artifact.Artifact;

/**
 * Copies the {@code .thrift} files shipped inside dependency jars into one directory, keeping their
 * paths inside the jar, so that {@code include "path/in/jar.thrift"} finds them.
 */
final class DependencyIdl {
  private DependencyIdl() {}

  /**
   * @return how many IDL files the directory holds afterwards
   */
  static int extract(Collection<Artifact> artifacts, Path into, Consumer<String> log)
      throws IOException {
    int count = 0;
    for (Artifact artifact : artifacts) {
      File file = artifact.getFile();
      if (file == null || !file.isFile() || !file.getName().endsWith(".jar")) {
        continue;
      }
      try (ZipFile jar = new ZipFile(file)) {
        Enumeration<? extends ZipEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (entry.isDirectory() || !entry.getName().endsWith(".thrift")) {
            continue;
          }
          Path target = into.resolve(entry.getName()).normalize();
          if (!target.startsWith(into)) {
            continue; // a path that escapes the directory: ignore it
          }
          Files.createDirectories(target.getParent());
          if (!Files.exists(target)
              || Files.getLastModifiedTime(target).toMillis() < entry.getTime()
              || Files.size(target) != entry.getSize()) {
            try (InputStream in = jar.getInputStream(entry)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            log.accept("extracted " + entry.getName() + " from " + artifact);
          }
          count++;
        }
      }
    }
    return count;
  }
}
