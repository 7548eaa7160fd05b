package dev.skiff.examples.calculator;

import java.io.PrintStream;

/** Opens the package-private demo entry points to the tests. */
public final class Demos {
  private Demos() {}

  public static void calculator(String transport, PrintStream out) throws Exception {
    CalculatorDemo.run(transport, out);
  }
}
