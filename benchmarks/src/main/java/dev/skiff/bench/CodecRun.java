package dev.skiff.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CodecBenchmark} through JMH's API with its GC profiler ({@code -prof gc}): one-second
 * iterations, one fork per run, each fork a fresh JVM on this class path. Each fork's figures
 * become a row.
 */
final class CodecRun {
  private CodecRun() {}

  static List<Result> run(Options options) throws Exception {
    var jmh =
        new OptionsBuilder()
            .include(CodecBenchmark.class.getName())
            .forks(1)
            .warmupIterations(options.jmhWarmup())
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(options.jmhIterations())
            .measurementTime(TimeValue.seconds(1))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED")
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    List<Result> results = new ArrayList<>();
    for (int run = 1; run <= options.runs(); run++) {
      Collection<RunResult> runResults = new Runner(jmh).run();
      for (RunResult r : runResults) {
        BenchmarkParams params = r.getParams();
        String benchmark = params.getBenchmark();
        String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        var alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        Result result =
            new Result(
                "codec",
                "-",
                params.getParam("codec") + "-" + params.getParam("protocol"),
                operation,
                run,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                r.getPrimaryResult().getScore(),
                Double.NaN,
                alloc == null ? Double.NaN : alloc.getScore());
        System.out.printf(
            "  codec %-18s %-6s run %d: %,.0f ops/s, %.0f B/op%n",
            result.peer(), operation, run, result.perSecond(), result.bytesPerCall());
        results.add(result);
      }
    }
    return results;
  }
}
