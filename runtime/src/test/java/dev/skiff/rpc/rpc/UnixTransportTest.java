package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skiff.rpc.transport.Address;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport suite over Unix domain sockets, with default channels: callers do their own I/O.
 */
class UnixTransportTest extends AbstractTransportTest {
  @TempDir static Path dir;
  private static final AtomicInteger next = new AtomicInteger();

  @Override
  String newAddress() {
    return "unix://" + dir.resolve("s" + next.incrementAndGet() + ".sock");
  }

  @Override
  void assertCleanedUp(String address) {
    Path file = Path.of(Address.parse(address).path());
    assertFalse(Files.exists(file, LinkOption.NOFOLLOW_LINKS), file + " left behind");
  }
}
