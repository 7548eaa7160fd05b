package dev.skiff.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.transport.shm.ShmConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the harness for a moment on every transport, so it keeps working; asserts that it measured
 * something, never how fast.
 */
class LatencyBenchmarkSmokeTest {
  @Test
  @Timeout(120)
  void measuresEveryTransport() throws Exception {
    LatencyBenchmark.Options options =
        new LatencyBenchmark.Options(
            List.of("floor", "shm", "unix", "tcp"),
            new int[] {32, 1024},
            200,
            500,
            1,
            -1,
            ShmConfig.IdleMode.BACKOFF);
    List<LatencyBenchmark.Result> results = LatencyBenchmark.run(options);
    assertEquals(8, results.size());
    for (LatencyBenchmark.Result result : results) {
      assertTrue(
          result.p50Micros() > 0 && result.p99Micros() >= result.p50Micros(), result.toString());
    }
  }
}
