package dev.skiff.examples.kvstore;

import java.io.PrintStream;

/** Opens the package-private demo entry points to the tests. */
public final class Demos {
  private Demos() {}

  public static void keyValue(PrintStream out) throws Exception {
    KeyValueDemo.run(out);
  }
}
