package dev.skiff.rpc.stub;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.protocol.ThriftStruct;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * What generated server bindings for asynchronous implementations share: looking through the
 * wrappers a failed stage puts around a declared exception, and failing the call with anything
 * else, which the server answers with {@code INTERNAL_ERROR}.
 */
public final class ServerCalls {
  private ServerCalls() {}

  /**
   * The failure behind the {@link CompletionException} and {@link ExecutionException} wrappers that
   * stages add, so that a declared exception is recognised however the implementation's future was
   * composed.
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = requireNonNull(failure, "failure");
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * A failure that is not a declared exception, as an unchecked exception to throw from the
   * function given to {@link CompletionStage#handle}: the stage then fails with it and the call is
   * answered with an {@code INTERNAL_ERROR} that does not reveal it.
   */
  public static CompletionException undeclared(Throwable failure) {
    requireNonNull(failure, "failure");
    return failure instanceof CompletionException wrapped
        ? wrapped
        : new CompletionException(failure);
  }

  /**
   * A oneway method's outcome as its handler returns it: completes, with no result struct, when the
   * implementation's future does, so that a graceful shutdown waits for it; fails as it fails.
   */
  public static CompletionStage<ThriftStruct> oneway(CompletionStage<Void> done) {
    return requireNonNull(done, "the implementation returned a null future")
        .thenApply(ignored -> null);
  }
}
