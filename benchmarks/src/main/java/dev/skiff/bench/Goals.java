package dev.skiff.bench;

import java.util.Locale;

/**
 * Issue 7's goals, each a ratio from one run: Skiff against the floors, gRPC-java and libthrift.
 * Reported, never asserted.
 */
final class Goals {
  private final Summary s;

  Goals(Summary summary) {
    this.s = summary;
  }

  void append(StringBuilder out) {
    out.append("### Goals (ratios from this run)\n\n")
        .append("| goal | pinning | case | measured | target | met |\n")
        .append("| --- | --- | --- | ---: | --- | --- |\n");
    for (String pinning : s.pinnings("latency")) {
      for (String skiffPeer : new String[] {"skiff-tcp", "skiff-tcp-eventloop"}) {
        String who = skiffPeer.equals("skiff-tcp") ? "Skiff" : "Skiff event-loop I/O";
        for (String size : s.params("latency", pinning, skiffPeer)) {
          double floor = p50(pinning, "floor-tcp", size);
          double skiff = p50(pinning, skiffPeer, size) - floor;
          double thrift = p50(pinning, "libthrift-tcp", size) - floor;
          double grpc = p50(pinning, "grpc-tcp", size) - floor;
          String c = Report.size(size);
          overheadRow(out, who + " / libthrift", pinning, c, skiff, thrift, 1.0);
          overheadRow(out, who + " / gRPC", pinning, c, skiff, grpc, 0.25);
          double p99 =
              s.median("latency", pinning, skiffPeer, size, Result::p99Micros)
                  / s.median("latency", pinning, "grpc-tcp", size, Result::p99Micros);
          row(out, "tcp p99: " + who + " / gRPC", pinning, c, p99, 0.5);
        }
      }
      for (String size : s.params("latency", pinning, "skiff-shm")) {
        double ratio = p50(pinning, "skiff-shm", size) / p50(pinning, "floor-mapped", size);
        row(out, "shm p50: Skiff / mapped floor", pinning, Report.size(size), ratio, 2.0);
      }
    }
    for (String pinning : s.pinnings("throughput")) {
      double skiff = s.peak("throughput", pinning, "skiff-tcp", Result::perSecond);
      double grpc = s.peak("throughput", pinning, "grpc-tcp", Result::perSecond);
      double thrift = s.median("throughput", pinning, "libthrift-tcp", "64", Result::perSecond);
      row(out, "async calls/s, best N: Skiff / gRPC", pinning, "one connection", skiff / grpc, -2);
      row(out, "calls/s: Skiff best N / libthrift 64 threads", pinning, "tcp", skiff / thrift, -3);
    }
    for (String protocol : new String[] {"compact", "binary"}) {
      double ratio =
          s.codecRoundNanos("libthrift-" + protocol) / s.codecRoundNanos("skiff-" + protocol);
      if (!Double.isNaN(ratio)) {
        row(out, "codec encode+decode speed: Skiff / libthrift", "-", protocol, ratio, -1.5);
      }
    }
    out.append('\n');
  }

  private double p50(String pinning, String peer, String size) {
    return s.median("latency", pinning, peer, size, Result::p50Micros);
  }

  /** A positive target is a ceiling ("at most"), a negative one a floor ("at least"). */
  /**
   * A ratio of two overheads over the floor. A peer measured at or below the floor (its p50 within
   * the floor's run-to-run noise) has no overhead to compare with: the row says so instead of
   * printing a meaningless negative ratio.
   */
  private static void overheadRow(
      StringBuilder out,
      String who,
      String pinning,
      String c,
      double skiff,
      double peer,
      double target) {
    String goal = "tcp p50 overhead over floor: " + who;
    if (peer <= 0 || skiff <= 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | - | <= %.2f | n/a: %s at or below the floor |%n",
              goal,
              pinning,
              c,
              target,
              peer <= 0 ? "the peer" : "Skiff"));
      return;
    }
    row(out, goal, pinning, c, skiff / peer, target);
  }

  private static void row(
      StringBuilder out, String goal, String pinning, String c, double measured, double target) {
    if (Double.isNaN(measured)) {
      return;
    }
    boolean atMost = target > 0;
    boolean met = atMost ? measured <= target : measured >= -target;
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %.2f | %s %.2f | %s |%n",
            goal,
            pinning,
            c,
            measured,
            atMost ? "<=" : ">=",
            Math.abs(target),
            met ? "yes" : "**no**"));
  }
}
