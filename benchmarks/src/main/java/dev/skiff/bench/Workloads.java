package dev.skiff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end workloads, run against a server already started in its own JVM: sequential sync
 * calls into a histogram, and calls per second with many in flight. Each warms up for a while, then
 * measures for a while; CPU time and allocation of both JVMs are taken around the measured part.
 */
final class Workloads {
  private final Options options;
  private final String pinning;
  private final int run;

  Workloads(Options options, String pinning, int run) {
    this.options = options;
    this.pinning = pinning;
    this.run = run;
  }

  /**
   * Warms a fresh server and this JVM's client code: sequential calls of {@code size} bytes in
   * windows of 250 ms until none has beaten the best rate so far by more than 3% for three seconds
   * (the JIT has settled), for at least {@link Options#warmupMillis} and at most {@link
   * Options#maxWarmupMillis}. gRPC-java needs ten seconds and more on a busy two-core machine;
   * Skiff and libthrift a few.
   *
   * @return how long it took, in milliseconds
   */
  long warmUp(Peer peer, PeerProcess server, int size) throws Exception {
    long start = System.nanoTime();
    long min = start + options.warmupMillis() * 1_000_000L;
    long max = start + options.maxWarmupMillis() * 1_000_000L;
    try (Caller caller = peer.caller(server.address(), size, options.idle())) {
      double best = 0;
      long improved = start;
      while (true) {
        long windowEnd = System.nanoTime() + 250_000_000L;
        long calls = 0;
        while (System.nanoTime() - windowEnd < 0) {
          check(caller.call(), size, peer);
          calls++;
        }
        long now = System.nanoTime();
        if (calls > best * 1.03) {
          improved = now;
        }
        best = Math.max(best, calls);
        boolean settled = now - improved >= 3_000_000_000L;
        if (now - max >= 0 || (settled && now - min >= 0)) {
          return (now - start) / 1_000_000;
        }
      }
    }
  }

  /** One caller, sequential sync calls of {@code size} bytes. */
  Result latency(Peer peer, PeerProcess server, int size) throws Exception {
    try (Caller caller = peer.caller(server.address(), size, options.idle())) {
      Turns.warm(caller, size, peer.label(), options.caseWarmupMillis());
      Turns.Tally tally = new Turns.Tally();
      ProcessStats.Mark mark = mark(server);
      tally.measure(caller, size, peer.label(), options.measureMillis() * 1_000_000L);
      return latencyResult(peer, size, tally, used(mark, server));
    }
  }

