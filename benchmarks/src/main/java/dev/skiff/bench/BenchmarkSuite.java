package dev.skiff.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole benchmark in one command: JMH codec benchmarks, then, for each pinning and each peer, a
 * server in a JVM of its own, warmed up until its calls per second settle, and each run of the
 * latency, throughput and shared workloads against it. The shared-memory peers go first, one at a
 * time; the socket peers' servers then run side by side, so that their latencies are measured
 * taking turns ({@link Workloads#latencyInTurns}). Prints the tables and writes {@code
 * results.csv}, {@code results.md} and {@code results.svg} (see {@link Options} for the flags and
 * {@code docs/benchmarks.md} for the method).
 *
 * <p>Pinning is done here: for {@code cross-core} this JVM pins all its threads to CPU 0 ({@code
 * taskset -a -cp 0 <pid>}; threads it starts later inherit that) and starts each server under
 * {@code taskset -c 1}; for {@code same-core} both use CPU 0; {@code unpinned} leaves the scheduler
 * alone. The codec benchmarks run first, before any pinning.
 *
 * <p>Results depend on the machine and on pinning; nothing asserts on them.
 */
public final class BenchmarkSuite {
  /** The CPUs this process may use before it pins itself (after, it sees one). */
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  private BenchmarkSuite() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(Options.USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      Options.exitWithUsage(e, Options.USAGE);
      return;
    }
    Machine machine = Machine.current();
    System.out.println("Skiff benchmarks on " + machine.oneLine());
    long start = System.nanoTime();
    List<Result> results = run(options);
    Report report = new Report(new Summary(results), machine);
    System.out.println();
    System.out.print(report.markdown());
    if (options.out() != null) {
      report.write(options.out());
      System.out.println("wrote results.csv, results.md, results.svg to " + options.out());
    }
    System.out.printf(Locale.ROOT, "took %.0f s%n", (System.nanoTime() - start) / 1e9);
    System.exit(0);
  }

  static List<Result> run(Options options) throws Exception {
    List<Result> results = new ArrayList<>();
    if (options.runs("codec")) {
      System.out.println("codec: JMH, " + options.runs() + " fork(s) per benchmark");
      results.addAll(CodecRun.run(options));
    }
    if (!options.runs("latency") && !options.runs("throughput") && !options.runs("shared")) {
      return results;
    }
    List<Peer> peers = new ArrayList<>();
    if (options.runs("latency")) {
      peers.addAll(options.peers());
    }
    if (options.runs("throughput")) {
      options.throughputPeers().stream().filter(p -> !peers.contains(p)).forEach(peers::add);
    }
    if (options.runs("shared")) {
      options.sharedPeers().stream().filter(p -> !peers.contains(p)).forEach(peers::add);
    }
    for (String pinning : options.pinnings()) {
      int serverCpu = pin(pinning);
      List<Peer> inTurns =
          options.runs("latency")
              ? options.peers().stream().filter(Peer::takesTurns).toList()
              : List.of();
      // The shared-memory peers first, each alone: their pollers want a quiet server CPU.
      for (Peer peer : peers) {
        if (!inTurns.contains(peer)) {
          try (PeerProcess server = started(peer, serverCpu, options, pinning)) {
            measure(options, pinning, peer, server, results, true);
          }
        }
      }
      if (inTurns.isEmpty()) {
        continue;
      }
      // Then the socket peers, their servers all up at once so that their latencies can be
      // measured in turns (see Workloads#latencyInTurns); each server then serves the other
      // workloads of its peer.
      List<PeerProcess> servers = new ArrayList<>();
      try {
        for (Peer peer : inTurns) {
          servers.add(started(peer, serverCpu, options, pinning));
        }
        for (int run = 1; run <= options.runs(); run++) {
          Workloads workloads = new Workloads(options, pinning, run);
          for (int size : options.sizes()) {
            workloads.latencyInTurns(inTurns, servers, size).forEach(r -> results.add(log(r)));
          }
        }
        for (int i = 0; i < inTurns.size(); i++) {
          measure(options, pinning, inTurns.get(i), servers.get(i), results, false);
        }
      } finally {
        for (PeerProcess server : servers) {
          server.close();
        }
      }
    }
    return results;
  }

  /**
   * A server JVM for {@code peer}, warmed until its JIT settles; it serves every workload and run
   * of the peer and pinning.
   */
  private static PeerProcess started(Peer peer, int serverCpu, Options options, String pinning)
      throws Exception {
    PeerProcess server = new PeerProcess(peer, serverCpu, options.idle());
    try {
      long warm = new Workloads(options, pinning, 0).warmUp(peer, server, options.sizes()[0]);
      System.out.printf(
          Locale.ROOT, "  %-10s %-14s warmed up in %d ms%n", pinning, peer.label(), warm);
      return server;
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /**
   * Each run of the workloads {@code peer} takes part in, the runs interleaved; its latency too
   * when {@code latency} (it is not measured in turns).
   */
  private static void measure(
      Options options,
      String pinning,
      Peer peer,
      PeerProcess server,
      List<Result> results,
      boolean latency)
      throws Exception {
    for (int run = 1; run <= options.runs(); run++) {
      Workloads workloads = new Workloads(options, pinning, run);
      if (latency && options.runs("latency") && options.peers().contains(peer)) {
        for (int size : options.sizes()) {
          results.add(log(workloads.latency(peer, server, size)));
        }
      }
      if (options.runs("throughput") && options.throughputPeers().contains(peer)) {
        for (int n : peer.multiplexes() ? options.inFlight() : options.threads()) {
          results.add(
              log(
                  peer.multiplexes()
                      ? workloads.asyncThroughput(peer, server, n)
                      : workloads.threadedThroughput(peer, server, n)));
        }
      }
      if (options.runs("shared") && options.sharedPeers().contains(peer)) {
        for (int n : options.sharedThreads()) {
          results.add(log(workloads.sharedThroughput(peer, server, n)));
        }
      }
    }
  }

  private static Result log(Result r) {
    if (r.workload().equals("latency")) {
      System.out.printf(
          Locale.ROOT,
          "  %-10s run %d %-14s %6s B: p50 %8.2f us  p99 %9.2f us  p99.9 %9.2f us"
              + "  cpu %6.1f us/call  %8.0f B/call%n",
          r.pinning(),
          r.run(),
          r.peer(),
          r.param(),
          r.p50Micros(),
          r.p99Micros(),
          r.p999Micros(),
          r.cpuMicrosPerCall(),
          r.bytesPerCall());
    } else {
      System.out.printf(
          Locale.ROOT,
          "  %-10s run %d %-14s N=%-4s %,10.0f calls/s  cpu %6.1f us/call  %8.0f B/call%n",
          r.pinning(),
          r.run(),
          r.peer(),
          r.param(),
          r.perSecond(),
          r.cpuMicrosPerCall(),
          r.bytesPerCall());
    }
    return r;
  }

  /**
   * Pins this JVM as {@code pinning} asks and returns the CPU for servers, or -1 for none.
   *
   * @throws IllegalStateException if the machine cannot be pinned that way
   */
  static int pin(String pinning) throws IOException, InterruptedException {
    switch (pinning) {
      case Options.CROSS_CORE -> {
        if (CPUS < 2) {
          throw new IllegalStateException("cross-core pinning needs 2 CPUs; this JVM has " + CPUS);
        }
        taskset("0");
        return 1;
      }
      case Options.SAME_CORE -> {
        taskset("0");
        return 0;
      }
      case Options.UNPINNED -> {
        return -1;
      }
      default -> throw new IllegalArgumentException("unknown pinning " + pinning);
    }
  }

  private static void taskset(String cpus) throws IOException, InterruptedException {
    String pid = Long.toString(ProcessHandle.current().pid());
    Process taskset =
        new ProcessBuilder("taskset", "-a", "-cp", cpus, pid)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (taskset.waitFor() != 0) {
      throw new IllegalStateException("taskset -a -cp " + cpus + " " + pid + " failed");
    }
  }
}
