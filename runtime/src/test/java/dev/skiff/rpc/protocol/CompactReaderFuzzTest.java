package dev.skiff.rpc.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skiff.rpc.testing.NettyLeaks;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes the compact protocol reader with whole messages; see {@link ReaderFuzzing} for what each
 * input goes through. Without {@code JAZZER_FUZZ=1} this replays the saved inputs in {@code
 * CompactReaderFuzzTestInputs/} (seeds and past findings) and nothing else; docs/reliability.md
 * says how to fuzz.
 */
class CompactReaderFuzzTest {
  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @FuzzTest(maxDuration = "4m")
  void readMessage(byte[] input) {
    ReaderFuzzing.readMessage(Protocol.COMPACT, input);
  }
}
