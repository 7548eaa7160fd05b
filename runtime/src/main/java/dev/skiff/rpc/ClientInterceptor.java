package dev.skiff.rpc;

import java.util.concurrent.CompletionStage;

/**
 * Runs around every call a {@link Channel} makes: logging, metrics, retries, credentials. An
 * interceptor calls {@code next.invoke} to go on (it may change the arguments, or not call it at
 * all and answer itself) and returns the stage of the result. Results are the method's return value
 * ({@code null} for void and oneway methods); failures carry the declared exception or a {@link
 * SkiffException}.
 *
 * <p>Interceptors are shared by all calls on a channel and must be thread-safe.
 */
@FunctionalInterface
public interface ClientInterceptor {
  CompletionStage<Object> intercept(CallInfo call, Object arguments, Invoker next);

  /** The rest of the chain. */
  @FunctionalInterface
  interface Invoker {
    CompletionStage<Object> invoke(CallInfo call, Object arguments);
  }
}
