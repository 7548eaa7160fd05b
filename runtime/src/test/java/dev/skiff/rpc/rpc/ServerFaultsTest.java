package dev.skiff.rpc.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallOptions;
import dev.skiff.rpc.Channel;
import dev.skiff.rpc.ConnectionException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.rpc.EchoService.TextArgs;
import dev.skiff.rpc.stub.ClientCalls;
import dev.skiff.rpc.testing.NettyLeaks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping a server abruptly, and handlers learning that their caller has given up. */
@Timeout(60)
class ServerFaultsTest {
  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  private static CompletableFuture<String> echo(Channel channel, String text) {
    return channel.call(null, EchoService.ECHO, new TextArgs(text), CallOptions.DEFAULT);
  }

  @Test
  void shutdownNowFailsCallsInFlightPromptlyAndCancelsTheirHandlers() throws Exception {
    int calls = 100;
    CountDownLatch started = new CountDownLatch(calls);
    CountDownLatch cancelled = new CountDownLatch(calls);
    Server server =
        Server.builder("tcp://127.0.0.1:0")
            .gracePeriod(Duration.ofSeconds(30)) // shutdownNow must not wait for it
            .service(
                EchoService.definition(
                    text -> {
                      CallContext.current().onCancel(cancelled::countDown);
                      started.countDown();
                      return new CompletableFuture<>(); // never answers by itself
                    },
                    text -> {}))
            .build()
            .start();
    try (Channel channel = Channel.builder(server.address()).build()) {
      List<CompletableFuture<String>> inFlight = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        inFlight.add(echo(channel, "n" + i));
      }
      assertTrue(started.await(10, TimeUnit.SECONDS));
      long start = System.nanoTime();
      server.shutdownNow();
      for (CompletableFuture<String> call : inFlight) {
        ExecutionException failed =
            assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionException.class, failed.getCause());
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("shutdownNow: %d calls in flight failed within %d ms%n", calls, millis);
      assertTrue(millis < 2000, "took " + millis + " ms");
      assertTrue(cancelled.await(5, TimeUnit.SECONDS), "every handler saw its call cancelled");
    } finally {
      server.close();
    }
  }

  @Test
  void aBlockingHandlerLearnsThatItsCallerHasGoneAway() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> noticed = new CompletableFuture<>();
    try (Server server =
        Server.builder("tcp://127.0.0.1:0")
            .service(
                EchoService.definition(
                    text -> {
                      if (!text.equals("long")) {
                        return CompletableFuture.completedFuture(text);
                      }
                      CallContext context = CallContext.current();
                      assertEquals("echo", context.call().method());
                      started.countDown();
                      // Long work, checking now and then whether anyone still waits for it.
                      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                      while (!context.isCancelled() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                      }
                      noticed.complete(context.isCancelled());
                      return CompletableFuture.completedFuture("too late");
                    },
                    text -> {}))
            .build()
            .start()) {
      Channel channel = Channel.builder(server.address()).build();
      CompletableFuture<String> call = echo(channel, "long");
      assertTrue(started.await(10, TimeUnit.SECONDS));
      assertFalse(noticed.isDone());
      channel.close(); // the caller gives up
      assertTrue(noticed.get(10, TimeUnit.SECONDS), "the handler saw the cancellation");
      assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));

      // Other connections are untouched.
      try (Channel other = Channel.builder(server.address()).build()) {
        assertEquals("fine", ClientCalls.await(echo(other, "fine")));
      }
    }
  }

  @Test
  void currentOutsideACallIsAnError() {
    assertThrows(IllegalStateException.class, CallContext::current);
  }
}
