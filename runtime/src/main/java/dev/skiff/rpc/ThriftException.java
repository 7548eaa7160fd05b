package dev.skiff.rpc;

import dev.skiff.rpc.protocol.ThriftStruct;

/**
 * Base class of the exceptions declared in IDL with {@code exception Name { ... }}. Checked, like
 * the exceptions a service method declares in its {@code throws} clause; the generated subclasses
 * are final, immutable and carry the IDL fields.
 *
 * <p>Not to be confused with {@link SkiffException}, which reports failures of the runtime itself
 * (malformed input, transport errors) rather than errors a service chose to return.
 */
public abstract class ThriftException extends Exception implements ThriftStruct {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message the subclass supplies by overriding {@link #getMessage}. */
  protected ThriftException() {
    super();
  }

  /**
   * Creates an exception with a message.
   *
   * @param message the detail message
   */
  protected ThriftException(String message) {
    super(message);
  }
}
