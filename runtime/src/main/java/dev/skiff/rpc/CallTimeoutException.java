package dev.skiff.rpc;

import java.time.Duration;

/**
 * A call got no reply within its timeout. The call is forgotten: a reply that arrives later is
 * dropped and disturbs no other call.
 */
public final class CallTimeoutException extends SkiffException {
  private static final long serialVersionUID = 1L;

  public CallTimeoutException(String method, Duration timeout) {
    super("call to '" + method + "' timed out after " + timeout.toMillis() + " ms");
  }

  /** For a transport that ran out of time for a call before it could send it. */
  public CallTimeoutException(String message) {
    super(message);
  }
}
