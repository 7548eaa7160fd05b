package dev.skiff.rpc;

/**
 * A non-blocking send found the receiver's mailbox (a shared-memory ring) full, and the call was
 * not sent. Nothing of it reached the server, so it is safe to retry once the server catches up.
 * Only clients configured to fail fast ({@code ShmConfig.WhenFull.FAIL_FAST}) see it.
 */
public final class MailboxFullException extends CallRejectedException {
  private static final long serialVersionUID = 1L;

  public MailboxFullException(String message) {
    super(message);
  }
}
