package dev.skiff.rpc.stub;

import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.ThriftException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What blocking client stubs share: waiting for a call and unwrapping its failure. */
public final class ClientCalls {
  private ClientCalls() {}

  /**
   * Waits for a call. Its timeout bounds the wait, since the channel fails timed-out calls.
   *
   * @throws ThriftException the declared exception the server sent
   * @throws SkiffException any failure of the call itself, as it was raised
   */
  public static <R> R await(CompletableFuture<R> call) throws ThriftException {
    try {
      return call.get();
    } catch (InterruptedException e) {
      call.cancel(false);
      Thread.currentThread().interrupt();
      throw new SkiffException("interrupted while waiting for a reply", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (CancellationException e) {
      throw new SkiffException("call was cancelled", e);
    }
  }

  private static ThriftException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ThriftException declared) {
      return declared;
    }
    if (cause instanceof SkiffException skiff) {
      // Rethrown as is, so callers catch the typed exception; the stack shows the remote call.
      throw skiff;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    throw new SkiffException("call failed: " + cause, cause);
  }

  /** For a declared exception a method does not declare: a server bug or a newer IDL. */
  public static SkiffException undeclared(ThriftException e) {
    return new SkiffException("server sent an exception the method does not declare: " + e, e);
  }
}
