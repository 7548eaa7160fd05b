package dev.skiff.rpc.stub;

import static java.util.Objects.requireNonNull;

import dev.skiff.rpc.protocol.StructReader;
import dev.skiff.rpc.protocol.ThriftStruct;
import java.util.concurrent.CompletionStage;

/**
 * What a server knows about one method: how to read its arguments and how to run it. Generated
 * server bindings build one per method.
 *
 * @param name the method name on the wire
 * @param oneway whether the method sends no reply
 * @param argsReader reads the args struct
 * @param handler runs the method
 * @param <A> the generated args struct
 */
public record ServerMethod<A extends ThriftStruct>(
    String name, boolean oneway, StructReader<A> argsReader, Handler<A> handler) {
  public ServerMethod {
    requireNonNull(name, "name");
    requireNonNull(argsReader, "argsReader");
    requireNonNull(handler, "handler");
  }

  /**
   * Runs a method. The stage completes with the result struct to send — the success value or a
   * declared exception — or {@code null} for oneway methods. Any other failure, thrown or in the
   * stage, is answered with an {@code INTERNAL_ERROR} that does not reveal it.
   */
  @FunctionalInterface
  public interface Handler<A> {
    CompletionStage<? extends ThriftStruct> invoke(A args) throws Exception;
  }
}
