package dev.skiff.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs each example end to end, over real TCP, and checks what it prints. */
@Timeout(60)
class ExamplesTest {
  interface Example {
    void run(PrintStream out) throws Exception;
  }

  static List<String> output(Example example) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "unix", "shm"})
  void calculatorOverEveryTransport(String transport) throws Exception {
    List<String> lines =
        output(out -> dev.skiff.examples.calculator.Demos.calculator(transport, out));
    assertTrue(
        lines.get(0).startsWith("calculator listening on " + transport + "://"), lines.get(0));
    assertEquals(
        List.of(
            "2 + 3 = 5",
            "1 / 0 failed: cannot divide 1 by zero",
            "async: 40 + 2 = 42, 84 / 2 = 42",
            "with a 500 ms timeout: 7 / 2 = 3",
            "event-loop I/O: 1 + 2 + ... + 100 = 5050"),
        lines.subList(1, lines.size()));
  }

  @Test
  void keyValueStore() throws Exception {
    assertEquals(
        List.of(
            "get greeting -> hello",
            "keys starting with 'g' -> [greeting]",
            "get missing -> KeyNotFound(missing)",
            "getMany -> [farewell, greeting]",
            "admin size -> 2",
            "admin size after clear -> 0",
            "interceptors saw 2 server-side get calls and 2 client-side"),
        output(dev.skiff.examples.kvstore.Demos::keyValue));
  }
}
