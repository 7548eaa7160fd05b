package dev.skiff.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness for a moment on every peer, so that it keeps working; asserts that it measured
 * something and wrote its files, never how fast anything was.
 */
class BenchmarkSuiteSmokeTest {
  @Test
  @Timeout(180)
  void measuresEveryPeerAndWritesTheReport(@TempDir Path out) throws Exception {
    Options options =
        Options.parse(
            "--quick", "--workloads", "latency,throughput,shared", "--out", out.toString());
    List<Result> results = BenchmarkSuite.run(options);

    long latency = results.stream().filter(r -> r.workload().equals("latency")).count();
    assertEquals((long) Peer.values().length * options.sizes().length, latency);
    for (Result r : results) {
      if (r.workload().equals("latency")) {
        assertTrue(r.p50Micros() > 0 && r.p99Micros() >= r.p50Micros(), r.toString());
      } else {
        // A cold JVM may finish no call in the first few hundred milliseconds.
        assertTrue(r.perSecond() >= 0, r.toString());
      }
    }
    Summary summary = new Summary(results);
    for (Peer peer : options.throughputPeers()) {
      assertTrue(summary.peak("throughput", "unpinned", peer.label(), Result::perSecond) > 0);
    }
    assertEquals(
        2 + 2 + 2, results.stream().filter(r -> r.workload().equals("throughput")).count());
    for (Peer peer : options.sharedPeers()) {
      assertTrue(summary.peak("shared", "unpinned", peer.label(), Result::perSecond) > 0);
    }
    assertEquals(
        options.sharedPeers().size(),
        results.stream().filter(r -> r.workload().equals("shared")).count());

    new Report(new Summary(results), Machine.current()).write(out);
    assertTrue(Files.readString(out.resolve("results.svg")).startsWith("<svg"));
    String table = Files.readString(out.resolve("results.md"));
    assertTrue(table.contains("skiff-tcp"));
    assertTrue(table.contains("Shared connection, unpinned"), table);
    assertEquals(2 + results.size(), Files.readAllLines(out.resolve("results.csv")).size());
  }

  @Test
  @Timeout(120)
  void breakdownMeasuresEveryPairingOfClientAndServer() throws Exception {
    Options options = Options.parse("--quick");
    List<double[]> p50s = Breakdown.run(options, Options.UNPINNED, 32, 1, 50);
    assertEquals(1, p50s.size());
    assertEquals(Breakdown.CONTENDERS.size(), p50s.get(0).length);
    for (double p50 : p50s.get(0)) {
      assertTrue(p50 > 0, java.util.Arrays.toString(p50s.get(0)));
    }
  }

  @Test
  @Timeout(120)
  void clientPathHasBothClientsCallInTurns() throws Exception {
    List<String> lines =
        ClientPath.measure(Options.parse("--quick"), Options.UNPINNED, Peer.THRIFT, 32, 500, null);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("libthrift"), lines.get(0));
    assertTrue(lines.get(1).startsWith("skiff"), lines.get(1));
    for (String line : lines) {
      assertTrue(line.matches(".*calls [1-9][\\d,]*  p50 .*"), line);
    }
  }

  @Test
  void codecsWriteLibthriftsBytesAndReadThemBack() throws Exception {
    for (String codec : new String[] {"skiff", "libthrift"}) {
      for (String protocol : new String[] {"compact", "binary"}) {
        try (Codec impl = Codec.of(codec, protocol)) { // checks the bytes against TSerializer's
          assertTrue(impl.encode() > 100, codec + " " + protocol);
          assertTrue(impl.decode() != null);
        }
      }
    }
  }
}
