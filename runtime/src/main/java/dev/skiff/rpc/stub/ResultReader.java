package dev.skiff.rpc.stub;

import dev.skiff.rpc.ThriftException;
import dev.skiff.rpc.protocol.ProtocolReader;

/**
 * Reads a method's result struct: returns the success value ({@code null} for void methods) or
 * throws the declared exception the server sent. Generated for every non-oneway method.
 *
 * @param <R> the method's return type
 */
@FunctionalInterface
public interface ResultReader<R> {
  /**
   * @throws ThriftException the declared exception the result holds
   * @throws dev.skiff.rpc.ApplicationException of type MISSING_RESULT when a non-void result holds
   *     neither a value nor an exception
   * @throws dev.skiff.rpc.protocol.ProtocolException when the result is malformed
   */
  R read(ProtocolReader in) throws ThriftException;
}
