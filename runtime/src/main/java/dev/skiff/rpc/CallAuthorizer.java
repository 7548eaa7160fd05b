package dev.skiff.rpc;

/**
 * Decides whether a call may run before anything of it is decoded: a server's authentication and
 * authorization hook ({@link Server.Builder#authorize}). It sees the service, the method and the
 * {@link Peer} (address, TLS client certificate, Unix peer credentials) in the {@link CallInfo},
 * and refuses the call by throwing. A refused call is answered with an {@link ApplicationException}
 * carrying the message of the {@link SkiffException} thrown (any other exception is logged and
 * answered "Call to 'm' refused"); its arguments are never decoded and no interceptor or handler
 * runs. Oneway calls are dropped instead.
 *
 * <p>Runs on the connection's event loop for every call: it must be quick and must not block.
 * Shared by all connections; must be thread-safe.
 */
@FunctionalInterface
public interface CallAuthorizer {
  /**
   * Returns normally to let the call run.
   *
   * @throws SkiffException to refuse it, with the message the client receives
   */
  void authorize(CallInfo call);
}
