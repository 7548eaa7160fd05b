package dev.skiff.idl.javagen;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * What generated code compiles against: the runtime module's classes and the Netty jars its
 * protocol API exposes. The compiler does not depend on the runtime, but its tests do (test scope),
 * so these are found where this test's own class loader found them. Generated classes are then
 * loaded by a child of that loader (see {@link InMemoryCompiler}), so tests share the runtime's
 * classes with the code they run.
 */
final class RuntimeClasspath {
  private RuntimeClasspath() {}

  /**
   * The class path entries.
   *
   * @throws AssertionError naming the missing artifact when the runtime is not on the test class
   *     path, so that the test fails rather than skips
   */
  static List<Path> get() {
    return List.of(
        locate("dev.skiff.rpc.stub.ContainerCodec", "dev.skiff:skiff-runtime"),
        locate("io.netty.buffer.ByteBuf", "io.netty:netty-buffer"),
        locate("io.netty.util.ReferenceCounted", "io.netty:netty-common"));
  }

  private static Path locate(String className, String artifact) {
    Class<?> type;
    try {
      type = Class.forName(className, false, RuntimeClasspath.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          artifact
              + " is not on the test class path, so generated code cannot be compiled and run."
              + " idl-compiler's tests depend on skiff-runtime (test scope): build it first"
              + " (mvn -pl runtime install -DskipTests) or build the reactor",
          e);
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new AssertionError("cannot tell where " + className + " was loaded from");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError("cannot tell where " + className + " was loaded from", e);
    }
  }
}
