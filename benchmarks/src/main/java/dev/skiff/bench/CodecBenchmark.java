package dev.skiff.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: encoding and decoding {@code Order} (bench.thrift: a dozen fields, a list of five structs, a
 * map of four strings) with Skiff's generated code and with the code Apache Thrift's compiler
 * generates for libthrift, in the compact and the binary protocol. Both write the same bytes, which
 * {@link Codec#setUp} checks. Run by {@link CodecRun}, or by JMH's own main on this jar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
  @Param({"skiff", "libthrift"})
  public String codec;

  @Param({"compact", "binary"})
  public String protocol;

  private Codec impl;

  @Setup
  public void setUp() throws Exception {
    impl = Codec.of(codec, protocol);
  }

  @TearDown
  public void tearDown() {
    impl.close();
  }

  /** Writes the order into a reused buffer; returns the encoded length. */
  @Benchmark
  public int encode() throws Exception {
    return impl.encode();
  }

  /** Reads the order from its encoded bytes; returns the new object. */
  @Benchmark
  public Object decode() throws Exception {
    return impl.decode();
  }
}
