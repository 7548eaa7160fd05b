package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.protocol.MessageHeader;
import dev.skiff.rpc.protocol.MessageType;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A running server under a flood of malformed frames from several raw sockets, while a Skiff client
 * keeps making valid calls: no crash, every valid call answered correctly, no leaked buffer, and
 * the heap back near where it started. {@code -Dskiff.flood.frames=N} sets the frames sent (10,000
 * by default), {@code -Dskiff.flood.seed=S} the seed.
 */
@Timeout(120)
class MalformedFloodTest {
  private static final int FRAMES = Integer.getInteger("skiff.flood.frames", 10_000);
  private static final long SEED = Long.getLong("skiff.flood.seed", 20_261_127L);
  private static final int ATTACKERS = 4;
  private static final int PROBE_SEQ = 0x7ead;

  /** Kinds of malformed frames, and whether the server must hang up on them. */
  enum Kind {
    NEGATIVE_LENGTH(true),
    OVERSIZED_LENGTH(true),
    EMPTY_FRAME(true),
    TRUNCATED_FRAME(true),
    WRONG_PROTOCOL_BYTE(true),
    BAD_BINARY_VERSION(true),
    HOSTILE_NAME_LENGTH(true),
    GARBAGE_ARGUMENTS(false),
    RANDOM_BODY(false),
    FLIPPED_BYTES(false),
    HOSTILE_STRING_LENGTH(false),
    HOSTILE_LIST_SIZE(false),
    HOSTILE_MAP_SIZE(false),
    DEEP_NESTING(false),
    UNKNOWN_METHOD(false),
    UNKNOWN_SERVICE(false),
    WRONG_MESSAGE_TYPE(false),
    ONEWAY_GARBAGE(false);

    /** Closes the connection for sure; the others may or may not, depending on the bytes. */
    final boolean closes;

