package dev.skiff.bench;

import dev.skiff.rpc.IoMode;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the harness measures: three raw floors and six RPC stacks (Skiff's tcp twice: with its
 * default, callers doing their own I/O, and with {@link dev.skiff.rpc.IoMode#EVENT_LOOP}). Each has
 * a server side, started in the server JVM by {@link ServerMain}, and callers, made in the client
 * JVM.
 */
enum Peer {
  FLOOR_MAPPED("floor-mapped", false),
  FLOOR_UNIX("floor-unix", false),
  FLOOR_TCP("floor-tcp", false),
  SKIFF_SHM("skiff-shm", true),
  SKIFF_UNIX("skiff-unix", true),
  SKIFF_TCP("skiff-tcp", true),
  SKIFF_TCP_EVENT_LOOP("skiff-tcp-eventloop", true),
  GRPC("grpc-tcp", true),
  THRIFT("libthrift-tcp", false);

  private final String label;
  private final boolean multiplexes;

  Peer(String label, boolean multiplexes) {
    this.label = label;
    this.multiplexes = multiplexes;
  }

  /** The name in options, tables and CSV. */
  String label() {
    return label;
  }

  /**
   * Whether one connection carries many calls at once ({@link #asyncCaller}); libthrift's clients
   * and the floors have one call per connection at a time.
   */
  boolean multiplexes() {
    return multiplexes;
  }

  boolean isFloor() {
    return name().startsWith("FLOOR");
  }

  /**
   * Whether its latency is measured taking turns with the other socket peers ({@link
   * Workloads#latencyInTurns}). The shared-memory peers poll: a server of theirs left idle while
   * others take their turns would be measured waking from its back-off, and their floor is the
   * mapped ping-pong, measured alone as well.
   */
  boolean takesTurns() {
    return this != FLOOR_MAPPED && this != SKIFF_SHM;
  }

  static Peer byLabel(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label.equals(label.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown peer " + label));
  }

  /** Starts the server side; in the server JVM. */
  Serving serve(Path dir, ShmConfig.IdleMode idle) throws Exception {
    return switch (this) {
      case FLOOR_MAPPED -> servePong(dir);
      case FLOOR_UNIX -> SocketFloor.serve(true, dir);
      case FLOOR_TCP -> SocketFloor.serve(false, dir);
      case SKIFF_SHM -> SkiffPeer.serve(SkiffPeer.address("shm", dir), idle);
      case SKIFF_UNIX -> SkiffPeer.serve(SkiffPeer.address("unix", dir), idle);
      case SKIFF_TCP, SKIFF_TCP_EVENT_LOOP -> SkiffPeer.serve(SkiffPeer.address("tcp", dir), idle);
      case GRPC -> GrpcPeer.serve();
      case THRIFT -> ThriftPeer.serve();
    };
  }

  /** A connection for sequential calls of {@code size} bytes to the server at {@code address}. */
  Caller caller(String address, int size, ShmConfig.IdleMode idle) throws Exception {
    return switch (this) {
      case FLOOR_MAPPED -> pinger(address, size);
      case FLOOR_UNIX -> SocketFloor.caller(true, address, size);
      case FLOOR_TCP -> SocketFloor.caller(false, address, size);
      case SKIFF_SHM, SKIFF_UNIX, SKIFF_TCP -> SkiffPeer.caller(address, size, idle, null);
      case SKIFF_TCP_EVENT_LOOP -> SkiffPeer.caller(address, size, idle, IoMode.EVENT_LOOP);
      case GRPC -> GrpcPeer.caller(address, size);
      case THRIFT -> ThriftPeer.caller(address, size);
    };
  }

  /** One connection for many calls in flight; only for peers that {@link #multiplexes()}. */
  AsyncCaller asyncCaller(String address, int size, ShmConfig.IdleMode idle) {
    return switch (this) {
      case SKIFF_SHM, SKIFF_UNIX, SKIFF_TCP -> SkiffPeer.asyncCaller(address, size, idle, null);
      case SKIFF_TCP_EVENT_LOOP -> SkiffPeer.asyncCaller(address, size, idle, IoMode.EVENT_LOOP);
      case GRPC -> GrpcPeer.asyncCaller(address, size);
      default -> throw new UnsupportedOperationException(label + " has one call per connection");
    };
  }

  private static Serving servePong(Path dir) throws IOException {
    Path shm = Path.of("/dev/shm");
    Path file =
        Files.isDirectory(shm)
            ? Files.createTempFile(shm, "skiff-floor-", ".map")
            : dir.resolve("floor.map");
    MappedPingPong pong = new MappedPingPong(file);
    Thread thread = new Thread(pong::pong, "floor-pong");
    thread.setDaemon(true);
    thread.start();
    return new Serving() {
      @Override
      public String address() {
        return file.toString();
      }

      @Override
      public void close() throws IOException {
        pong.stop();
        try {
          thread.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(file);
      }
    };
  }

  private static Caller pinger(String file, int size) throws IOException {
    MappedPingPong ping = new MappedPingPong(Path.of(file));
    byte[] payload = new byte[size];
    byte[] reply = new byte[size];
    return new Caller() {
      @Override
      public int call() {
        ping.ping(payload, reply);
        return reply.length;
      }

      @Override
      public void close() {
        ping.close();
      }
    };
  }
}
