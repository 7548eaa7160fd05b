/**
 * The {@code tcp://} and {@code unix://} transports over Netty: native epoll where it loads, NIO
 * elsewhere. Machinery; users pick these by address.
 */
package dev.skiff.rpc.transport.netty;
