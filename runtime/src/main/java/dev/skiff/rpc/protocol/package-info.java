/**
 * Thrift's compact and binary protocols over Netty {@code ByteBuf}s: the reader and writer
 * interfaces that generated code calls, the type and message constants, and the limits that keep
 * hostile input from exhausting memory or the stack.
 *
 * <p>Start at {@link dev.skiff.rpc.protocol.Protocol}: it creates a {@link
 * dev.skiff.rpc.protocol.ProtocolWriter} for a buffer to fill and a {@link
 * dev.skiff.rpc.protocol.ProtocolReader} for a buffer holding one message. Both are byte-for-byte
 * compatible with Apache Thrift's {@code TCompactProtocol} and {@code TBinaryProtocol}.
 */
package dev.skiff.rpc.protocol;
