package dev.skiff.idl.javagen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what generated code compiles and runs against: the runtime module's classes and the Netty
 * jars they use. The compiler module does not depend on the runtime, so the test looks for it: the
 * {@code skiff.runtime.classpath} system property if set, else {@code runtime/target/classes} next
 * to this module, else the installed {@code skiff-runtime} jar in the local Maven repository.
 */
final class RuntimeClasspath {
  private static final List<String> NETTY_ARTIFACTS = List.of("netty-buffer", "netty-common");

  private RuntimeClasspath() {}

  /** The class path entries, or empty when the runtime has not been built. */
  static Optional<List<Path>> find() {
    String property = System.getProperty("skiff.runtime.classpath");
    if (property != null && !property.isBlank()) {
      return Optional.of(
          Stream.of(property.split(java.io.File.pathSeparator)).map(Path::of).toList());
    }
    Path project = projectRoot();
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
    Path classes = project.resolve("runtime/target/classes");
    Path runtime;
    if (Files.isRegularFile(classes.resolve("dev/skiff/rpc/stub/ContainerCodec.class"))) {
      runtime = classes;
    } else {
      String version = property(project.resolve("pom.xml"), "<version>", "</version>");
      runtime =
          m2.resolve("dev/skiff/skiff-runtime/" + version + "/skiff-runtime-" + version + ".jar");
      if (!Files.isRegularFile(runtime)) {
        return Optional.empty();
      }
    }
    List<Path> entries = new ArrayList<>();
    entries.add(runtime);
    String netty = property(project.resolve("pom.xml"), "<netty.version>", "</netty.version>");
    for (String artifact : NETTY_ARTIFACTS) {
      Path jar =
          m2.resolve("io/netty/" + artifact + "/" + netty + "/" + artifact + "-" + netty + ".jar");
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      entries.add(jar);
    }
    return Optional.of(List.copyOf(entries));
  }

  /** The directory holding the parent pom, found upwards from the working directory. */
  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("runtime/pom.xml"))) {
        return d;
      }
    }
    return dir.getParent();
  }

  /** The text between the first {@code open} after the parent section and its {@code close}. */
  private static String property(Path pom, String open, String close) {
    try {
      String text = Files.readString(pom);
      int afterParentless = text.indexOf("<artifactId>skiff-parent</artifactId>");
      Matcher m =
          Pattern.compile(Pattern.quote(open) + "([^<]+)" + Pattern.quote(close))
              .matcher(text.substring(Math.max(afterParentless, 0)));
      if (!m.find()) {
        throw new IllegalStateException("no " + open + " in " + pom);
      }
      return m.group(1).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
