package dev.skiff.rpc.rpc;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.transport.shm.ShmConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * The other process of {@link CrossProcessTest}: a server or a client in its own JVM, killed with
 * SIGKILL at awkward moments. Talks to the test through stdout lines; exits when stdin closes.
 *
 * <pre>
 * PeerProcess server ADDRESS SHM_DIR PEER_TIMEOUT_MS
 * PeerProcess client ADDRESS SHM_DIR PEER_TIMEOUT_MS
 * </pre>
 */
public final class PeerProcess {
  private PeerProcess() {}

  static ShmConfig config(Path dir, long peerTimeoutMillis) {
    return ShmConfig.builder()
        .directory(dir)
        .requestRingCapacity(64 * 1024)
        .replyRingCapacity(32 * 1024)
        .heartbeatInterval(Duration.ofMillis(Math.max(10, peerTimeoutMillis / 10)))
        .peerTimeout(Duration.ofMillis(peerTimeoutMillis))
        .build();
  }

  /** A text that carries its own length and checksum, so a torn copy is recognised. */
  static String sealed(String payload) {
    CRC32 crc = new CRC32();
    crc.update(payload.getBytes(StandardCharsets.UTF_8));
    return payload.length() + ":" + crc.getValue() + ":" + payload;
  }

  /** Whether {@code text} is a {@link #sealed} text that arrived whole. */
  static boolean intact(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length != 3) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(parts[2].getBytes(StandardCharsets.UTF_8));
    return Integer.parseInt(parts[0]) == parts[2].length()
        && Long.parseLong(parts[1]) == crc.getValue();
  }

  static String filler(int length) {
    StringBuilder text = new StringBuilder(length);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  public static void main(String[] args) throws Exception {
    String role = args[0];
    String address = args[1];
    ShmConfig config = config(Path.of(args[2]), Long.parseLong(args[3]));
    if (role.equals("server")) {
      serve(address, config);
    } else {
      call(address, config);
    }
  }

  /**
   * echo: "hang" never answers; "big:N" answers a sealed text of N characters, after printing
   * SENDING; anything else comes back as it came.
   */
  private static void serve(String address, ShmConfig config) throws Exception {
    Server server =
        Server.builder(address)
            .shmConfig(config)
            .gracePeriod(Duration.ZERO)
            .service(
                EchoService.definition(
                    text -> {
                      if (text.equals("hang")) {
                        return new CompletableFuture<>();
                      }
                      if (text.startsWith("big:")) {
                        String reply = sealed(filler(Integer.parseInt(text.substring(4))));
                        System.out.println("SENDING");
                        return CompletableFuture.completedFuture(reply);
                      }
                      return CompletableFuture.completedFuture(text);
                    },
                    text -> {}))
            .build()
            .start();
    System.out.println("READY " + server.address());
    waitForStdinToClose();
    server.close();
  }

  /** Sends sealed calls of random sizes, large ones fragmented, printing CALLING before each. */
  private static void call(String address, ShmConfig config) throws Exception {
    try (Channel channel = Channel.builder(address).shmConfig(config).build()) {
      // A call that hangs in the server, so this client is always mid-call.
      channel.call(null, EchoService.ECHO, new TextArgs("hang"), CallOptions.DEFAULT);
      System.out.println("READY");
      while (true) {
        int size = ThreadLocalRandom.current().nextBoolean() ? 200 : 500_000;
        String text = sealed(filler(size));
        System.out.println("CALLING");
        String reply =
            ClientCalls.await(
                channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT));
        if (!reply.equals(text)) {
          System.out.println("CORRUPT");
        }
      }
    }
  }

  private static void waitForStdinToClose() throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Nothing to read; the test closes stdin to stop this process gracefully.
    }
  }
}
