package dev.skiff.rpc.stub;

import static java.util.Objects.requireNonNull;

/**
 * What a client stub knows about one method: a constant in generated code.
 *
 * @param service the IDL name of the service that declares the method
 * @param name the method name on the wire
 * @param oneway whether the method gets no reply
 * @param resultReader reads the method's result struct; unused for oneway methods
 * @param <R> the method's return type; {@link Void} for void and oneway methods
 */
public record MethodDescriptor<R>(
    String service, String name, boolean oneway, ResultReader<R> resultReader) {
  public MethodDescriptor {
    requireNonNull(service, "service");
    requireNonNull(name, "name");
    requireNonNull(resultReader, "resultReader");
  }

  /** A method that gets a reply, read by {@code resultReader}. */
  public static <R> MethodDescriptor<R> call(
      String service, String name, ResultReader<R> resultReader) {
    return new MethodDescriptor<>(service, name, false, resultReader);
  }

  /** A oneway method. */
  public static MethodDescriptor<Void> oneway(String service, String name) {
    return new MethodDescriptor<>(
        service,
        name,
        true,
        in -> {
          throw new IllegalStateException("oneway method " + name + " has no result");
        });
  }
}
