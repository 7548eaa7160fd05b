package dev.skiff.rpc;

import java.time.Duration;

/**
 * Per-call settings. Immutable; {@link #DEFAULT} uses the channel's defaults.
 *
 * @param timeout how long to wait for the reply, or null for the channel's default timeout
 */
public record CallOptions(Duration timeout) {
  /** The channel's defaults. */
  public static final CallOptions DEFAULT = new CallOptions(null);

  public CallOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive but was " + timeout);
    }
  }

  /** Options with the given timeout. */
  public static CallOptions timeout(Duration timeout) {
    return new CallOptions(timeout);
  }
}
