package dev.skiff.interop;

import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.testing.NettyLeaks;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3's proof: for every value of the corpus, in both protocols, the bytes Skiff's generated
 * code writes equal those libthrift's generated code (Apache Thrift's compiler, same IDL) writes,
 * and each side reads the other's bytes back to an equal value.
 */
class ByteForByteTest {
  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  static Stream<Arguments> cases() {
    return Stream.of(Protocol.values())
        .flatMap(p -> Corpus.cases().stream().map(c -> Arguments.of(p, c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void sameBytesAsLibthriftAndReadsThemBack(Protocol protocol, Corpus.Case value) {
    ByteForByte.check(protocol, value.value());
  }
}
