package dev.skiff.rpc.protocol;

/**
 * The header of a list or set: the type of its elements and how many follow.
 *
 * <p>Immutable and thread-safe.
 *
 * @param elementType a {@link TType} constant
 * @param size the number of elements, at least 0
 */
public record ListHeader(byte elementType, int size) {}
