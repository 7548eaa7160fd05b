package dev.skiff.rpc.stub;

import dev.skiff.rpc.protocol.ProtocolWriter;

/**
 * Writes one value of a container element type, for example {@code ProtocolWriter::writeString} or
 * {@link ContainerCodec#writeStruct}.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface ValueWriter<T> {
  /**
   * Writes one value.
   *
   * @param out the writer
   * @param value the value, never null
   */
  void write(ProtocolWriter out, T value);
}
