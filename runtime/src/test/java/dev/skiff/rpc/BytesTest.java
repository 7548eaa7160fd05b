package dev.skiff.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.internal.BytesAccess;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void copiesOnTheWayInAndOut() {
    byte[] source = {1, 2, 3};
    Bytes bytes = Bytes.of(source);
    source[0] = 9;
    assertEquals(1, bytes.byteAt(0));
    byte[] out = bytes.toByteArray();
    out[1] = 9;
    assertEquals(2, bytes.byteAt(1));
    assertEquals(3, bytes.size());
    assertThrows(IndexOutOfBoundsException.class, () -> bytes.byteAt(3));
  }

  @Test
  void copyOfLeavesTheBufferAlone() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3});
    buffer.position(1);
    assertEquals(Bytes.of(new byte[] {1, 2, 3}), Bytes.copyOf(buffer));
    assertEquals(1, buffer.position());
    assertSame(Bytes.empty(), Bytes.copyOf(ByteBuffer.allocate(0)));
  }

  @Test
  void readOnlyView() {
    ByteBuffer view = Bytes.of(new byte[] {5, 6}).asReadOnlyByteBuffer();
    assertTrue(view.isReadOnly());
    assertEquals(2, view.remaining());
    assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 1));
  }

  @Test
  void equalityByContent() {
    assertEquals(Bytes.of(new byte[] {1, 2}), Bytes.of(new byte[] {1, 2}));
    assertEquals(Bytes.of(new byte[] {1, 2}).hashCode(), Bytes.of(new byte[] {1, 2}).hashCode());
    assertNotEquals(Bytes.of(new byte[] {1, 2}), Bytes.of(new byte[] {2, 1}));
    assertEquals(Bytes.empty(), Bytes.of(new byte[0]));
    assertTrue(Bytes.empty().isEmpty());
  }

  @Test
  void utf8() {
    assertEquals("Zoë 😀", Bytes.ofUtf8("Zoë 😀").toUtf8());
    assertEquals(7 + 2, Bytes.ofUtf8("Zoë 😀").size());
    assertEquals("a\uFFFD", Bytes.of(new byte[] {'a', (byte) 0xff}).toUtf8());
  }

  @Test
  void toStringIsShortHex() {
    assertEquals("Bytes[0: ]", Bytes.empty().toString());
    assertEquals("Bytes[3: 00ff7f]", Bytes.of(new byte[] {0, -1, 127}).toString());
    assertEquals("Bytes[100: " + "ab".repeat(32) + "...]", Bytes.of(filled(100)).toString());
  }

  @Test
  void internalAccessSharesTheArray() {
    byte[] array = {1, 2};
    Bytes wrapped = BytesAccess.wrap(array);
    assertSame(array, BytesAccess.array(wrapped));
    assertSame(Bytes.empty(), BytesAccess.wrap(new byte[0]));
    assertArrayEquals(array, wrapped.toByteArray());
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 0xab);
    return b;
  }
}
