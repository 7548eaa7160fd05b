package dev.skiff.rpc.transport.shm;

/**
 * The messages in a mailbox's rings, by Agrona message type id. Part of the layout: change {@link
 * ShmSegmentDescriptor#VERSION} with them.
 *
 * <p>In a request ring every message starts with the sender's client slot (int) and the low 32 bits
 * of that slot's generation (int), since many clients share the ring. Reply rings belong to one
 * client and carry no such header. A frame that fits one message travels as {@link #WHOLE}; a
 * larger one as {@link #FIRST} (whose payload starts with the frame's total length, an int), {@link
 * #MIDDLE}s and a {@link #LAST}, consecutive for that sender, since a sender writes one fragmented
 * frame at a time.
 */
final class ShmMessages {
  /** Client to server: I claimed my slot; take me on. */
  static final int HELLO = 1;

  /** Server to client: you are connected. */
  static final int WELCOME = 2;

  /** Server to client: not accepting connections (draining). */
  static final int REFUSED = 3;

  static final int WHOLE = 4;
  static final int FIRST = 5;
  static final int MIDDLE = 6;
  static final int LAST = 7;

  /** Either way: I am closing this connection. */
  static final int BYE = 8;

  /** Bytes of the sender header in request-ring messages. */
  static final int REQUEST_HEADER = 8;

  private ShmMessages() {}
}
