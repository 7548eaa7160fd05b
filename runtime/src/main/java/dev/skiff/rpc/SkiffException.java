package dev.skiff.rpc;

/**
 * Base class of the errors Skiff's runtime raises: malformed or oversized input, transport
 * failures, timeouts. Unchecked, because generated stubs and user code should not have to thread a
 * checked exception through every call site; subclasses say what went wrong.
 *
 * <p>Instances are immutable once constructed and may be shared between threads.
 */
public class SkiffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the offending value and the limit where there is one
   */
  public SkiffException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public SkiffException(String message, Throwable cause) {
    super(message, cause);
  }
}
