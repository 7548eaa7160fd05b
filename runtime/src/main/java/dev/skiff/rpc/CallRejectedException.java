package dev.skiff.rpc;

/**
 * A call was refused before it was sent: the channel is closed, or too many calls are already in
 * flight on it. Nothing of the call reached the server, so it is always safe to retry.
 */
public class CallRejectedException extends SkiffException {
  private static final long serialVersionUID = 1L;

  public CallRejectedException(String message) {
    super(message);
  }
}
