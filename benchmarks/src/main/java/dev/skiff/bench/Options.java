package dev.skiff.bench;

import dev.skiff.rpc.transport.shm.ShmConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a run of the suite measures and for how long. The defaults are the documented run, about
 * nine minutes on two cores; {@code --quick} is the seconds-long smoke run.
 *
 * <p>The options are in {@link #USAGE}.
 */
record Options(
    List<String> workloads,
    List<Peer> peers,
    int[] sizes,
    int warmupMillis,
    int maxWarmupMillis,
    int caseWarmupMillis,
    int measureMillis,
    List<Peer> throughputPeers,
    int[] inFlight,
    int[] threads,
    int throughputWarmupMillis,
    int throughputMeasureMillis,
    int throughputPayload,
    int runs,
    List<String> pinnings,
    ShmConfig.IdleMode idle,
    int jmhWarmup,
    int jmhIterations,
    Path out,
    List<Peer> sharedPeers,
    int[] sharedThreads) {

  /** What {@code --help} prints, and what a bad option is answered with. */
  static final String USAGE =
      """
      java -jar benchmarks/target/skiff-benchmarks.jar [options]
        --workloads latency,throughput,shared,codec    which parts to run
        --peers floor-mapped,floor-unix,floor-tcp,skiff-shm,skiff-unix,skiff-tcp,skiff-tcp-eventloop,
                grpc-tcp,libthrift-tcp
        --sizes 32,1024,65536                    latency payloads, bytes
        --warmup-ms 1000 --max-warmup-ms 25000   each new server, until calls/s settle
        --case-warmup-ms 300 --measure-ms 1200   per latency case
        --throughput-peers skiff-tcp,grpc-tcp,libthrift-tcp
        --in-flight 1,4,16,64,256                async calls on one connection (Skiff, gRPC)
        --threads 1,4,16,64                      threads, one connection each (libthrift)
        --shared-peers skiff-tcp,skiff-tcp-eventloop,grpc-tcp
        --shared-threads 4,16,64                 threads making sync calls on one shared connection
        --throughput-warmup-ms 500 --throughput-measure-ms 1000 --throughput-payload 32
        --runs 2                                 every case, interleaved
        --pin cross-core,same-core               or unpinned; see BenchmarkSuite
        --idle backoff|busy-spin                 how shm receivers wait
        --jmh-warmup 2 --jmh-iterations 3        one-second iterations, one fork per benchmark
        --out docs/benchmarks                    where CSV, SVG and the table go; "none" for nowhere
        --quick                                  seconds-long smoke settings
      """;

  static final String CROSS_CORE = "cross-core";
  static final String SAME_CORE = "same-core";
  static final String UNPINNED = "unpinned";

  static Options defaults() {
    return new Options(
        List.of("latency", "throughput", "shared", "codec"),
        List.of(Peer.values()),
        new int[] {32, 1024, 65536},
        1000,
        25000,
        300,
        1200,
        List.of(Peer.SKIFF_TCP, Peer.GRPC, Peer.THRIFT),
        new int[] {1, 4, 16, 64, 256},
        new int[] {1, 4, 16, 64},
        500,
        1000,
        32,
        2,
        List.of(CROSS_CORE, SAME_CORE),
        ShmConfig.IdleMode.BACKOFF,
        2,
        3,
        Path.of("docs", "benchmarks"),
        List.of(Peer.SKIFF_TCP, Peer.SKIFF_TCP_EVENT_LOOP, Peer.GRPC),
        new int[] {4, 16, 64});
  }

  /**
   * A few hundred milliseconds per case, no JMH: proves the harness works, measures nothing. Other
   * options given with it apply on top.
   */
  Options quick() {
    return new Options(
        List.of("latency", "throughput", "shared"),
        peers,
        new int[] {32, 1024},
        100,
        300,
        100,
        200,
        throughputPeers,
        new int[] {1, 16},
        new int[] {1, 4},
        300,
        300,
        throughputPayload,
        1,
        List.of(UNPINNED),
        idle,
        0,
        1,
        out,
        sharedPeers,
        new int[] {4});
  }

  boolean runs(String workload) {
    return workloads.contains(workload);
  }

  static Options parse(String... args) {
    Options o = Arrays.asList(args).contains("--quick") ? defaults().quick() : defaults();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value");
      }
      String v = args[++i];
      o =
          switch (args[i - 1]) {
            case "--workloads" -> o.with(0, words(v));
            case "--peers" -> o.with(1, peers(v));
            case "--sizes" -> o.with(2, ints(v));
            case "--warmup-ms" -> o.with(3, Integer.parseInt(v));
            case "--max-warmup-ms" -> o.with(4, Integer.parseInt(v));
            case "--case-warmup-ms" -> o.with(5, Integer.parseInt(v));
            case "--measure-ms" -> o.with(6, Integer.parseInt(v));
            case "--throughput-peers" -> o.with(7, peers(v));
            case "--in-flight" -> o.with(8, ints(v));
            case "--threads" -> o.with(9, ints(v));
            case "--throughput-warmup-ms" -> o.with(10, Integer.parseInt(v));
            case "--throughput-measure-ms" -> o.with(11, Integer.parseInt(v));
            case "--throughput-payload" -> o.with(12, Integer.parseInt(v));
            case "--runs" -> o.with(13, Integer.parseInt(v));
            case "--pin" -> o.with(14, words(v));
            case "--idle" ->
                o.with(
                    15, ShmConfig.IdleMode.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
            case "--jmh-warmup" -> o.with(16, Integer.parseInt(v));
            case "--jmh-iterations" -> o.with(17, Integer.parseInt(v));
            case "--out" -> o.with(18, v.equals("none") ? null : Path.of(v));
            case "--shared-peers" -> o.with(19, peers(v));
            case "--shared-threads" -> o.with(20, ints(v));
            default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
          };
    }
    return o;
  }

  private static List<String> words(String v) {
    return List.of(v.split(","));
  }

  private static List<Peer> peers(String v) {
    return Arrays.stream(v.split(",")).map(Peer::byLabel).toList();
  }

  private static int[] ints(String v) {
    return Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /**
   * Ends a tool that was given a bad option: says why and how to call it, without a stack trace,
   * and exits with status 2.
   */
  static void exitWithUsage(IllegalArgumentException why, String usage) {
    String message = why.getMessage();
    if (why instanceof NumberFormatException) {
      message = "not a number: " + message;
    }
    System.err.println("error: " + message);
    System.err.print(usage);
    System.exit(2);
  }

  /** A copy with component {@code index} replaced: keeps {@link #parse} to one line an option. */
  private Options with(int index, Object value) {
    Object[] c = {
      workloads,
      peers,
      sizes,
      warmupMillis,
      maxWarmupMillis,
      caseWarmupMillis,
      measureMillis,
      throughputPeers,
      inFlight,
      threads,
      throughputWarmupMillis,
      throughputMeasureMillis,
      throughputPayload,
      runs,
      pinnings,
      idle,
      jmhWarmup,
      jmhIterations,
      out,
      sharedPeers,
      sharedThreads
    };
    c[index] = value;
    @SuppressWarnings("unchecked")
    Options copy =
        new Options(
            (List<String>) c[0],
            (List<Peer>) c[1],
            (int[]) c[2],
            (int) c[3],
            (int) c[4],
            (int) c[5],
            (int) c[6],
            (List<Peer>) c[7],
            (int[]) c[8],
            (int[]) c[9],
            (int) c[10],
            (int) c[11],
            (int) c[12],
            (int) c[13],
            (List<String>) c[14],
            (ShmConfig.IdleMode) c[15],
            (int) c[16],
            (int) c[17],
            (Path) c[18],
            (List<Peer>) c[19],
            (int[]) c[20]);
    return copy;
  }

  /**
   * Removes {@code flag} and its value from {@code args}, for mains with options of their own.
   *
   * @return the value, or {@code otherwise} when the flag is absent
   */
  static String take(List<String> args, String flag, String otherwise) {
    int at = args.indexOf(flag);
    if (at < 0) {
      return otherwise;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }
}
