package dev.skiff.rpc;

import java.util.concurrent.CompletionStage;

/**
 * Runs around every call a {@link Server} dispatches, on the handler's executor: logging, metrics,
 * authorization. An interceptor calls {@code next.invoke} to run the handler (or fails the stage to
 * refuse the call; a {@link SkiffException} message reaches the client as an {@link
 * ApplicationException}). The arguments are the generated args struct of the method; the result is
 * the generated result struct (success or a declared exception), {@code null} for oneway methods.
 *
 * <p>Interceptors are shared by all calls and must be thread-safe.
 */
@FunctionalInterface
public interface ServerInterceptor {
  CompletionStage<Object> intercept(CallInfo call, Object arguments, Handler next);

  /** The rest of the chain, ending in the service's handler. */
  @FunctionalInterface
  interface Handler {
    CompletionStage<Object> invoke(CallInfo call, Object arguments);
  }
}
