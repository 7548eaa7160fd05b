package dev.skiff.rpc.protocol;

/**
 * A value that writes itself as a Thrift struct: every generated struct, union and exception.
 *
 * <p>Each implementing type also has a {@code public static T read(ProtocolReader in)} method that
 * reads what {@link #write} writes; {@link StructReader} is its functional shape, so {@code
 * Foo::read} is a {@code StructReader<Foo>}.
 *
 * <p>Generated implementations are immutable and thread-safe.
 */
public interface ThriftStruct {
  /**
   * Writes this value as one struct: {@code writeStructBegin}, the fields that are set, {@code
   * writeFieldStop}, {@code writeStructEnd}.
   *
   * @param out the writer positioned where the struct goes
   */
  void write(ProtocolWriter out);
}
