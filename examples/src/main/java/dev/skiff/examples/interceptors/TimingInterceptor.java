package dev.skiff.examples.interceptors;

import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.ClientInterceptor;
import dev.skiff.rpc.ServerInterceptor;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Reports every call with how long it took, on either side of the wire. Thread-safe. */
public final class TimingInterceptor implements ClientInterceptor, ServerInterceptor {
  private final Consumer<String> report;

  public TimingInterceptor(Consumer<String> report) {
    this.report = report;
  }

  // [START client-interceptor]
  @Override
  public CompletionStage<Object> intercept(
      CallInfo call, Object arguments, ClientInterceptor.Invoker next) {
    long start = System.nanoTime();
    return next.invoke(call, arguments)
        .whenComplete((result, failure) -> done("client", call, start, failure));
  }

  // [END client-interceptor]

  @Override
  public CompletionStage<Object> intercept(
      CallInfo call, Object arguments, ServerInterceptor.Handler next) {
    long start = System.nanoTime();
    return next.invoke(call, arguments)
        .whenComplete((result, failure) -> done("server", call, start, failure));
  }

  private void done(String side, CallInfo call, long startNanos, Throwable failure) {
    long micros = (System.nanoTime() - startNanos) / 1_000;
    report.accept(
        side
            + " "
            + call.service()
            + "."
            + call.method()
            + (failure == null ? " ok" : " failed")
            + " in "
            + micros
            + " µs");
  }
}
