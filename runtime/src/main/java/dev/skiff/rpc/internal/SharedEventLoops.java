package dev.skiff.rpc.internal;

import io.netty.channel.EventLoopGroup;

/**
 * The event loops all client channels of a process share, created on first use. Their threads are
 * daemons, so an application that forgets to close a channel still exits.
 */
public final class SharedEventLoops {
  private static volatile EventLoopGroup client;

  private SharedEventLoops() {}

  public static EventLoopGroup client(NettyTransport transport) {
    EventLoopGroup group = client;
    if (group == null) {
      synchronized (SharedEventLoops.class) {
        group = client;
        if (group == null) {
          int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
          group = transport.newEventLoopGroup(threads, "skiff-client");
          client = group;
        }
      }
    }
    return group;
  }
}
