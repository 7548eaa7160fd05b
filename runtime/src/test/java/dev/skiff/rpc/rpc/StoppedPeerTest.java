package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.CallTimeoutException;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process that stops answering without dying: SIGSTOP freezes its JVM while its kernel
 * keeps the connection up (and would answer TCP keepalive probes). The call timeout is what detects
 * it; after SIGCONT the same connection serves again and nothing is lost.
 */
@Timeout(60)
class StoppedPeerTest {
  @TempDir Path dir;

  @Test
  void aStoppedServerIsDetectedByTheCallTimeoutAndServesAgainWhenContinued() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process peer =
        new ProcessBuilder(
                java,
                "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                PeerProcess.class.getName(),
                "server",
                "tcp://127.0.0.1:0",
                dir.toString(),
                "1000")
            .redirectError(dir.resolve("peer.err").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
      String address = awaitReady(out);
      try (Channel channel = Channel.builder(address).tcpKeepAlive(true).build()) {
        assertEquals("before", ClientCalls.await(echo(channel, "before", Duration.ofSeconds(10))));

        signal("STOP", peer.pid());
        awaitState(peer.pid(), 'T');
        Duration timeout = Duration.ofMillis(500);
        long start = System.nanoTime();
        CompletableFuture<String> frozen = echo(channel, "while stopped", timeout);
        ExecutionException failed =
            assertThrows(ExecutionException.class, () -> frozen.get(10, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(CallTimeoutException.class, failed.getCause());
        System.out.printf("SIGSTOP: call timed out after %d ms (timeout 500 ms)%n", millis);
        assertTrue(millis >= 450 && millis < 3000, "detected after " + millis + " ms");

        // A call made while the peer is stopped but with a longer timeout completes once it goes
        // on.
        CompletableFuture<String> patient = echo(channel, "patient", Duration.ofSeconds(20));
        signal("CONT", peer.pid());
        assertEquals("patient", patient.get(20, TimeUnit.SECONDS));
        assertEquals("after", ClientCalls.await(echo(channel, "after", Duration.ofSeconds(10))));
      }
    } finally {
      signal("CONT", peer.pid());
      peer.getOutputStream().close();
      if (!peer.waitFor(10, TimeUnit.SECONDS)) {
        peer.destroyForcibly();
      }
    }
  }

  private static CompletableFuture<String> echo(Channel channel, String text, Duration timeout) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.timeout(timeout));
  }

  private static String awaitReady(BufferedReader out) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length());
      }
    }
    throw new IOException("peer exited before it was ready");
  }

  /** Waits until the kernel reports the process in {@code state} (T: stopped); SIGSTOP is async. */
  private static void awaitState(long pid, char state) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String text = java.nio.file.Files.readString(stat);
      // pid (comm) state ...: the state follows the last ')'.
      char now = text.charAt(text.lastIndexOf(')') + 2);
      if (now == state) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "process " + pid + " is still in state " + now);
      Thread.onSpinWait();
    }
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue(), "kill -" + signal + " " + pid);
  }
}
