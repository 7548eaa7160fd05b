package dev.skiff.examples;

import dev.skiff.examples.calculator.CalculatorClient;
import dev.skiff.examples.calculator.CalculatorDemo;
import dev.skiff.examples.calculator.CalculatorServer;
import dev.skiff.examples.kvstore.KeyValueDemo;
import java.util.Arrays;

/** {@code java -jar skiff-examples.jar [example] [args]}: runs one of the examples. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String example = args.length > 0 ? args[0] : "calculator";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (example) {
      case "calculator" -> CalculatorDemo.main(rest);
      case "calculator-server" -> CalculatorServer.main(rest);
      case "calculator-client" -> CalculatorClient.main(rest);
      case "kvstore" -> KeyValueDemo.main(rest);
      default -> {
        System.err.println(
            "unknown example '"
                + example
                + "'; choose calculator [tcp|unix|shm], calculator-server [port],"
                + " calculator-client [tcp://host:port] or kvstore");
        System.exit(2);
      }
    }
  }
}
