package dev.skiff.rpc.internal;

import dev.skiff.rpc.CallContext;
import dev.skiff.rpc.CallInfo;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The server's side of {@link CallContext}: creating one, cancelling it, making it current on a
 * thread. Reached through a private lookup, so that the public class offers users only what they
 * may call (as {@link BytesAccess} does for {@code Bytes}). Stateless and thread-safe.
 */
public final class CallContexts {
  private static final MethodHandle CREATE;
  private static final MethodHandle CANCEL;
  private static final MethodHandle ENTER;

  static {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(CallContext.class, MethodHandles.lookup());
      CREATE =
          lookup.findConstructor(
              CallContext.class, MethodType.methodType(void.class, CallInfo.class));
      CANCEL = lookup.findVirtual(CallContext.class, "cancel", MethodType.methodType(void.class));
      ENTER =
          lookup.findStatic(
              CallContext.class,
              "enter",
              MethodType.methodType(CallContext.class, CallContext.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private CallContexts() {}

  public static CallContext create(CallInfo call) {
    try {
      return (CallContext) CREATE.invokeExact(call);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Cancels the call and runs its listeners; idempotent. */
  public static void cancel(CallContext context) {
    try {
      CANCEL.invokeExact(context);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Makes {@code context} (or none, for null) current on this thread.
   *
   * @return the one current before, to restore afterwards
   */
  public static CallContext enter(CallContext context) {
    try {
      return (CallContext) ENTER.invokeExact(context);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
