/**
 * Moving Thrift messages between processes. So far: Thrift's framed transport, a 4-byte big-endian
 * length before each message, for Netty pipelines ({@link dev.skiff.rpc.transport.FrameDecoder})
 * and for writers ({@link dev.skiff.rpc.transport.Frames}).
 */
package dev.skiff.rpc.transport;
