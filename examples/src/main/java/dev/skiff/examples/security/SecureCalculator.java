package dev.skiff.examples.security;

import dev.skiff.examples.calculator.Calculator;
import dev.skiff.examples.calculator.CalculatorHandler;
import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallRejectedException;
import dev.skiff.rpc.Server;
import dev.skiff.rpc.TlsConfig;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The calculator served over TLS to the clients an authorizer admits. Shows the security and
 * cancellation APIs the server guide describes; it needs a key store, so the demo does not run it.
 */
public final class SecureCalculator {
  private final Set<String> admitted;

  /**
   * @param admitted the certificate subjects ({@code CN=…}) that may call
   */
  public SecureCalculator(Set<String> admitted) {
    this.admitted = Set.copyOf(admitted);
  }

  /**
   * Serves over TLS on {@code port} with the server's key and certificate from {@code keyStore}.
   */
  public Server serve(int port, Path keyStore, char[] password, CalculatorHandler handler) {
    // [START tls]
    Server server =
        Server.builder("tcp://0.0.0.0:" + port)
            .service(Calculator.serviceDefinition(handler))
            .tls(TlsConfig.builder().keyStore(keyStore, password).build())
            .authorize(
                call -> {
                  Principal who = call.peer().principal();
                  if (who == null || !allowed(who, call.service(), call.method())) {
                    throw new CallRejectedException("permission denied: " + call.method());
                  }
                })
            .build()
            .start();
    // [END tls]
    return server;
  }

  private boolean allowed(Principal who, String service, String method) {
    return admitted.contains(who.getName())
        && service.equals("Calculator")
        && !method.equals("log");
  }

  /** What a long-running handler does to stop when its caller has gone. */
  static void workWhileWanted(BooleanSupplier moreWork, Runnable step) {
    // [START cancellation]
    CallContext call = CallContext.current();
    while (!call.isCancelled() && moreWork.getAsBoolean()) {
      step.run();
    }
    // [END cancellation]
  }
}
