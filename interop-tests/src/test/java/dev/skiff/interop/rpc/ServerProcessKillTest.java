package dev.skiff.interop.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.interop.skiff.Extended;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.testing.NettyLeaks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Skiff server in a separate JVM ({@link SkiffServerProcess}) is killed with SIGKILL ({@link
 * Process#destroyForcibly()}) while Skiff callers wait in it: they fail within their timeout with a
 * typed exception, nothing hangs; calls made while it is down fail the same way; after it restarts
 * on the same port, calls on the same channel succeed again.
 */
@Timeout(120)
class ServerProcessKillTest {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PROCESS_START = Duration.ofSeconds(30);
  private static final int KILLS = 2;

  private static final ExecutorService callers = Executors.newCachedThreadPool();

  @TempDir Path logs;

  @AfterAll
  static void noLeaks() {
    callers.shutdownNow();
    NettyLeaks.assertNoLeaks();
  }

  /** Every server process a test started, stopped after it whatever happened. */
  private final List<ServerProcess> started = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (ServerProcess server : started) {
      server.close();
    }
  }

  private ServerProcess startServer(int port) throws Exception {
    ServerProcess server = ServerProcess.start(port, logs);
    started.add(server);
    return server;
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void callersFailFastWhenTheServerIsKilledAndSucceedAfterItRestarts(Protocol protocol)
      throws Exception {
    ServerProcess server = startServer(0);
    int port = server.port;
    try (Channel channel =
        Channel.builder("tcp://127.0.0.1:" + port)
            .protocol(protocol)
            .defaultTimeout(CALL_TIMEOUT)
            .initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(200))
            .build()) {
      Extended.Client client = new Extended.Client(channel);
      assertEquals(1, client.echoI32(1));
      for (int kill = 0; kill < KILLS; kill++) {
        killMidCall(client, server);
        callWhileDownFailsWithinItsTimeout(client);
        server = startServer(port);
        assertEquals(port, server.port);
        callsSucceedAgain(client);
      }
    }
  }

  /** An async and a blocking call wait in the server's {@code sleep}; then SIGKILL. */
  private static void killMidCall(Extended.Client client, ServerProcess server) throws Exception {
    CompletableFuture<Long> async = client.async().sleep(60_000);
    server.await("SLEEPING");
    CompletableFuture<Long> blocking =
        CompletableFuture.supplyAsync(() -> client.sleep(60_000), callers);
    server.await("SLEEPING");

    long killed = System.nanoTime();
    server.kill();
    for (CompletableFuture<Long> call : List.of(async, blocking)) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> call.get(CALL_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS));
      Throwable cause = e.getCause();
      // The connection dropped: pending calls fail at once, as ConnectionExceptions, well before
      // their timeout.
      assertInstanceOf(ConnectionException.class, cause, "failure of a call in flight");
    }
    Duration failedAfter = Duration.ofNanos(System.nanoTime() - killed);
    assertTrue(
        failedAfter.compareTo(CALL_TIMEOUT) < 0,
        "calls in flight failed " + failedAfter + " after the kill, not within " + CALL_TIMEOUT);
  }

  private static void callWhileDownFailsWithinItsTimeout(Extended.Client client) {
    long start = System.nanoTime();
    SkiffException e = assertThrows(SkiffException.class, () -> client.echoI32(2));
    Duration failedAfter = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        failedAfter.compareTo(CALL_TIMEOUT.plusSeconds(1)) < 0,
        "a call while the server is down took " + failedAfter + " to fail with " + e);
  }

  /** The same channel reconnects (with its backoff) and calls go through again. */
  private static void callsSucceedAgain(Extended.Client client) throws Exception {
    Extended.Client quick = client.withOptions(CallOptions.timeout(Duration.ofSeconds(1)));
    Await.until(
        () -> {
          try {
            return quick.echoI32(3) == 3;
          } catch (SkiffException notYet) {
            return false;
          }
        },
        Duration.ofSeconds(20),
        "a call to succeed after the restart");
    assertEquals(4, client.echoI32(4));
    assertEquals(5L, client.async().sleep(5).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
  }

  /** A {@link SkiffServerProcess}, its stdout lines queued as they come. */
  private static final class ServerProcess implements AutoCloseable {
    final Process process;
    final int port;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ServerProcess(Process process) throws Exception {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // The process died; await() reports the missing line.
                }
              },
              "server-process-stdout");
      reader.setDaemon(true);
      reader.start();
      this.port = Integer.parseInt(await("READY ").substring("READY ".length()));
    }

    static ServerProcess start(int port, Path logs) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xmx128m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SkiffServerProcess.class.getName(),
                  Integer.toString(port))
              .redirectError(logs.resolve("server-" + System.nanoTime() + ".err").toFile())
              .start();
      try {
        return new ServerProcess(process);
      } catch (Exception | AssertionError e) {
        process.destroyForcibly();
        throw e;
      }
    }

    /** The next line starting with {@code prefix}. */
    String await(String prefix) throws InterruptedException {
      while (true) {
        String line = Await.next(lines, PROCESS_START, "'" + prefix + "' from the server process");
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "server process did not die");
    }

    @Override
    public void close() throws Exception {
      if (!process.isAlive()) {
        return;
      }
      // A graceful stop: the process exits when its standard input closes.
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("server process did not stop when asked");
      }
    }
  }
}
