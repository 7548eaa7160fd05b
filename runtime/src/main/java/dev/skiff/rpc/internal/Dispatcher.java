package dev.skiff.rpc.internal;

import dev.skiff.rpc.CallAuthorizer;
import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallInfo;
import dev.skiff.rpc.ServerInterceptor;
import dev.skiff.rpc.ServiceDefinition;
import dev.skiff.rpc.SkiffException;
import dev.skiff.rpc.protocol.ThriftStruct;
import dev.skiff.rpc.stub.ServerMethod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's dispatch routine: finds the service and method a message names, and runs the method
 * through the interceptors on the handler executor. Shared by all connections; thread-safe.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** A method found for a message, with the service name calls to it report. */
  public record Target(String service, ServerMethod<?> method) {}

  private final ServiceDefinition defaultService;
  private final Map<String, ServiceDefinition> byName;
  private final List<ServerInterceptor> interceptors;
  private final Executor executor;
  private final int maxCallsInFlight;
  private final int maxCallsPerConnection;
  private final CallAuthorizer authorizer;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  /**
   * @param maxCallsInFlight calls the whole server runs at once; more are refused
   * @param maxCallsPerConnection calls one connection may have running at once; more are refused
   * @param authorizer decides on each call before its arguments are decoded; null lets all run
   */
  public Dispatcher(
      ServiceDefinition defaultService,
      Map<String, ServiceDefinition> byName,
      List<ServerInterceptor> interceptors,
      Executor executor,
      int maxCallsInFlight,
      int maxCallsPerConnection,
      CallAuthorizer authorizer) {
    this.defaultService = defaultService;
    this.byName = Map.copyOf(byName);
    this.interceptors = List.copyOf(interceptors);
    this.executor = executor;
    this.maxCallsInFlight = maxCallsInFlight;
    this.maxCallsPerConnection = maxCallsPerConnection;
    this.authorizer = authorizer;
  }

  /**
   * Asks the authorizer whether {@code call} may run; on the event loop, before decoding.
   *
   * @return null when it may, else the message to refuse it with
   */
  public String authorize(CallInfo call) {
    if (authorizer == null) {
      return null;
    }
    try {
      authorizer.authorize(call);
      return null;
    } catch (SkiffException e) {
      return e.getMessage() != null ? e.getMessage() : "Call to '" + call.method() + "' refused";
    } catch (RuntimeException e) {
      log.warn("the authorizer failed on {}.{}; refusing it", call.service(), call.method(), e);
      return "Call to '" + call.method() + "' refused";
    }
  }

  public int maxCallsPerConnection() {
    return maxCallsPerConnection;
  }

  /**
   * The method a message names: {@code Service:method} for a multiplexed call, else {@code method}
   * of the default service. Null when there is none.
   */
  public Target find(String messageName) {
    int colon = messageName.indexOf(':');
    if (colon >= 0) {
      ServiceDefinition service = byName.get(messageName.substring(0, colon));
      if (service == null) {
        return null;
      }
      ServerMethod<?> method = service.method(messageName.substring(colon + 1));
      return method == null ? null : new Target(messageName.substring(0, colon), method);
    }
    if (defaultService == null) {
      return null;
    }
    ServerMethod<?> method = defaultService.method(messageName);
    return method == null ? null : new Target(defaultService.name(), method);
  }

  /**
   * The message of the UNKNOWN_METHOD reply to a message {@link #find} found nothing for: Thrift's
   * {@code Invalid method name: 'm'}, saying also when it is the service that is missing.
   */
  public String notFound(String messageName) {
    int colon = messageName.indexOf(':');
    if (colon < 0) {
      return "Invalid method name: '"
          + messageName
          + "'"
          + (defaultService == null ? " (this server serves only multiplexed services)" : "");
    }
    String service = messageName.substring(0, colon);
    return "Invalid method name: '"
        + messageName.substring(colon + 1)
        + "'"
        + (byName.containsKey(service) ? "" : " (no service '" + service + "' on this server)");
  }

  public Executor executor() {
    return executor;
  }

  /** Whether the server is shutting down: calls that arrive now are refused. */
  public boolean draining() {
    return draining;
  }

  public void startDraining() {
    draining = true;
  }

  public int inFlight() {
    return inFlight.get();
  }

  public void callStarted() {
    inFlight.incrementAndGet();
  }

  /**
   * Counts a call in unless the server already runs {@code maxCallsInFlight}; a call counted in
   * must be counted out with {@link #callFinished()}.
   *
   * @return null when counted in, else why the call is refused
   */
  public String tryCallStarted() {
    if (inFlight.incrementAndGet() > maxCallsInFlight) {
      inFlight.decrementAndGet();
      return "Server is overloaded: " + maxCallsInFlight + " calls in flight, the limit";
    }
    return null;
  }

  public void callFinished() {
    inFlight.decrementAndGet();
  }

  /**
   * Runs the method through the interceptors, with {@code context} current on this thread while
   * they and the handler are invoked; call on the handler executor.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public CompletionStage<Object> invoke(
      CallContext context, ServerMethod<?> method, ThriftStruct args) {
    CallContext previous = CallContexts.enter(context);
    try {
      return invoke(context.call(), method, args);
    } finally {
      CallContexts.enter(previous);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private CompletionStage<Object> invoke(CallInfo call, ServerMethod<?> method, ThriftStruct args) {
    ServerInterceptor.Handler chain =
        (info, arguments) -> {
          try {
            CompletionStage<? extends ThriftStruct> result =
                ((ServerMethod.Handler) method.handler()).invoke(arguments);
            // A cast, not thenApply(r -> r): a stage more per call is garbage and a completion.
            return result == null
                ? CompletableFuture.completedFuture(null)
                : (CompletionStage<Object>) (CompletionStage<?>) result;
          } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
          }
        };
    for (int i = interceptors.size() - 1; i >= 0; i--) {
      ServerInterceptor interceptor = interceptors.get(i);
      ServerInterceptor.Handler next = chain;
      chain = (info, arguments) -> interceptor.intercept(info, arguments, next);
    }
    try {
      CompletionStage<Object> stage = chain.invoke(call, args);
      return stage != null ? stage : CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
