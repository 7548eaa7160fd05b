package dev.skiff.rpc.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.protocol.ProtocolException.Kind;
import org.junit.jupiter.api.Test;

/** The small public types: constants, message types, detection, configuration. */
class ProtocolApiTest {
  @Test
  void typeNames() {
    assertEquals("STOP", TType.name(TType.STOP));
    assertEquals("BYTE", TType.name(TType.I8));
    assertEquals("UUID", TType.name(TType.UUID));
    assertEquals("UNKNOWN(7)", TType.name((byte) 7));
    assertEquals("UNKNOWN(-1)", TType.name((byte) -1));
    assertEquals("UNKNOWN(17)", TType.name((byte) 17));
    assertEquals(
        "2 3 4 6 8 10 11 12 13 14 15 16",
        String.join(
            " ",
            java.util.stream.IntStream.range(-128, 128)
                .filter(t -> TType.isValueType((byte) t))
                .mapToObj(Integer::toString)
                .toList()));
  }

  @Test
  void messageTypes() {
    for (MessageType type : MessageType.values()) {
      assertEquals(type, MessageType.of(type.value()));
    }
    assertEquals(1, MessageType.CALL.value());
    assertEquals(4, MessageType.ONEWAY.value());
    ProtocolException e = assertThrows(ProtocolException.class, () -> MessageType.of(9));
    assertEquals(Kind.INVALID_DATA, e.kind());
    assertEquals("unknown message type 9", e.getMessage());
  }

  @Test
  void detect() {
    assertEquals(Protocol.COMPACT, Protocol.detect((byte) 0x82));
    assertEquals(Protocol.BINARY, Protocol.detect((byte) 0x80));
    assertEquals(Protocol.BINARY, Protocol.detect((byte) 0x00));
    ProtocolException e = assertThrows(ProtocolException.class, () -> Protocol.detect((byte) 'G'));
    assertEquals(Kind.BAD_VERSION, e.kind());
    assertTrue(e.getMessage().contains("0x47"), e.getMessage());
  }

  @Test
  void configDefaults() {
    ProtocolConfig d = ProtocolConfig.defaults();
    assertEquals(new ProtocolConfig(16_384_000, 16_384_000, 10_000_000, 64, false), d);
    assertEquals(d, ProtocolConfig.builder().build());
    assertEquals(d, d.toBuilder().build());
  }

  @Test
  void configBuilder() {
    ProtocolConfig c =
        ProtocolConfig.builder().maxFrameSize(1024).maxDepth(8).lenientUtf8(true).build();
    assertEquals(new ProtocolConfig(1024, 1024, 10_000_000, 8, true), c);
    assertEquals(
        100,
        ProtocolConfig.builder().maxStringLength(100).maxFrameSize(50).build().maxStringLength());
    // From an existing config, the string limit is kept even when the frame size changes.
    assertEquals(1024, c.toBuilder().maxFrameSize(4096).build().maxStringLength());
    assertFalse(c.toBuilder().lenientUtf8(false).build().lenientUtf8());
  }

  @Test
  void configValidation() {
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolConfig.builder().maxFrameSize(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolConfig.builder().maxStringLength(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolConfig.builder().maxContainerSize(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> ProtocolConfig.builder().maxDepth(0).build());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ProtocolConfig.builder().maxDepth(1001).build());
    assertEquals("maxDepth 1001 is outside 1 to 1000", e.getMessage());
    assertEquals(1000, ProtocolConfig.builder().maxDepth(1000).build().maxDepth());
  }

  @Test
  void headersAndExceptions() {
    assertThrows(NullPointerException.class, () -> new MessageHeader(null, MessageType.CALL, 1));
    assertThrows(NullPointerException.class, () -> new MessageHeader("x", null, 1));
    ProtocolException e = new ProtocolException(Kind.TRUNCATED, "m", new IllegalStateException());
    assertEquals(Kind.TRUNCATED, e.kind());
    assertTrue(e instanceof dev.skiff.rpc.SkiffException);
  }
}