    Kind(boolean closes) {
      this.closes = closes;
    }
  }

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @Test
  void serverSurvivesTenThousandMalformedFramesAndAnswersEveryValidCall() throws Exception {
    ConcurrentLinkedQueue<Throwable> crashes = new ConcurrentLinkedQueue<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> crashes.add(e));
    ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS + 1);
    try (Server server =
            Server.builder("tcp://127.0.0.1:0")
                .service(EchoService.definition(CompletableFuture::completedFuture, text -> {}))
                .build()
                .start();
        Channel channel = Channel.builder(server.address()).build()) {
      assertEquals("warm", ClientCalls.await(echo(channel, "warm")));
      long heapBefore = usedHeapAfterGc();

      AtomicBoolean flooding = new AtomicBoolean(true);
      AtomicLong validCalls = new AtomicLong();
      Future<?> valid =
          pool.submit(
              () -> {
                long n = 0;
                while (flooding.get()) {
                  List<CompletableFuture<String>> window = new ArrayList<>();
                  for (int i = 0; i < 8; i++) {
                    window.add(echo(channel, "valid " + (n + i)));
                  }
                  for (int i = 0; i < 8; i++) {
                    assertEquals("valid " + (n + i), window.get(i).get(10, TimeUnit.SECONDS));
                  }
                  n += 8;
                  validCalls.set(n);
                }
                return null;
              });
      List<Future<Map<Kind, int[]>>> attackers = new ArrayList<>();
      for (int a = 0; a < ATTACKERS; a++) {
        Random random = new Random(SEED + a);
        int frames = FRAMES / ATTACKERS + (a < FRAMES % ATTACKERS ? 1 : 0);
        attackers.add(pool.submit(() -> attack(server.port(), random, frames)));
      }
      Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
      for (Future<Map<Kind, int[]>> attacker : attackers) {
        attacker
            .get(100, TimeUnit.SECONDS)
            .forEach(
                (kind, counts) -> {
                  int[] total = outcomes.computeIfAbsent(kind, k -> new int[3]);
                  for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                  }
                });
      }
      flooding.set(false);
      valid.get(30, TimeUnit.SECONDS);
      assertEquals("still here", ClientCalls.await(echo(channel, "still here")));

      long heapAfter = usedHeapAfterGc();
      int sent = outcomes.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).sum();
      System.out.printf(
          "flood: %d malformed frames (kind: answered/closed/ignored) %s%n",
          sent, describe(outcomes));
      System.out.printf(
          "flood: %d valid calls all answered; used heap after GC %,d -> %,d bytes (%+,d)%n",
          validCalls.get(), heapBefore, heapAfter, heapAfter - heapBefore);
      assertEquals(FRAMES, sent);
      assertTrue(validCalls.get() > 0);
      for (Kind kind : Kind.values()) {
        int[] counts = outcomes.get(kind);
        assertTrue(counts != null && counts[0] + counts[1] + counts[2] > 0, kind + " never sent");
        if (kind.closes) {
          assertEquals(0, counts[0] + counts[2], kind + " must close the connection");
        }
      }
      assertTrue(
          heapAfter - heapBefore < 32L * 1024 * 1024,
          "heap grew by " + (heapAfter - heapBefore) + " bytes");
      assertTrue(crashes.isEmpty(), "uncaught: " + crashes);
    } finally {
      pool.shutdownNow();
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  private static String describe(Map<Kind, int[]> outcomes) {
    StringBuilder text = new StringBuilder();
    outcomes.forEach(
        (kind, c) -> text.append(String.format("%n  %-22s %d/%d/%d", kind, c[0], c[1], c[2])));
    return text.toString();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50); // lets reference processing and Netty's cleaners run between collections
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /**
   * Sends {@code frames} malformed frames over raw connections. After a frame the server may keep,
   * a valid probe call follows: its answer shows the connection survived, and any answer to the
   * malformed frame comes before it. Returns per kind: frames answered (the connection kept),
   * closed, and ignored (kept, no answer: oneway).
   */
  private static Map<Kind, int[]> attack(int port, Random random, int frames) throws IOException {
    Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
    Kind[] kinds = Kind.values();
    RawClient client = null;
    try {
      for (int i = 0; i < frames; i++) {
        if (client == null) {
          client = new RawClient(port, java.time.Duration.ofSeconds(20));
        }
        Kind kind = kinds[random.nextInt(kinds.length)];
        int[] counts = outcomes.computeIfAbsent(kind, k -> new int[3]);
        byte[] frame = malformed(kind, random);
        try {
          client.send(frame);
          if (kind == Kind.TRUNCATED_FRAME) {
            client.socket.shutdownOutput(); // the rest never comes
          } else {
            client.send(RawClient.call("echo", PROBE_SEQ, "probe"));
          }
        } catch (IOException e) {
          // The server hung up while we were still writing.
          counts[1]++;
          client.close();
          client = null;
          continue;
        }
        int outcome = awaitProbe(client);
        counts[outcome]++;
        if (outcome == 1) {
          client.close();
          client = null;
        }
      }
    } finally {
      if (client != null) {
        client.close();
      }
    }
    return outcomes;
  }

  /** 0: something answered before the probe; 1: closed; 2: only the probe answered. */
  private static int awaitProbe(RawClient client) {
    boolean answered = false;
    try {
      while (true) {
        RawClient.Reply reply = client.readReply();
        if (reply.header().sequenceId() == PROBE_SEQ && "probe".equals(reply.success())) {
          return answered ? 0 : 2;
        }
        answered = true;
      }
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  private static byte[] malformed(Kind kind, Random random) {
    return switch (kind) {
      case NEGATIVE_LENGTH -> lengthThen(-1 - random.nextInt(Integer.MAX_VALUE), 16, random);
      case OVERSIZED_LENGTH -> lengthThen(16_384_001 + random.nextInt(1 << 30), 16, random);
      case EMPTY_FRAME -> new byte[4];
      case TRUNCATED_FRAME -> {
        byte[] call = RawClient.call("echo", 1, "x".repeat(random.nextInt(200)));
        yield java.util.Arrays.copyOf(call, 4 + random.nextInt(call.length - 4));
      }
      case WRONG_PROTOCOL_BYTE -> {
        byte first;
        do {
          first = (byte) random.nextInt(256);
        } while (first == (byte) 0x80 || first == (byte) 0x82 || first == 0);
        byte[] body = randomBytes(random, 1 + random.nextInt(64));
        body[0] = first;
        yield framed(body);
      }
      case BAD_BINARY_VERSION -> framed(bytes(0x80, 0x02 + random.nextInt(100), 0, 1, 0, 0, 0, 4));
      case HOSTILE_NAME_LENGTH ->
          // compact CALL, seq 1, then a name length of 2^31 - 1 as a varint
          framed(bytes(0x82, 0x21, 0x01, 0xff, 0xff, 0xff, 0xff, 0x07, 'e'));
      case GARBAGE_ARGUMENTS -> callThen("echo", randomBytes(random, random.nextInt(100)));
      case RANDOM_BODY -> {
        byte[] body = randomBytes(random, 1 + random.nextInt(200));
        body[0] = random.nextBoolean() ? (byte) 0x82 : (byte) 0x80;
        yield framed(body);
      }
      case FLIPPED_BYTES -> {
        byte[] call = RawClient.call("echo", 1, "flip me " + random.nextInt());
        for (int f = 0; f < 1 + random.nextInt(4); f++) {
          call[4 + random.nextInt(call.length - 4)] ^= (byte) (1 << random.nextInt(8));
        }
        yield call;
      }
      // field 1, binary, length 2^31 - 1
      case HOSTILE_STRING_LENGTH -> callThen("echo", bytes(0x18, 0xff, 0xff, 0xff, 0xff, 0x07));
      // field 2, list<i32> of 2^31 - 1 elements
      case HOSTILE_LIST_SIZE -> callThen("echo", bytes(0x29, 0xf5, 0xff, 0xff, 0xff, 0xff, 0x07));
      // field 2, map<i32,i32> of 2^28 entries
      case HOSTILE_MAP_SIZE -> callThen("echo", bytes(0x2b, 0x80, 0x80, 0x80, 0x80, 0x01, 0x55));
      case DEEP_NESTING -> {
        int depth = 100 + random.nextInt(20_000);
        ByteArrayOutputStream args = new ByteArrayOutputStream();
        for (int d = 0; d < depth; d++) {
          args.write(0x2c); // field 2, struct: one level deeper
        }
        for (int d = 0; d <= depth; d++) {
          args.write(0);
        }
        yield callThen("echo", args.toByteArray());
      }
      case UNKNOWN_METHOD -> RawClient.call("nope" + random.nextInt(1000), 1, "x");
      case UNKNOWN_SERVICE -> RawClient.call("Nobody:echo", 1, "x");
      case WRONG_MESSAGE_TYPE ->
          RawClient.frame(
              Protocol.COMPACT,
              "echo",
              random.nextBoolean() ? MessageType.REPLY : MessageType.EXCEPTION,
              1,
              new TextArgs("x"));
      case ONEWAY_GARBAGE -> {
        byte[] header = header(Protocol.COMPACT, "tell", MessageType.ONEWAY);
        yield framed(concat(header, randomBytes(random, random.nextInt(50))));
      }
    };
  }

  private static byte[] callThen(String name, byte[] args) {
    return framed(concat(header(Protocol.COMPACT, name, MessageType.CALL), args));
  }

  private static byte[] header(Protocol protocol, String name, MessageType type) {
    ByteBuf buf = Unpooled.buffer();
    protocol.newWriter(buf).writeMessageBegin(new MessageHeader(name, type, 1));
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  private static byte[] lengthThen(int length, int bytes, Random random) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeInt(length);
    buf.writeBytes(randomBytes(random, bytes));
    return buf.array().length == buf.readableBytes()
        ? buf.array()
        : java.util.Arrays.copyOf(buf.array(), buf.readableBytes());
  }

  private static byte[] framed(byte[] body) {
    return concat(
        new byte[] {
          (byte) (body.length >>> 24),
          (byte) (body.length >>> 16),
          (byte) (body.length >>> 8),
          (byte) body.length
        },
        body);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
