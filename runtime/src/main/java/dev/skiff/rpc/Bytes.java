package dev.skiff.rpc;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable string of bytes: the Java type of Thrift's {@code binary}.
 *
 * <p>Every way in copies and every way out copies (or hands out a read-only view), so a {@code
 * Bytes} can never change after it is made. Equality and hash code are by content; {@link
 * #toString()} shows the bytes in hex, shortened for long values. Instances are immutable and safe
 * to share between threads.
 */
public final class Bytes {
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  /** How many bytes {@link #toString()} shows before it abbreviates. */
  private static final int TO_STRING_MAX_BYTES = 32;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  // Read by dev.skiff.rpc.internal.BytesAccess, so the protocol implementations can write the
  // bytes and wrap freshly read arrays without a second copy.
  private final byte[] bytes;

  // Like String's hash: computed on first use; a racy recomputation yields the same value.
  private int hash;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a {@code Bytes} holding a copy of {@code bytes}.
   *
   * @param bytes the content; later changes to the array do not affect the result
   * @return the byte string
   */
  public static Bytes of(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * Returns a {@code Bytes} holding a copy of the remaining bytes of {@code buffer}, leaving the
   * buffer's position unchanged.
   *
   * @param buffer the content, from its position to its limit
   * @return the byte string
   */
  public static Bytes copyOf(ByteBuffer buffer) {
    requireNonNull(buffer, "buffer");
    if (!buffer.hasRemaining()) {
      return EMPTY;
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return new Bytes(copy);
  }

  /**
   * Returns the UTF-8 encoding of {@code text}; unpaired surrogates become {@code '?'}, as in
   * {@link String#getBytes(java.nio.charset.Charset)}.
   *
   * @param text the text to encode
   * @return the encoded bytes
   */
  public static Bytes ofUtf8(String text) {
    requireNonNull(text, "text");
    return text.isEmpty() ? EMPTY : new Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the empty byte string.
   *
   * @return a {@code Bytes} of size 0
   */
  public static Bytes empty() {
    return EMPTY;
  }

  /**
   * Returns the number of bytes.
   *
   * @return the size, at least 0
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Returns whether this byte string has no bytes.
   *
   * @return {@code true} when {@link #size()} is 0
   */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /**
   * Returns the byte at {@code index}.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the byte
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return a new array the caller may change
   */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /**
   * Returns a read-only view of the bytes, positioned at 0, without copying.
   *
   * @return a new read-only buffer over this byte string's content
   */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /**
   * Decodes the bytes as UTF-8, replacing malformed sequences with U+FFFD.
   *
   * @return the decoded text
   */
  public String toUtf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Bytes other && Arrays.equals(bytes, other.bytes));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  /**
   * Returns the size and the content in lowercase hex, for example {@code Bytes[3: 0a0b0c]}; past
   * 32 bytes the hex is cut short and ends with {@code "..."}.
   */
  @Override
  public String toString() {
    int shown = Math.min(bytes.length, TO_STRING_MAX_BYTES);
    StringBuilder sb = new StringBuilder(16 + 2 * shown);
    sb.append("Bytes[").append(bytes.length).append(": ");
    for (int i = 0; i < shown; i++) {
      sb.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
    }
    if (shown < bytes.length) {
      sb.append("...");
    }
    return sb.append(']').toString();
  }
}
