package dev.skiff.examples.calculator;

import dev.skiff.rpc.Server;
import java.io.PrintStream;

/** The calculator end to end in one process: a server on a free port, and a client calling it. */
public final class CalculatorDemo {
  private CalculatorDemo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  static void run(PrintStream out) throws Exception {
    CalculatorHandler handler = new CalculatorHandler();
    try (Server server =
        Server.builder("tcp://127.0.0.1:0")
            .service(Calculator.serviceDefinition(handler))
            .build()
            .start()) {
      out.println("calculator listening on " + server.address());
      CalculatorClient.run(server.address(), out);
    }
  }
}
