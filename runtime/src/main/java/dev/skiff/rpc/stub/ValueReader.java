package dev.skiff.rpc.stub;

import dev.skiff.rpc.protocol.ProtocolReader;

/**
 * Reads one value of a container element type, for example {@code ProtocolReader::readString} or
 * {@code Foo::read}.
 *
 * @param <T> the Java type of the value
 */
@FunctionalInterface
public interface ValueReader<T> {
  /**
   * Reads one value.
   *
   * @param in the reader positioned at the value
   * @return the value, or {@code null} when the value cannot be represented (an enum value unknown
   *     to this version of the IDL); containers drop such elements
   */
  T read(ProtocolReader in);
}
