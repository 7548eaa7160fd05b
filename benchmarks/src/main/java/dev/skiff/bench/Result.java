package dev.skiff.bench;

/**
 * One measurement, one CSV row. Figures that do not apply to its workload are NaN.
 *
 * @param workload {@code latency}, {@code throughput} or {@code codec}
 * @param pinning {@code cross-core} (client on CPU 0, server on CPU 1), {@code same-core} (both on
 *     CPU 0), {@code unpinned}, or {@code -} for the codec benchmarks
 * @param peer what was measured: a {@link Peer} label, or a codec and protocol
 * @param param payload bytes (latency), calls in flight or threads (throughput), {@code encode} or
 *     {@code decode} (codec)
 * @param run which run, from 1
 * @param p50Micros median round trip
 * @param p99Micros 99th percentile round trip
 * @param p999Micros 99.9th percentile round trip
 * @param perSecond calls (or codec operations) per second
 * @param cpuMicrosPerCall CPU time of both JVMs per call
 * @param bytesPerCall bytes allocated by both JVMs per call (or per codec operation)
 */
record Result(
    String workload,
    String pinning,
    String peer,
    String param,
    int run,
    double p50Micros,
    double p99Micros,
    double p999Micros,
    double perSecond,
    double cpuMicrosPerCall,
    double bytesPerCall) {

  static final String CSV_HEADER =
      "workload,pinning,peer,param,run,p50_us,p99_us,p999_us,per_second,cpu_us_per_call,"
          + "bytes_per_call";

  String csv() {
    return String.join(
        ",",
        workload,
        pinning,
        peer,
        param,
        Integer.toString(run),
        Report.number(p50Micros),
        Report.number(p99Micros),
        Report.number(p999Micros),
        Report.number(perSecond),
        Report.number(cpuMicrosPerCall),
        Report.number(bytesPerCall));
  }
}
