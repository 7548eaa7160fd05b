package dev.skiff.rpc.protocol;

/**
 * The kind of a Thrift message, with its wire value.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum MessageType {
  /** A request that expects a {@link #REPLY} or {@link #EXCEPTION}. */
  CALL(1),
  /** A successful or declared-exception answer to a {@link #CALL}. */
  REPLY(2),
  /** A protocol-level failure answering a {@link #CALL}, carrying a TApplicationException. */
  EXCEPTION(3),
  /** A request that gets no answer. */
  ONEWAY(4);

  private final int value;

  MessageType(int value) {
    this.value = value;
  }

  /**
   * Returns the value this type has on the wire.
   *
   * @return 1 to 4
   */
  public int value() {
    return value;
  }

  /**
   * Returns the message type with wire value {@code value}.
   *
   * @param value a wire value
   * @return the message type
   * @throws ProtocolException of kind {@link ProtocolException.Kind#INVALID_DATA} for any value
   *     other than 1 to 4
   */
  public static MessageType of(int value) {
    switch (value) {
      case 1:
        return CALL;
      case 2:
        return REPLY;
      case 3:
        return EXCEPTION;
      case 4:
        return ONEWAY;
      default:
        throw new ProtocolException(
            ProtocolException.Kind.INVALID_DATA, "unknown message type " + value);
    }
  }
}
