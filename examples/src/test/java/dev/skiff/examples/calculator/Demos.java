package dev.skiff.examples.calculator;

import java.io.PrintStream;

/** Opens the package-private demo entry points to the tests. */
public final class Demos {
  private Demos() {}

  public static void calculator(PrintStream out) throws Exception {
    CalculatorDemo.run(out);
  }
}
