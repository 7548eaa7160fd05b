package dev.skiff.rpc.protocol;

/**
 * Limits a reader enforces on untrusted input, checked before anything is allocated.
 *
 * <p>Start from {@link #defaults()} or {@link #builder()}. Immutable and thread-safe; one instance
 * is typically shared by every connection of a client or server.
 *
 * @param maxFrameSize the largest frame, in bytes, that framing accepts (not counting the 4-byte
 *     length); Apache Thrift's default is 16,384,000
 * @param maxStringLength the longest {@code string} or {@code binary} value, in bytes
 * @param maxContainerSize the most elements in one list or set, or entries in one map; a reader
 *     also rejects any size the rest of the message is too short to hold
 * @param maxDepth how deeply structs, lists, sets and maps may nest, counting each level; at most
 *     {@value #MAX_DEPTH_CEILING}, because readers and generated code recurse once per level
 * @param lenientUtf8 {@code false} to reject malformed UTF-8 in strings; {@code true} to replace it
 *     with U+FFFD, as Apache Thrift's Java library does
 */
public record ProtocolConfig(
    int maxFrameSize,
    int maxStringLength,
    int maxContainerSize,
    int maxDepth,
    boolean lenientUtf8) {

  /** Apache Thrift's default maximum frame size, in bytes. */
  public static final int DEFAULT_MAX_FRAME_SIZE = 16_384_000;

  /** The default maximum elements in one container. */
  public static final int DEFAULT_MAX_CONTAINER_SIZE = 10_000_000;

  /** The default nesting limit, as in Apache Thrift. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /**
   * The highest {@link #maxDepth()} allowed: deep enough for any real schema, and shallow enough
   * that recursing once per level stays far from a thread's stack limit.
   */
  public static final int MAX_DEPTH_CEILING = 1000;

  private static final ProtocolConfig DEFAULTS =
      new ProtocolConfig(
          DEFAULT_MAX_FRAME_SIZE,
          DEFAULT_MAX_FRAME_SIZE,
          DEFAULT_MAX_CONTAINER_SIZE,
          DEFAULT_MAX_DEPTH,
          false);

  /**
   * Validates the limits.
   *
   * @throws IllegalArgumentException if a size limit is below 1, or {@code maxDepth} is outside 1
   *     to {@value #MAX_DEPTH_CEILING}
   */
  public ProtocolConfig {
    requirePositive("maxFrameSize", maxFrameSize);
    requirePositive("maxStringLength", maxStringLength);
    requirePositive("maxContainerSize", maxContainerSize);
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_CEILING) {
      throw new IllegalArgumentException(
          "maxDepth " + maxDepth + " is outside 1 to " + MAX_DEPTH_CEILING);
    }
  }

  /**
   * Returns the defaults: 16,384,000-byte frames and strings, 10,000,000-element containers,
   * nesting depth 64, strict UTF-8.
   *
   * @return the default configuration
   */
  public static ProtocolConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS, false);
  }

  /**
   * Returns a builder starting from this configuration.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this, true);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
  }

  /**
   * Builds a {@link ProtocolConfig}. Unless set explicitly, {@code maxStringLength} follows {@code
   * maxFrameSize} in a builder from {@link ProtocolConfig#builder()}, since a string cannot be
   * larger than the frame holding it.
   *
   * <p>Not thread-safe; use from one thread.
   */
  public static final class Builder {
    private int maxFrameSize;
    private int maxStringLength;
    private boolean maxStringLengthSet;
    private int maxContainerSize;
    private int maxDepth;
    private boolean lenientUtf8;

    private Builder(ProtocolConfig from, boolean maxStringLengthSet) {
      this.maxFrameSize = from.maxFrameSize;
      this.maxStringLength = from.maxStringLength;
      this.maxStringLengthSet = maxStringLengthSet;
      this.maxContainerSize = from.maxContainerSize;
      this.maxDepth = from.maxDepth;
      this.lenientUtf8 = from.lenientUtf8;
    }

    /**
     * Sets {@link ProtocolConfig#maxFrameSize()}.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxFrameSize(int bytes) {
      this.maxFrameSize = bytes;
      return this;
    }

    /**
     * Sets {@link ProtocolConfig#maxStringLength()}.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxStringLength(int bytes) {
      this.maxStringLength = bytes;
      this.maxStringLengthSet = true;
      return this;
    }

    /**
     * Sets {@link ProtocolConfig#maxContainerSize()}.
     *
     * @param elements at least 1
     * @return this builder
     */
    public Builder maxContainerSize(int elements) {
      this.maxContainerSize = elements;
      return this;
    }

    /**
     * Sets {@link ProtocolConfig#maxDepth()}.
     *
     * @param levels 1 to {@value ProtocolConfig#MAX_DEPTH_CEILING}
     * @return this builder
     */
    public Builder maxDepth(int levels) {
      this.maxDepth = levels;
      return this;
    }

    /**
     * Sets {@link ProtocolConfig#lenientUtf8()}.
     *
     * @param lenient whether to replace malformed UTF-8 instead of rejecting it
     * @return this builder
     */
    public Builder lenientUtf8(boolean lenient) {
      this.lenientUtf8 = lenient;
      return this;
    }

    /**
     * Returns the configuration.
     *
     * @return a validated configuration
     * @throws IllegalArgumentException if a limit is out of range
     */
    public ProtocolConfig build() {
      return new ProtocolConfig(
          maxFrameSize,
          maxStringLengthSet ? maxStringLength : maxFrameSize,
          maxContainerSize,
          maxDepth,
          lenientUtf8);
    }
  }
}
