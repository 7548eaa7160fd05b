package dev.skiff.bench;

import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Sync round-trip latency of a Skiff call over shm, unix and tcp, each with the server in a second
 * JVM, next to a raw memory-mapped ping-pong between two processes ({@link MappedPingPong}), the
 * floor. Prints p50 and p99 per transport and payload size, each the median over several runs.
 *
 * <pre>
 * taskset -c 0 java -jar benchmarks/target/skiff-benchmarks.jar [options]
 *   --transports floor,shm,unix,tcp   --sizes 32,1024
 *   --warmup 20000  --iterations 100000  --runs 5
 *   --server-cpu N   pin the server process with taskset (the harness pins nothing itself)
 *   --idle backoff|spin   how shm receivers wait
 * </pre>
 *
 * <p>Results depend on the machine and on pinning; nothing asserts on them.
 */
public final class LatencyBenchmark {
  /** One measurement: a transport, a payload size, the median p50 and p99 over the runs. */
  record Result(String transport, int size, double p50Micros, double p99Micros) {}

  record Options(
      List<String> transports,
      int[] sizes,
      int warmup,
      int iterations,
      int runs,
      int serverCpu,
      ShmConfig.IdleMode idle) {
    static Options parse(String[] args) {
      List<String> transports = List.of("floor", "shm", "unix", "tcp");
      int[] sizes = {32, 1024};
      int warmup = 20_000;
      int iterations = 100_000;
      int runs = 5;
      int serverCpu = -1;
      ShmConfig.IdleMode idle = ShmConfig.IdleMode.BACKOFF;
      for (int i = 0; i < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--transports" -> transports = List.of(value.split(","));
          case "--sizes" ->
              sizes = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--iterations" -> iterations = Integer.parseInt(value);
          case "--runs" -> runs = Integer.parseInt(value);
          case "--server-cpu" -> serverCpu = Integer.parseInt(value);
          case "--idle" ->
              idle = ShmConfig.IdleMode.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(transports, sizes, warmup, iterations, runs, serverCpu, idle);
    }
  }

  private LatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--serve")) {
      serve(args[1], ShmConfig.IdleMode.valueOf(args[2]));
      return;
    }
    if (args.length > 0 && args[0].equals("--pong")) {
      try (MappedPingPong floor = new MappedPingPong(Path.of(args[1]))) {
        System.out.println("READY");
        floor.pong(Integer.parseInt(args[2]));
      }
      return;
    }
    Options options = Options.parse(args);
    List<Result> results = run(options);
    print(options, results);
  }

  static List<Result> run(Options options) throws Exception {
    List<Result> results = new ArrayList<>();
    for (int size : options.sizes()) {
      for (String transport : options.transports()) {
        double[] p50 = new double[options.runs()];
        double[] p99 = new double[options.runs()];
        for (int run = 0; run < options.runs(); run++) {
          Histogram histogram = measure(transport, size, options);
          p50[run] = histogram.getValueAtPercentile(50) / 1000.0;
          p99[run] = histogram.getValueAtPercentile(99) / 1000.0;
        }
        results.add(new Result(transport, size, median(p50), median(p99)));
      }
    }
    return results;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Histogram measure(String transport, int size, Options options) throws Exception {
    Path dir = Files.createTempDirectory("skiff-bench");
    try {
      return transport.equals("floor")
          ? measureFloor(dir, size, options)
          : measureRpc(transport, dir, size, options);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static Histogram measureFloor(Path dir, int size, Options options) throws Exception {
    Path file =
        Path.of("/dev/shm").toFile().isDirectory()
            ? Files.createTempFile(Path.of("/dev/shm"), "skiff-floor-", ".map")
            : dir.resolve("floor.map");
    try (MappedPingPong floor = new MappedPingPong(file);
        Child pong = new Child(options, "--pong", file.toString(), Integer.toString(size))) {
      pong.await("READY");
      byte[] payload = new byte[size];
      byte[] reply = new byte[size];
      Histogram histogram = new Histogram(3);
      long sequence = 0;
      for (int i = 0; i < options.warmup() + options.iterations(); i++) {
        long start = System.nanoTime();
        floor.ping(++sequence, payload, reply);
        long took = System.nanoTime() - start;
        if (i >= options.warmup()) {
          histogram.recordValue(took);
        }
      }
      floor.stop();
      return histogram;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Histogram measureRpc(String transport, Path dir, int size, Options options)
      throws Exception {
    String address =
        switch (transport) {
          case "shm" -> "shm://bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
          case "unix" -> "unix://" + dir.resolve("bench.sock");
          case "tcp" -> "tcp://127.0.0.1:0";
          default -> throw new IllegalArgumentException("unknown transport " + transport);
        };
    try (Child server = new Child(options, "--serve", address, options.idle().name())) {
      String actual = server.await("READY ").substring(6);
      ShmConfig shm = ShmConfig.builder().idle(options.idle()).build();
      try (Channel channel = Channel.builder(actual).shmConfig(shm).build()) {
        BenchService.Payload args = new BenchService.Payload((short) 1, Bytes.of(new byte[size]));
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < options.warmup() + options.iterations(); i++) {
          long start = System.nanoTime();
          Bytes reply =
              ClientCalls.await(channel.call(null, BenchService.ECHO, args, CallOptions.DEFAULT));
          long took = System.nanoTime() - start;
          if (reply.size() != size) {
            throw new IllegalStateException("reply of " + reply.size() + " bytes, sent " + size);
          }
          if (i >= options.warmup()) {
            histogram.recordValue(took);
          }
        }
        return histogram;
      }
    }
  }

  /** The server side: a Skiff server whose handler runs on the receiving thread. */
  private static void serve(String address, ShmConfig.IdleMode idle) throws Exception {
    Server server =
        Server.builder(address)
            .directExecutor()
            .eventLoopThreads(1)
            .shmConfig(ShmConfig.builder().idle(idle).build())
            .service(BenchService.definition())
            .build()
            .start();
    System.out.println("READY " + server.address());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Runs until the harness closes stdin.
    }
    server.close();
  }

  private static void print(Options options, List<Result> results) {
    System.out.printf(
        Locale.ROOT,
        "sync round trip, median of %d runs of %d calls (after %d warm-up), server cpu %s, shm idle %s%n",
        options.runs(),
        options.iterations(),
        options.warmup(),
        options.serverCpu() < 0 ? "unpinned" : Integer.toString(options.serverCpu()),
        options.idle());
    System.out.println("| transport | payload | p50 (us) | p99 (us) | p50 vs floor | p50 vs shm |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (Result r : results) {
      Result floor = find(results, "floor", r.size());
      Result shm = find(results, "shm", r.size());
      System.out.printf(
          Locale.ROOT,
          "| %s | %d B | %.2f | %.2f | %s | %s |%n",
          r.transport(),
          r.size(),
          r.p50Micros(),
          r.p99Micros(),
          floor == null
              ? ""
              : String.format(Locale.ROOT, "%.1fx", r.p50Micros() / floor.p50Micros()),
          shm == null ? "" : String.format(Locale.ROOT, "%.1fx", r.p50Micros() / shm.p50Micros()));
    }
  }

  private static Result find(List<Result> results, String transport, int size) {
    return results.stream()
        .filter(r -> r.transport().equals(transport) && r.size() == size)
        .findFirst()
        .orElse(null);
  }

  /** The second process, on the same classpath, pinned if asked. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    Child(Options options, String... args) throws IOException {
      List<String> command = new ArrayList<>();
      if (options.serverCpu() >= 0) {
        command.addAll(List.of("taskset", "-c", Integer.toString(options.serverCpu())));
      }
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "--add-exports",
              "java.base/jdk.internal.misc=ALL-UNNAMED",
              "-Xms256m",
              "-Xmx256m",
              "-cp",
              System.getProperty("java.class.path"),
              LatencyBenchmark.class.getName()));
      command.addAll(List.of(args));
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    String await(String prefix) throws IOException {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new IOException("benchmark peer exited before printing " + prefix);
    }

    @Override
    public void close() throws Exception {
      process.getOutputStream().close();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
