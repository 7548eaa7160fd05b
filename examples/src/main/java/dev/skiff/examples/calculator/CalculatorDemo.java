package dev.skiff.examples.calculator;

import dev.skiff.rpc.Server;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * The calculator end to end in one process: a server, and a client calling it over a real
 * transport: {@code calculator [tcp|unix|shm]}, tcp by default.
 */
public final class CalculatorDemo {
  private CalculatorDemo() {}

  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? args[0] : "tcp", System.out);
  }

  static void run(String transport, PrintStream out) throws Exception {
    String address = address(transport);
    CalculatorHandler handler = new CalculatorHandler();
    // [START any-transport]
    try (Server server =
        Server.builder(address).service(Calculator.serviceDefinition(handler)).build().start()) {
      out.println("calculator listening on " + server.address());
      CalculatorClient.run(server.address(), out);
    }
    // [END any-transport]
  }

  /** A fresh address for the transport: only the address differs between transports. */
  static String address(String transport) throws Exception {
    long pid = ProcessHandle.current().pid();
    return switch (transport) {
      case "tcp" -> "tcp://127.0.0.1:0";
      case "unix" -> "unix://" + Files.createTempDirectory("skiff-demo").resolve("calculator.sock");
      case "shm" -> "shm://calculator-demo-" + pid;
      default ->
          throw new IllegalArgumentException(
              "unknown transport '" + transport + "'; choose tcp, unix or shm");
    };
  }
}
