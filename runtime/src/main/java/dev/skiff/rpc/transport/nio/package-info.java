/**
 * Socket connections whose callers do their own I/O ({@link dev.skiff.rpc.IoMode#CALLER_THREAD}),
 * over the JDK's socket channels: TCP, and Unix domain sockets on JDK 16 and later. The event-loop
 * transport for the same addresses is in {@code dev.skiff.rpc.transport.netty}.
 */
package dev.skiff.rpc.transport.nio;
