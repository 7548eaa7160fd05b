package dev.skiff.bench;

import dev.skiff.rpc.transport.shm.ShmConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of a TCP round trip over the floor goes: the raw floor with three ways for the
 * caller to wait for the reply (a blocking read, a {@code Selector}, {@code poll} under a read
 * timeout), and libthrift's and Skiff's clients and servers in all four pairings, all taking turns
 * ({@link Turns}) against servers in JVMs of their own. The suite compares whole stacks; this says
 * which side of one a difference sits on.
 *
 * <pre>
 * java -cp benchmarks/target/skiff-benchmarks.jar dev.skiff.bench.Breakdown
 *   --size 32 --pin cross-core --runs 4 --measure-ms 1000   (or --quick)
 * </pre>
 */
public final class Breakdown {
  static final List<String> CONTENDERS =
      List.of(
          "floor, blocking read",
          "floor, Selector wait",
          "floor, poll wait",
          "libthrift -> libthrift",
          "Skiff -> libthrift",
          "libthrift -> Skiff",
          "Skiff -> Skiff");

  private static final String USAGE =
      """
      java -cp benchmarks/target/skiff-benchmarks.jar dev.skiff.bench.Breakdown
        --size 32 --pin cross-core|same-core --runs 4 --measure-ms 1000 [--quick]
      """;

  private Breakdown() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    int size;
    String pinning;
    int runs;
    long measureMillis;
    Options options;
    try {
      size = Integer.parseInt(Options.take(rest, "--size", "32"));
      pinning = Options.take(rest, "--pin", Options.CROSS_CORE);
      runs = Integer.parseInt(Options.take(rest, "--runs", "4"));
      measureMillis = Long.parseLong(Options.take(rest, "--measure-ms", "1000"));
      options = Options.parse(rest.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      Options.exitWithUsage(e, USAGE);
      return;
    }
    if (rest.contains("--quick")) {
      measureMillis = Math.min(measureMillis, options.measureMillis());
    }
    System.out.println("Breakdown on " + Machine.current().oneLine());
    System.out.printf(
        Locale.ROOT, "%d B, %s, p50 taking turns; over: above the first%n", size, pinning);
    List<double[]> p50s = run(options, pinning, size, runs, measureMillis);
    StringBuilder table = new StringBuilder();
    table.append("| client -> server | p50 (us), median of runs | over the floor (us) | runs |\n");
    table.append("| --- | ---: | ---: | --- |\n");
    for (int i = 0; i < CONTENDERS.size(); i++) {
      int c = i;
      double[] values = p50s.stream().mapToDouble(p -> p[c]).toArray();
      double[] over = p50s.stream().mapToDouble(p -> p[c] - p[0]).toArray();
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %+.2f | %s |%n",
              CONTENDERS.get(i),
              Summary.median(values),
              Summary.median(over),
              String.join(
                  " / ",
                  Arrays.stream(over)
                      .mapToObj(v -> String.format(Locale.ROOT, "%+.2f", v))
                      .toList())));
    }
    System.out.println();
    System.out.print(table);
    System.exit(0);
  }

  /**
   * Starts the three servers (floor, libthrift, Skiff), warms them, and measures every contender
   * {@code runs} times.
   *
   * @return per run, the p50 of each of {@link #CONTENDERS} in microseconds
   */
  static List<double[]> run(Options options, String pinning, int size, int runs, long measureMillis)
      throws Exception {
    int cpu = BenchmarkSuite.pin(pinning);
    ShmConfig.IdleMode idle = options.idle();
    List<double[]> p50s = new ArrayList<>();
    try (PeerProcess floor = new PeerProcess(Peer.FLOOR_TCP, cpu, idle);
        PeerProcess thrift = new PeerProcess(Peer.THRIFT, cpu, idle);
        PeerProcess skiff = new PeerProcess(Peer.SKIFF_TCP, cpu, idle)) {
      Workloads warm = new Workloads(options, pinning, 0);
      warm.warmUp(Peer.FLOOR_TCP, floor, size);
      warm.warmUp(Peer.THRIFT, thrift, size);
      warm.warmUp(Peer.SKIFF_TCP, skiff, size);
      String skiffPort = skiff.address().substring(skiff.address().lastIndexOf(':') + 1);
      List<Caller> callers = new ArrayList<>();
      try {
        callers.add(Peer.FLOOR_TCP.caller(floor.address(), size, idle));
        callers.add(SocketFloor.selectorCaller(floor.address(), size));
        callers.add(SocketFloor.pollCaller(floor.address(), size));
        callers.add(Peer.THRIFT.caller(thrift.address(), size, idle));
        callers.add(Peer.SKIFF_TCP.caller("tcp://127.0.0.1:" + thrift.address(), size, idle));
        callers.add(Peer.THRIFT.caller(skiffPort, size, idle));
        callers.add(Peer.SKIFF_TCP.caller(skiff.address(), size, idle));
        for (int run = 1; run <= runs; run++) {
          Turns.Tally[] tallies =
              Turns.run(
                  callers,
                  CONTENDERS,
                  size,
                  options.caseWarmupMillis(),
                  measureMillis,
                  Turns.NO_HOOK);
          double[] p50 = Arrays.stream(tallies).mapToDouble(Turns.Tally::p50Micros).toArray();
          p50s.add(p50);
          StringBuilder line = new StringBuilder("  run " + run + ":");
          for (int i = 0; i < p50.length; i++) {
            line.append(
                String.format(
                    Locale.ROOT, "  %s %.2f (%+.2f)", CONTENDERS.get(i), p50[i], p50[i] - p50[0]));
          }
          System.out.println(line);
        }
      } finally {
        for (Caller caller : callers) {
          caller.close();
        }
      }
    }
    return p50s;
  }
}