  /**
   * One caller per peer, sequential sync calls of {@code size} bytes, the peers taking turns (see
   * {@link Turns}) for {@link Options#measureMillis} each. CPU time and allocation count the
   * measured slices only.
   *
   * @return a result per peer, in the order of {@code peers}
   */
  List<Result> latencyInTurns(List<Peer> peers, List<PeerProcess> servers, int size)
      throws Exception {
    int n = peers.size();
    List<Caller> callers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        callers.add(peers.get(i).caller(servers.get(i).address(), size, options.idle()));
      }
      ProcessStats[] used = new ProcessStats[n];
      Arrays.fill(used, new ProcessStats(0, 0));
      Turns.Hook stats =
          new Turns.Hook() {
            private ProcessStats.Mark mark;

            @Override
            public void sliceStarts(int i) throws Exception {
              mark = mark(servers.get(i));
            }

            @Override
            public void sliceEnded(int i) throws Exception {
              used[i] = used[i].plus(used(mark, servers.get(i)));
            }
          };
      Turns.Tally[] tallies =
          Turns.run(
              callers,
              peers.stream().map(Peer::label).toList(),
              size,
              options.caseWarmupMillis(),
              options.measureMillis(),
              stats);
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(latencyResult(peers.get(i), size, tallies[i], used[i]));
      }
      return results;
    } finally {
      for (Caller caller : callers) {
        caller.close();
      }
    }
  }

  private Result latencyResult(Peer peer, int size, Turns.Tally tally, ProcessStats used) {
    Histogram h = tally.histogram;
    return new Result(
        "latency",
        pinning,
        peer.label(),
        Integer.toString(size),
        run,
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3,
        tally.calls * 1e9 / tally.nanos,
        used.cpuNanos() / 1e3 / tally.calls,
        (double) used.allocatedBytes() / tally.calls);
  }

  /** One connection with {@code inFlight} calls outstanding at all times. */
  Result asyncThroughput(Peer peer, PeerProcess server, int inFlight) throws Exception {
    int size = options.throughputPayload();
    try (AsyncCaller caller = peer.asyncCaller(server.address(), size, options.idle())) {
      AtomicLong completed = new AtomicLong();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      CountDownLatch drained = new CountDownLatch(inFlight);
      AtomicBoolean stop = new AtomicBoolean();
      Consumer<Throwable> next =
          new Consumer<>() {
            @Override
            public void accept(Throwable failure) {
              if (failure != null) {
                failed.compareAndSet(null, failure);
              }
              completed.incrementAndGet();
              if (failure != null || stop.get()) {
                drained.countDown();
              } else {
                caller.start(this);
              }
            }
          };
      for (int i = 0; i < inFlight; i++) {
        caller.start(next);
      }
      Result result =
          measureWindow("throughput", peer, server, Integer.toString(inFlight), completed::get);
      stop.set(true);
      if (!drained.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(peer.label() + ": calls still in flight after 30 s");
      }
      if (failed.get() != null) {
        throw new IllegalStateException(peer.label() + " call failed", failed.get());
      }
      return result;
    }
  }

  /** {@code threads} threads, each with a connection of its own, making sequential sync calls. */
  Result threadedThroughput(Peer peer, PeerProcess server, int threads) throws Exception {
    return syncThroughput("throughput", peer, server, threads, threads);
  }

  /**
   * {@code threads} threads making sequential sync calls on one connection they share, as the
   * request threads of a service share a channel to another: how a multiplexing client copes with
   * many blocked callers.
   */
  Result sharedThroughput(Peer peer, PeerProcess server, int threads) throws Exception {
    if (!peer.multiplexes()) {
      throw new IllegalArgumentException(peer.label() + " cannot share a connection");
    }
    return syncThroughput("shared", peer, server, threads, 1);
  }

  private Result syncThroughput(
      String workload, Peer peer, PeerProcess server, int threads, int connections)
      throws Exception {
    int size = options.throughputPayload();
    LongAdder completed = new LongAdder();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    List<Caller> callers = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    try {
      for (int i = 0; i < connections; i++) {
        callers.add(peer.caller(server.address(), size, options.idle()));
      }
      for (int i = 0; i < threads; i++) {
        Caller caller = callers.get(i % connections);
        Thread worker =
            new Thread(
                () -> {
                  try {
                    while (!stop.get()) {
                      check(caller.call(), size, peer);
                      completed.increment();
                    }
                  } catch (Exception e) {
                    failed.compareAndSet(null, e);
                  }
                },
                "bench-caller");
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
      Result result =
          measureWindow(workload, peer, server, Integer.toString(threads), completed::sum);
      if (failed.get() != null) {
        throw new IllegalStateException(peer.label() + " call failed", failed.get());
      }
      return result;
    } finally {
      stop.set(true);
      for (Thread worker : workers) {
        worker.join(30_000);
      }
      for (Caller caller : callers) {
        caller.close();
      }
    }
  }

  private interface Counter {
    long get();
  }

  private Result measureWindow(
      String workload, Peer peer, PeerProcess server, String param, Counter completed)
      throws Exception {
    Thread.sleep(options.throughputWarmupMillis());
    ProcessStats.Mark mark = mark(server);
    long count = completed.get();
    long start = System.nanoTime();
    Thread.sleep(options.throughputMeasureMillis());
    long calls = completed.get() - count;
    long took = System.nanoTime() - start;
    ProcessStats used = used(mark, server);
    double perCall = Math.max(calls, 1);
    return new Result(
        workload,
        pinning,
        peer.label(),
        param,
        run,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        calls * 1e9 / took,
        used.cpuNanos() / 1e3 / perCall,
        used.allocatedBytes() / perCall);
  }

  private static ProcessStats.Mark mark(PeerProcess server) throws Exception {
    server.mark();
    return new ProcessStats.Mark();
  }

  private static ProcessStats used(ProcessStats.Mark mark, PeerProcess server) throws Exception {
    return mark.since().plus(server.stats());
  }

  private static void check(int length, int size, Peer peer) {
    Turns.check(length, size, peer.label());
  }
}
