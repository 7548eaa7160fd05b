package dev.skiff.examples.calculator;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls a calculator: {@code calculator-client [tcp://host:port]}. */
public final class CalculatorClient {
  private CalculatorClient() {}

  public static void main(String[] args) throws Exception {
    run(args.length > 0 ? args[0] : "tcp://127.0.0.1:9090", System.out);
  }

  /** Makes one call of each kind and prints what happens. */
  static void run(String address, PrintStream out) throws Exception {
    // [START call]
    try (Channel channel = Channel.open(address)) {
      Calculator calculator = new Calculator.Client(channel);
      out.println("2 + 3 = " + calculator.add(2, 3));
      try {
        calculator.divide(1, 0);
      } catch (DivideByZero e) {
        out.println("1 / 0 failed: " + e.getMessage());
      }
      calculator.log("hello from the client"); // oneway: returns once sent
    }
    // [END call]

    // [START async]
    try (Channel channel = Channel.open(address)) {
      Calculator.Async calculator = new Calculator.Client(channel).async();
      CompletableFuture<Long> sum = calculator.add(40, 2);
      CompletableFuture<Long> quotient = calculator.divide(84, 2);
      out.println("async: 40 + 2 = " + sum.get() + ", 84 / 2 = " + quotient.get());
    }
    // [END async]

    // [START timeout]
    try (Channel channel = Channel.builder(address).defaultTimeout(Duration.ofSeconds(2)).build()) {
      Calculator calculator =
          new Calculator.Client(channel).withOptions(CallOptions.timeout(Duration.ofMillis(500)));
      out.println("with a 500 ms timeout: 7 / 2 = " + calculator.divide(7, 2));
    }
    // [END timeout]

    // [START event-loop]
    // By default a blocking call's own thread writes the call and reads the reply; here a shared
    // Netty event loop does the socket I/O instead (what TLS channels use).
    try (Channel channel = Channel.builder(address).ioMode(IoMode.EVENT_LOOP).build()) {
      Calculator calculator = new Calculator.Client(channel);
      long sum = 0;
      for (int i = 1; i <= 100; i++) {
        sum = calculator.add(sum, i);
      }
      out.println("event-loop I/O: 1 + 2 + ... + 100 = " + sum);
    }
    // [END event-loop]
  }
}
