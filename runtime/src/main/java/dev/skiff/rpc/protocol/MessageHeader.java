package dev.skiff.rpc.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The header that starts every Thrift message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the method name, possibly prefixed {@code "Service:"} by a multiplexing client
 * @param type the kind of message
 * @param sequenceId matches a reply to its call; any int, chosen by the caller
 */
public record MessageHeader(String name, MessageType type, int sequenceId) {
  /** Checks that {@code name} and {@code type} are present. */
  public MessageHeader {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
  }
}
