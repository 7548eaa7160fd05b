package dev.skiff.rpc.internal;

import dev.skiff.rpc.Bytes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Zero-copy access to the array inside a {@link Bytes}, for the protocol implementations only.
 *
 * <p>{@code Bytes} copies on every public way in and out, which is what users need; a protocol
 * writer that only reads the array, or a reader that has just filled a fresh array, can skip that
 * copy. Reaching the private members through a private lookup keeps {@code Bytes}' public API free
 * of an unsafe "wrap without copying" method. Callers promise never to change an array they get
 * from {@link #array} and never to change an array after passing it to {@link #wrap}.
 *
 * <p>Stateless and thread-safe.
 */
public final class BytesAccess {
  private static final MethodHandle ARRAY;
  private static final MethodHandle WRAP;

  static {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(Bytes.class, MethodHandles.lookup());
      ARRAY = lookup.findGetter(Bytes.class, "bytes", byte[].class);
      WRAP = lookup.findConstructor(Bytes.class, MethodType.methodType(void.class, byte[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private BytesAccess() {}

  /**
   * Returns the array inside {@code bytes}; the caller must not change it.
   *
   * @param bytes a byte string
   * @return its backing array, not a copy
   */
  public static byte[] array(Bytes bytes) {
    try {
      return (byte[]) ARRAY.invokeExact(bytes);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /**
   * Returns a {@code Bytes} backed by {@code array} without copying; the caller must not change the
   * array afterwards.
   *
   * @param array the content, handed over
   * @return a byte string over {@code array}
   */
  public static Bytes wrap(byte[] array) {
    if (array.length == 0) {
      return Bytes.empty();
    }
    try {
      return (Bytes) WRAP.invokeExact(array);
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
