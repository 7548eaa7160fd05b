package dev.skiff.rpc.stub;

/**
 * A generated Java enum for an IDL {@code enum}: each constant carries its Thrift value, the {@code
 * i32} that goes on the wire.
 *
 * <p>Each generated enum also has {@code public static E findByValue(int value)}, which returns
 * {@code null} for a value that the IDL the code was generated from does not know.
 */
public interface ThriftEnum {
  /**
   * Returns the value this constant has in the IDL.
   *
   * @return the wire value
   */
  int value();
}
