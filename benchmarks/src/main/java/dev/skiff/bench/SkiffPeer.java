package dev.skiff.bench;

import dev.skiff.bench.gen.Bench;
import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Skiff over tcp (callers doing their own I/O, the default, or an event loop), unix or shm, through
 * the stubs its Maven plugin generates from bench.thrift. The server runs the handler on the thread
 * that received the call ({@code directExecutor}) with one event-loop thread, as gRPC's and
 * libthrift's servers here do.
 */
final class SkiffPeer {
  private SkiffPeer() {}

  static String address(String transport, Path dir) {
    return switch (transport) {
      case "tcp" -> "tcp://127.0.0.1:0";
      case "unix" -> "unix://" + dir.resolve("skiff.sock");
      case "shm" -> "shm://skiff-bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
      default -> throw new IllegalArgumentException("unknown transport " + transport);
    };
  }

  static Serving serve(String address, ShmConfig.IdleMode idle) {
    Bench echo = payload -> payload;
    Server server =
        Server.builder(address)
            .directExecutor()
            .eventLoopThreads(1)
            .shmConfig(ShmConfig.builder().idle(idle).build())
            .service(Bench.serviceDefinition(echo))
            .build()
            .start();
    return new Serving() {
      @Override
      public String address() {
        return server.address();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /**
   * @param ioMode who does the channel's socket I/O; null for the default
   */
  static Channel channel(String address, ShmConfig.IdleMode idle, IoMode ioMode) {
    Channel.Builder builder =
        Channel.builder(address).shmConfig(ShmConfig.builder().idle(idle).build());
    return (ioMode == null ? builder : builder.ioMode(ioMode)).build();
  }

  static Caller caller(String address, int size, ShmConfig.IdleMode idle, IoMode ioMode) {
    Channel channel = channel(address, idle, ioMode);
    Bench.Client client = new Bench.Client(channel);
    Bytes payload = Bytes.of(new byte[size]);
    return new Caller() {
      @Override
      public int call() {
        return client.echo(payload).size();
      }

      @Override
      public void close() {
        channel.close();
      }
    };
  }

  static AsyncCaller asyncCaller(String address, int size, ShmConfig.IdleMode idle, IoMode ioMode) {
    Channel channel = channel(address, idle, ioMode);
    Bench.Async client = new Bench.Client(channel).async();
    Bytes payload = Bytes.of(new byte[size]);
    return new AsyncCaller() {
      @Override
      public void start(Consumer<Throwable> done) {
        client.echo(payload).whenComplete((reply, failure) -> done.accept(failure));
      }

      @Override
      public void close() {
        channel.close();
      }
    };
  }
}
