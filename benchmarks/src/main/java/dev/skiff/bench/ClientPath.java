package dev.skiff.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * libthrift's and Skiff's clients calling one server in turns, cross-core, each on a thread of its
 * own, so that a tracer can follow each client's thread through a round trip: {@code
 * benchmarks/scripts/client-path.sh} runs this under bpftrace and reports, per client, where the
 * time between the reply's wake-up and the next request's write goes. Prints each client's p50 and
 * p90 itself.
 *
 * <pre>
 * java -cp benchmarks/target/skiff-benchmarks.jar dev.skiff.bench.ClientPath
 *   [--server libthrift|skiff] [--seconds 25] [--size 32] [--tids FILE]
 * </pre>
 */
public final class ClientPath {
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int UNRECORDED = 20;

  private static final String USAGE =
      """
      java -cp benchmarks/target/skiff-benchmarks.jar dev.skiff.bench.ClientPath
        --server libthrift|skiff --seconds 25 --size 32 [--tids ...]   (see scripts/client-path.sh)
      """;

  private ClientPath() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    Peer serverPeer;
    long seconds;
    int size;
    String tids;
    Options options;
    try {
      serverPeer =
          Options.take(rest, "--server", "libthrift").equals("skiff")
              ? Peer.SKIFF_TCP
              : Peer.THRIFT;
      seconds = Long.parseLong(Options.take(rest, "--seconds", "25"));
      size = Integer.parseInt(Options.take(rest, "--size", "32"));
      tids = Options.take(rest, "--tids", null);
      options = Options.parse(rest.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      Options.exitWithUsage(e, USAGE);
      return;
    }
    for (String line :
        measure(options, Options.CROSS_CORE, serverPeer, size, seconds * 1000, tids)) {
      System.out.println(line);
    }
    System.exit(0);
  }

  /**
   * Starts {@code serverPeer}'s server, pinned as {@code pinning} says, and has both clients call
   * it in turns for {@code millis}.
   *
   * @param tids where to write each client's thread id once its thread runs; null for nowhere
   * @return one line per client: its calls, p50 and p90
   */
  static List<String> measure(
      Options options, String pinning, Peer serverPeer, int size, long millis, String tids)
      throws Exception {
    int serverCpu = BenchmarkSuite.pin(pinning);
    try (PeerProcess server = new PeerProcess(serverPeer, serverCpu, options.idle())) {
      String port = server.address().substring(server.address().lastIndexOf(':') + 1);
      List<Client> clients =
          List.of(
              new Client("libthrift", Peer.THRIFT.caller(port, size, options.idle())),
              new Client(
                  "skiff", Peer.SKIFF_TCP.caller("tcp://127.0.0.1:" + port, size, options.idle())));
      try {
        run(clients, TimeUnit.MILLISECONDS.toNanos(millis), tids);
      } finally {
        for (Client client : clients) {
          client.caller.close();
        }
      }
      return clients.stream().map(Client::summary).toList();
    }
  }

  /** Each client calls for a slice of 100 ms, then hands the turn to the next. */
  private static void run(List<Client> clients, long nanos, String tids) throws Exception {
    int n = clients.size();
    Semaphore[] turn = new Semaphore[n];
    Arrays.setAll(turn, i -> new Semaphore(0));
    Semaphore started = new Semaphore(0);
    long[] end = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int me = i;
      Client client = clients.get(i);
      Thread thread =
          new Thread(
              () -> {
                client.tid = linuxThreadId();
                started.release();
                try {
                  while (true) {
                    turn[me].acquire();
                    if (System.nanoTime() - end[0] > 0) {
                      turn[(me + 1) % n].release();
                      return;
                    }
                    client.slice(System.nanoTime() + SLICE_NANOS);
                    turn[(me + 1) % n].release();
                  }
                } catch (Exception e) {
                  client.failure = e;
                  turn[(me + 1) % n].release();
                }
              },
              "client-path " + client.name);
      threads.add(thread);
      thread.start();
    }
    started.acquire(n);
    if (tids != null) {
      StringBuilder lines = new StringBuilder();
      clients.forEach(c -> lines.append(c.name).append(' ').append(c.tid).append('\n'));
      Path file = Path.of(tids);
      Path partial = Path.of(tids + ".partial");
      Files.writeString(partial, lines, StandardCharsets.UTF_8);
      Files.move(partial, file); // whole, for the script that waits for it
    }
    end[0] = System.nanoTime() + nanos;
    turn[0].release();
    for (Thread thread : threads) {
      thread.join();
    }
    for (Client client : clients) {
      if (client.failure != null) {
        throw client.failure;
      }
    }
  }

  private static String linuxThreadId() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static final class Client {
    final String name;
    final Caller caller;
    final long[] latencies = new long[1 << 22];
    int count;
    volatile String tid;
    volatile Exception failure;

    Client(String name, Caller caller) {
      this.name = name;
      this.caller = caller;
    }

    void slice(long sliceEnd) throws Exception {
      for (int i = 0; i < UNRECORDED; i++) {
        caller.call();
      }
      for (long start = System.nanoTime(); start - sliceEnd < 0; start = System.nanoTime()) {
        caller.call();
        long took = System.nanoTime() - start;
        if (count < latencies.length) {
          latencies[count++] = took;
        }
      }
    }

    String summary() {
      if (count == 0) {
        return name + " calls 0";
      }
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      return String.format(
          Locale.ROOT,
          "%-9s calls %,d  p50 %.2f us  p90 %.2f us",
          name,
          count,
          sorted[count / 2] / 1000.0,
          sorted[count * 9 / 10] / 1000.0);
    }
  }
}
