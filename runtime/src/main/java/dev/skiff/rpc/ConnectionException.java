package dev.skiff.rpc;

/**
 * The connection a call needs could not be made, or was lost before the reply came. A call that
 * fails this way may or may not have run on the server.
 */
public class ConnectionException extends SkiffException {
  private static final long serialVersionUID = 1L;

  public ConnectionException(String message) {
    super(message);
  }

  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
