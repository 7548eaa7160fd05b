package dev.skiff.rpc.protocol;

/**
 * Reads one struct of type {@code T}; generated types supply theirs as {@code Foo::read}.
 *
 * <p>Implementations skip fields they do not know and throw {@link ProtocolException} for input
 * that breaks the type's rules, such as a missing required field.
 *
 * @param <T> the type read
 */
@FunctionalInterface
public interface StructReader<T> {
  /**
   * Reads one struct, from {@code readStructBegin} to {@code readStructEnd}.
   *
   * @param in the reader positioned at the struct
   * @return the value read, never null
   * @throws ProtocolException when the input is malformed or breaks the type's rules
   */
  T read(ProtocolReader in);
}
