package dev.skiff.examples.calculator;

import dev.skiff.rpc.Server;

/** Serves the calculator until the process is stopped: {@code calculator-server [port]}. */
public final class CalculatorServer {
  private CalculatorServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
    // [START serve]
    Server server =
        Server.builder("tcp://127.0.0.1:" + port)
            .service(Calculator.serviceDefinition(new CalculatorHandler()))
            .build()
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    // [END serve]
    System.out.println("calculator listening on " + server.address());
    Thread.currentThread().join();
  }
}
