package dev.skiff.rpc;

/**
 * The process at the other end of a shared-memory connection stopped: its heartbeat went stale
 * (killed, crashed, or frozen for longer than the peer timeout). Calls in flight fail with it; they
 * may or may not have run. The next call connects again, to a live server if there is one.
 */
public final class PeerDiedException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  public PeerDiedException(String message) {
    super(message);
  }
}
