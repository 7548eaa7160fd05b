package dev.skiff.rpc.transport.shm;

import java.net.SocketAddress;

/**
 * The peer of a shared-memory connection, as interceptors and logs see it: the mailbox, the peer's
 * role and slot, and its process id. Immutable.
 */
public final class ShmPeerAddress extends SocketAddress {
  private static final long serialVersionUID = 1L;

  private final String mailbox;
  private final String role;
  private final int slot;
  private final long pid;

  ShmPeerAddress(String mailbox, String role, int slot, long pid) {
    this.mailbox = mailbox;
    this.role = role;
    this.slot = slot;
    this.pid = pid;
  }

  /** The mailbox name. */
  public String mailbox() {
    return mailbox;
  }

  /** The peer's process id. */
  public long pid() {
    return pid;
  }

  @Override
  public String toString() {
    return "shm://" + mailbox + "#" + role + "-" + slot + "(pid " + pid + ")";
  }
}
