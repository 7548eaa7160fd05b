package dev.skiff.rpc.protocol;

/**
 * The header of a map: its key and value types and how many entries follow.
 *
 * <p>The compact protocol writes an empty map as a single byte without types, so reading one yields
 * {@link TType#STOP} for both types; code reading a map must not rely on the types when the size is
 * 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param keyType a {@link TType} constant
 * @param valueType a {@link TType} constant
 * @param size the number of entries, at least 0
 */
public record MapHeader(byte keyType, byte valueType, int size) {}
