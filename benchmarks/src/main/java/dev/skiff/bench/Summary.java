package dev.skiff.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The results of one suite run, and their medians over runs: what tables and charts show. */
final class Summary {
  private final List<Result> results;

  Summary(List<Result> results) {
    this.results = List.copyOf(results);
  }

  List<Result> results() {
    return results;
  }

  /** The median of {@code metric} over the runs of one case; NaN when there is none. */
  double median(
      String workload, String pinning, String peer, String param, ToDoubleFunction<Result> metric) {
    double[] values =
        results.stream()
            .filter(
                r ->
                    r.workload().equals(workload)
                        && r.pinning().equals(pinning)
                        && r.peer().equals(peer)
                        && r.param().equals(param))
            .mapToDouble(metric)
            .filter(v -> !Double.isNaN(v))
            .toArray();
    return median(values);
  }

  /** The median of {@code values}; NaN when there are none. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The highest median of {@code metric} over a peer's params: its best throughput. */
  double peak(String workload, String pinning, String peer, ToDoubleFunction<Result> metric) {
    return params(workload, pinning, peer).stream()
        .mapToDouble(param -> median(workload, pinning, peer, param, metric))
        .filter(v -> !Double.isNaN(v))
        .max()
        .orElse(Double.NaN);
  }

  Set<String> pinnings(String workload) {
    return distinct(workload, null, Result::pinning);
  }

  Set<String> peers(String workload, String pinning) {
    return distinct(workload, pinning, Result::peer);
  }

  Set<String> params(String workload, String pinning, String peer) {
    Set<String> params = new LinkedHashSet<>();
    for (Result r : results) {
      if (r.workload().equals(workload)
          && (pinning == null || r.pinning().equals(pinning))
          && (peer == null || r.peer().equals(peer))) {
        params.add(r.param());
      }
    }
    return params;
  }

  private Set<String> distinct(
      String workload, String pinning, java.util.function.Function<Result, String> key) {
    Set<String> values = new LinkedHashSet<>();
    for (Result r : results) {
      if (r.workload().equals(workload) && (pinning == null || r.pinning().equals(pinning))) {
        values.add(key.apply(r));
      }
    }
    return values;
  }

  /** The floor a peer's latency is read against: the raw exchange over the same medium. */
  static String floorOf(String peer) {
    if (peer.startsWith("floor-")) {
      return peer;
    }
    if (peer.endsWith("-shm")) {
      return Peer.FLOOR_MAPPED.label();
    }
    if (peer.endsWith("-unix")) {
      return Peer.FLOOR_UNIX.label();
    }
    return Peer.FLOOR_TCP.label();
  }

  /** Nanoseconds for one encode and one decode, from the two throughputs. */
  double codecRoundNanos(String codec) {
    double encode = median("codec", "-", codec, "encode", Result::perSecond);
    double decode = median("codec", "-", codec, "decode", Result::perSecond);
    return 1e9 / encode + 1e9 / decode;
  }
}
