/**
 * Moving Thrift frames between processes: the transport SPI and Thrift's framed transport.
 *
 * <p>A transport turns an {@link dev.skiff.rpc.transport.Address} into {@link
 * dev.skiff.rpc.transport.FrameConnection}s: a {@link dev.skiff.rpc.transport.ClientTransport}
 * connects, a {@link dev.skiff.rpc.transport.ServerTransport} listens and accepts. The client and
 * server logic above works on frames alone, so every transport serves the same API: {@code tcp://}
 * and {@code unix://} over Netty (subpackage {@code netty}), {@code shm://} over memory-mapped ring
 * buffers (subpackage {@code shm}). {@link dev.skiff.rpc.transport.Transports} picks one by scheme.
 *
 * <p>Framing: a 4-byte big-endian length before each message, for Netty pipelines ({@link
 * dev.skiff.rpc.transport.FrameDecoder}) and for writers ({@link dev.skiff.rpc.transport.Frames}).
 */
package dev.skiff.rpc.transport;
