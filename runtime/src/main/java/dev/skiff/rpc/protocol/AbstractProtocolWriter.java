package dev.skiff.rpc.protocol;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.internal.BytesAccess;
import io.netty.buffer.ByteBuf;
import io.netty.util.internal.PlatformDependent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the compact and binary writers share: strings, binaries and UUIDs, which differ between the
 * protocols only in how a length is written.
 */
abstract class AbstractProtocolWriter implements ProtocolWriter {
  final ByteBuf out;

  AbstractProtocolWriter(ByteBuf out) {
    this.out = out;
  }

  /** Writes the length prefix of a string or binary. */
  abstract void writeLength(int length);

  @Override
  public final void writeString(String value) {
    int length = requireNonNull(value, "value").length();
    int start = out.writerIndex();
    // Most strings are ASCII, whose UTF-8 bytes are its chars and as many: they go straight into
    // the buffer. Anything else goes through String.getBytes, which is intrinsified and turns
    // unpaired surrogates into '?', as libthrift does.
    writeLength(length);
    if (writeAscii(value, length)) {
      return;
    }
    out.writerIndex(start);
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeLength(utf8.length);
    out.writeBytes(utf8);
  }

  /**
   * Writes the chars of {@code value} as bytes at the writer index if all are ASCII and the buffer
   * exposes its memory; else returns {@code false}, having written nothing the writer index covers.
   */
  private boolean writeAscii(String value, int length) {
    out.ensureWritable(length);
    int index = out.writerIndex();
    if (out.hasMemoryAddress() && PlatformDependent.hasUnsafe()) {
      long address = out.memoryAddress() + index;
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          return false;
        }
        PlatformDependent.putByte(address + i, (byte) c);
      }
    } else if (out.hasArray()) {
      byte[] array = out.array();
      int offset = out.arrayOffset() + index;
      for (int i = 0; i < length; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          return false;
        }
        array[offset + i] = (byte) c;
      }
    } else {
      return false;
    }
    out.writerIndex(index + length);
    return true;
  }

  @Override
  public final void writeBinary(Bytes value) {
    byte[] array = BytesAccess.array(requireNonNull(value, "value"));
    writeLength(array.length);
    out.writeBytes(array);
  }

  @Override
  public final void writeUuid(UUID value) {
    out.writeLong(value.getMostSignificantBits());
    out.writeLong(value.getLeastSignificantBits());
  }
}
