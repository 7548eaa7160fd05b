package dev.skiff.examples.calculator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The calculator's implementation: what the server runs for each call. Thread-safe. */
public final class CalculatorHandler implements Calculator {
  private static final Logger log = LoggerFactory.getLogger(CalculatorHandler.class);

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public long add(long a, long b) {
    return Math.addExact(a, b); // an overflow reaches the client as an internal error
  }

  @Override
  public long divide(long a, long b) throws DivideByZero {
    if (b == 0) {
      throw new DivideByZero("cannot divide " + a + " by zero");
    }
    return a / b;
  }

  @Override
  public void log(String line) {
    log.info("client says: {}", line);
    lines.add(line);
  }

  /** The lines clients have logged so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }
}
