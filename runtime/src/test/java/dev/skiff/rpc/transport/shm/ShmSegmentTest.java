package dev.skiff.rpc.transport.shm;

import static dev.skiff.rpc.transport.shm.ShmSegmentDescriptor.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.ConnectionException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Segment files: layout, attaching to live ones, reclaiming dead ones, refusing foreign ones. */
@Timeout(30)
class ShmSegmentTest {
  @TempDir Path dir;

  private ShmConfig config() {
    return ShmConfig.builder()
        .directory(dir)
        .requestRingCapacity(8192)
        .replyRingCapacity(4096)
        .maxClients(3)
        .maxServers(2)
        .heartbeatInterval(Duration.ofMillis(20))
        .peerTimeout(Duration.ofMillis(100))
        .build();
  }

  private Object fileKey(Path file) throws Exception {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
        .fileKey();
  }

  @Test
  void layoutPlacesEveryRingOnItsOwnPagesAfterTheSlots() {
    long slotsEnd = clientSlotOffset(2, 3) + SLOT_LENGTH;
    long firstRequest = requestRingOffset(2, 3, 0, 8192);
    assertTrue(firstRequest >= slotsEnd);
    assertEquals(0, firstRequest % PAGE);
    assertEquals(firstRequest + ringLength(8192), requestRingOffset(2, 3, 1, 8192));
    assertEquals(requestRingOffset(2, 3, 2, 8192), replyRingOffset(2, 3, 0, 8192, 4096));
    assertEquals(replyRingOffset(2, 3, 3, 8192, 4096), segmentLength(2, 3, 8192, 4096));
    long word = slotWord(41, SLOT_CLOSED);
    assertEquals(41, slotGeneration(word));
    assertEquals(SLOT_CLOSED, slotState(word));
  }

  @Test
  void aLiveServersSegmentIsSharedAndADeadOnesIsReclaimed() throws Exception {
    ShmConfig config = config();
    ShmSegment first = ShmSegment.createOrAttach(config, "s");
    Path file = ShmSegment.fileOf(config, "s");
    long claimed = first.claim(first.serverOffset(0), Long.MAX_VALUE);
    assertTrue(claimed >= 0);
    first.setState(first.serverOffset(0), claimed, SLOT_ACTIVE);

    ShmSegment attached = ShmSegment.createOrAttach(config, "s");
    first.buffer.putLong(first.clientOffset(2) + SLOT_PID_OFFSET, 4242);
    assertEquals(4242, attached.pid(attached.clientOffset(2)), "one memory, two mappings");
    Object key = fileKey(file);

    // The server stops beating, as a killed one does; after the peer timeout it counts as dead.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (first.liveServerCount(config.peerTimeout().toNanos()) > 0) {
      assertTrue(System.nanoTime() < deadline);
      Thread.sleep(10);
    }
    ShmSegment fresh = ShmSegment.createOrAttach(config, "s");
    assertTrue(first.reclaimed());
    assertNotEquals(key, fileKey(file));
    assertEquals(0, fresh.liveServerCount(config.peerTimeout().toNanos()));
  }

  @Test
  void aSegmentWhoseCreatorDiedMidwayIsReclaimed() throws Exception {
    ShmConfig config = config();
    Path file = ShmSegment.fileOf(config, "half");
    // Right size, header never finished: the creator died between create and READY.
    Files.write(file, new byte[(int) segmentLength(2, 3, 8192, 4096)]);
    ShmSegment segment = ShmSegment.createOrAttach(config, "half");
    assertEquals(STATE_READY, segment.buffer.getInt(STATE_OFFSET));
  }

  @Test
  void aForeignFileIsRefusedAndLeftAlone() throws Exception {
    ShmConfig config = config();
    Path file = ShmSegment.fileOf(config, "foreign");
    byte[] junk = new byte[8192];
    junk[STATE_OFFSET] = STATE_READY;
    Files.write(file, junk);
    ConnectionException refused =
        assertThrows(ConnectionException.class, () -> ShmSegment.createOrAttach(config, "foreign"));
    assertTrue(refused.getMessage().contains("not a Skiff shm segment"), refused.getMessage());
    assertTrue(Files.exists(file));
  }

  @Test
  void aClientFindsNoServerWhereThereIsNoSegment() {
    ConnectionException none =
        assertThrows(
            ConnectionException.class,
            () -> ShmSegment.openForClient(config(), "nobody", Duration.ofMillis(10).toNanos()));
    assertTrue(none.getMessage().startsWith("no server at shm://nobody"), none.getMessage());
    assertFalse(Files.exists(ShmSegment.fileOf(config(), "nobody")));
  }
}
