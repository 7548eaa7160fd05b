package dev.skiff.rpc.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor for blocking handlers: virtual threads where the JVM has them. */
public final class HandlerExecutors {
  private HandlerExecutors() {}

  /**
   * A virtual thread per call on JDK 21 and later; on older JDKs a cached pool of daemon threads.
   * Looked up reflectively, since Skiff is compiled for Java 17.
   */
  public static ExecutorService newDefault() {
    try {
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class))
              .invoke();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return Executors.newCachedThreadPool(daemonThreads("skiff-handler"));
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create the virtual thread executor", e);
    }
  }

  /** Whether {@link #newDefault()} gives virtual threads on this JVM. */
  public static boolean virtualThreadsAvailable() {
    return Runtime.version().feature() >= 21;
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
