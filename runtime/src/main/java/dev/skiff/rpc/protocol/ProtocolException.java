package dev.skiff.rpc.protocol;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.SkiffException;

/**
 * Input that is not a valid Thrift message, or that breaks a {@link ProtocolConfig} limit. The
 * {@link #kind()} says which rule was broken; the message names the offending value and the limit,
 * for example {@code "string length 2147483647 exceeds limit 16384000"}.
 *
 * <p>A reader that has thrown one is left at an unspecified position and must be discarded with the
 * rest of its message; for a framed connection the next frame is still readable.
 *
 * <p>Immutable and thread-safe.
 */
public class ProtocolException extends SkiffException {
  private static final long serialVersionUID = 1L;

  /** Which rule the input broke. */
  public enum Kind {
    /**
     * A declared length or size is above its {@link ProtocolConfig} limit, or is more than the
     * bytes left in the message could hold (each element needs at least one byte on the wire).
     */
    SIZE_LIMIT,
    /** A declared length or size is negative. */
    NEGATIVE_SIZE,
    /** Structs and containers nest deeper than {@link ProtocolConfig#maxDepth()}. */
    DEPTH_LIMIT,
    /** Bytes that cannot be decoded: an over-long varint, an unknown message type. */
    INVALID_DATA,
    /** A message header with a wrong protocol id or version. */
    BAD_VERSION,
    /** A string that is not well-formed UTF-8, when the reader is strict. */
    INVALID_UTF8,
    /** The message ends in the middle of a fixed-size value or header. */
    TRUNCATED,
    /** A type id that is not a Thrift type, in a field or container header or passed to skip. */
    UNKNOWN_TYPE
  }

  private final Kind kind;

  /**
   * Creates an exception.
   *
   * @param kind the rule that was broken
   * @param message names the offending value and the limit, if any
   */
  public ProtocolException(Kind kind, String message) {
    super(message);
    this.kind = requireNonNull(kind, "kind");
  }

  /**
   * Creates an exception with the failure that revealed it.
   *
   * @param kind the rule that was broken
   * @param message names the offending value and the limit, if any
   * @param cause the underlying failure
   */
  public ProtocolException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = requireNonNull(kind, "kind");
  }

  /**
   * Returns which rule the input broke.
   *
   * @return the kind, never null
   */
  public Kind kind() {
    return kind;
  }
}
