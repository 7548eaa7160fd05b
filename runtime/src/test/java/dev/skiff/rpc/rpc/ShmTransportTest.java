package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.transport.Address;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport suite over shared memory, with rings small enough (64 KiB request, 32 KiB reply: 8
 * KiB and 4 KiB messages) that large calls are fragmented many times over.
 */
class ShmTransportTest extends AbstractTransportTest {
  @TempDir static Path dir;

  static ShmConfig config() {
    return ShmConfig.builder()
        .directory(dir)
        .requestRingCapacity(64 * 1024)
        .replyRingCapacity(32 * 1024)
        .maxClients(16)
        .build();
  }

  @Override
  String newAddress() {
    return "shm://t-" + UUID.randomUUID();
  }

  @Override
  Server.Builder configure(Server.Builder builder) {
    return builder.shmConfig(config());
  }

  @Override
  Channel.Builder configure(Channel.Builder builder) {
    return builder.shmConfig(config());
  }

  @Override
  void assertCleanedUp(String address) throws Exception {
    String name = Address.parse(address).path();
    try (var files = Files.list(dir)) {
      assertFalse(
          files.anyMatch(f -> f.getFileName().toString().contains(name)),
          "segment of " + address + " left behind");
    }
  }
}
