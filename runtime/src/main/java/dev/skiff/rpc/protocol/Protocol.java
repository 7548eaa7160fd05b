package dev.skiff.rpc.protocol;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;

/**
 * The Thrift protocols Skiff speaks, each a factory for its readers and writers.
 *
 * <p>Enum constants are immutable and thread-safe; the readers and writers they create are not.
 */
public enum Protocol {
  /** Thrift's compact protocol: varints, field-id deltas. Skiff's default. */
  COMPACT,
  /** Thrift's binary protocol: fixed-width big-endian values, strict message headers. */
  BINARY;

  /**
   * Returns a writer that appends to {@code out} at its writer index.
   *
   * @param out the buffer to fill; the writer neither retains nor releases it
   * @return a new writer, for one thread
   */
  public ProtocolWriter newWriter(ByteBuf out) {
    requireNonNull(out, "out");
    return this == COMPACT ? new CompactProtocolWriter(out) : new BinaryProtocolWriter(out);
  }

  /**
   * Returns a reader that consumes {@code in} from its reader index.
   *
   * @param in the buffer holding one message; the reader neither retains nor releases it
   * @param config the limits to enforce
   * @return a new reader, for one thread
   */
  public ProtocolReader newReader(ByteBuf in, ProtocolConfig config) {
    requireNonNull(in, "in");
    requireNonNull(config, "config");
    return this == COMPACT
        ? new CompactProtocolReader(in, config)
        : new BinaryProtocolReader(in, config);
  }

  /**
   * Returns a reader with {@link ProtocolConfig#defaults()}.
   *
   * @param in the buffer holding one message; the reader neither retains nor releases it
   * @return a new reader, for one thread
   */
  public ProtocolReader newReader(ByteBuf in) {
    return newReader(in, ProtocolConfig.defaults());
  }

  /**
   * Identifies the protocol of a message from its first byte, for servers that accept both.
   *
   * @param firstByte the byte after the frame length
   * @return {@link #COMPACT} for {@code 0x82}; {@link #BINARY} for {@code 0x80} (strict header) or
   *     {@code 0x00} (old header, whose name is shorter than 16 MiB)
   * @throws ProtocolException of kind {@link ProtocolException.Kind#BAD_VERSION} for any other byte
   */
  public static Protocol detect(byte firstByte) {
    switch (firstByte) {
      case (byte) 0x82:
        return COMPACT;
      case (byte) 0x80:
      case 0x00:
        return BINARY;
      default:
        throw new ProtocolException(
            ProtocolException.Kind.BAD_VERSION,
            String.format(
                "unrecognized protocol: first byte 0x%02x is neither compact (0x82) nor binary"
                    + " (0x80, 0x00)",
                firstByte & 0xff));
    }
  }
}
