package dev.skiff.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's output: Markdown tables of the medians over runs (latency, throughput, codec) and the
 * goals of issue 7 as ratios from this run; every single measurement as CSV; a chart as SVG.
 */
final class Report {
  private final Summary summary;
  private final Machine machine;

  Report(Summary summary, Machine machine) {
    this.summary = summary;
    this.machine = machine;
  }

  static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
  }

  private static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  /** Writes results.csv, results.md and results.svg into {@code dir}. */
  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> csv = new ArrayList<>();
    csv.add("# " + machine.oneLine());
    csv.add(Result.CSV_HEADER);
    summary.results().forEach(r -> csv.add(r.csv()));
    Files.write(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("results.svg"),
        new SvgChart(summary, machine).render(),
        StandardCharsets.UTF_8);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ").append(machine.oneLine()).append("\n\n");
    out.append(
        "Pinning: cross-core = client JVM on CPU 0, server JVM on CPU 1; same-core = both on CPU 0"
            + " (taskset, by the harness). Figures are medians of the runs; compare within this"
            + " run only. The socket peers' latencies are measured taking turns, slices of at most "
            + Turns.SLICE_MILLIS
            + " ms each, their servers up side by side; the shared-memory peers' one peer at a"
            + " time.\n\n");
    for (String pinning : summary.pinnings("latency")) {
      latency(out, pinning);
    }
    for (String pinning : summary.pinnings("throughput")) {
      rates(
          out,
          "throughput",
          "Throughput, "
              + pinning
              + ": calls/s (Skiff and gRPC: one connection, N calls in flight; libthrift: N"
              + " threads, a connection each)",
          pinning);
    }
    for (String pinning : summary.pinnings("shared")) {
      rates(
          out,
          "shared",
          "Shared connection, "
              + pinning
              + ": calls/s of N threads making sync calls on one connection",
          pinning);
    }
    if (!summary.pinnings("codec").isEmpty()) {
      codec(out);
    }
    new Goals(summary).append(out);
    return out.toString();
  }

  private void latency(StringBuilder out, String pinning) {
    out.append("### Latency, ")
        .append(pinning)
        .append(": one caller, sequential sync calls (median of runs)\n\n")
        .append(
            "| peer | payload | p50 (us) | p99 (us) | p99.9 (us) | p50 over floor (us) |"
                + " CPU (us/call) | alloc (B/call) |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (String param : summary.params("latency", pinning, null)) {
      for (String peer : summary.peers("latency", pinning)) {
        double p50 = summary.median("latency", pinning, peer, param, Result::p50Micros);
        if (Double.isNaN(p50)) {
          continue;
        }
        double floor =
            summary.median("latency", pinning, Summary.floorOf(peer), param, Result::p50Micros);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                peer,
                size(param),
                fixed(p50, 2),
                fixed(summary.median("latency", pinning, peer, param, Result::p99Micros), 1),
                fixed(summary.median("latency", pinning, peer, param, Result::p999Micros), 1),
                peer.startsWith("floor-") ? "-" : fixed(p50 - floor, 2),
                fixed(summary.median("latency", pinning, peer, param, Result::cpuMicrosPerCall), 1),
                fixed(summary.median("latency", pinning, peer, param, Result::bytesPerCall), 0)));
      }
    }
    out.append('\n');
  }

  private void rates(StringBuilder out, String workload, String title, String pinning) {
    out.append("### ")
        .append(title)
        .append("\n\n")
        .append("| peer | N | calls/s | CPU (us/call) | alloc (B/call) |\n")
        .append("| --- | ---: | ---: | ---: | ---: |\n");
    for (String peer : summary.peers(workload, pinning)) {
      for (String param : summary.params(workload, pinning, peer)) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                peer,
                param,
                fixed(summary.median(workload, pinning, peer, param, Result::perSecond), 0),
                fixed(summary.median(workload, pinning, peer, param, Result::cpuMicrosPerCall), 1),
                fixed(summary.median(workload, pinning, peer, param, Result::bytesPerCall), 0)));
      }
    }
    out.append('\n');
  }

  private void codec(StringBuilder out) {
    out.append("### Codec (JMH, `Order`: encode and decode, median of forks)\n\n")
        .append(
            "| codec | encode (ops/s) | decode (ops/s) | encode (B/op) | decode (B/op) |"
                + " encode+decode (ns) |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (String codec : summary.peers("codec", "-")) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              codec,
              fixed(summary.median("codec", "-", codec, "encode", Result::perSecond), 0),
              fixed(summary.median("codec", "-", codec, "decode", Result::perSecond), 0),
              fixed(summary.median("codec", "-", codec, "encode", Result::bytesPerCall), 0),
              fixed(summary.median("codec", "-", codec, "decode", Result::bytesPerCall), 0),
              fixed(summary.codecRoundNanos(codec), 0)));
    }
    out.append('\n');
  }

  static String size(String bytes) {
    int n = Integer.parseInt(bytes);
    return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KiB" : n + " B";
  }
}
