package dev.skiff.interop.rpc;

import dev.skiff.interop.skiff.BaseTypes;
import dev.skiff.interop.skiff.Color;
import dev.skiff.interop.skiff.Containers;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Expr;
import dev.skiff.interop.skiff.Extended;
import dev.skiff.interop.skiff.Optionals;
import dev.skiff.interop.skiff.Point;
import dev.skiff.interop.skiff.Requireds;
import dev.skiff.interop.skiff.Shape;
import dev.skiff.interop.skiff.Sparse;
import dev.skiff.interop.skiff.Tree;
import dev.skiff.interop.skiff.Uuids;
import dev.skiff.rpc.Bytes;
import dev.skiff.rpc.ThriftException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link SkiffService}'s behaviour through Skiff's {@code Extended.Async} interface: results and
 * declared exceptions complete the futures on another thread; {@code crash} completes its future
 * with an undeclared failure, and {@code check("crash")} throws one before returning a future.
 */
final class SkiffAsyncService implements Extended.Async {
  private final SkiffService sync;
  private final Executor executor;

  SkiffAsyncService(SkiffService sync, Executor executor) {
    this.sync = sync;
    this.executor = executor;
  }

  /** A call of the blocking implementation that may throw a declared exception. */
  private interface Call<T> {
    T run() throws ThriftException;
  }

  private <T> CompletableFuture<T> later(Call<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            result.complete(call.run());
          } catch (ThriftException | RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  @Override
  public CompletableFuture<BaseTypes> echoBase(BaseTypes value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Containers> echoContainers(Containers value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Optionals> echoOptionals(Optionals value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Requireds> echoRequireds(Requireds value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Defaults> echoDefaults(Defaults value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Shape> echoShape(Shape value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Tree> echoTree(Tree value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Expr> echoExpr(Expr value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Sparse> echoSparse(Sparse value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Empty> echoEmpty(Empty value) {
    return CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletableFuture<Boolean> echoBool(boolean value) {
    return CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletableFuture<Byte> echoByte(byte value) {
    return CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletableFuture<Short> echoI16(short value) {
    return CompletableFuture.completedFuture(value);
  }

  @Override
  public CompletableFuture<Integer> echoI32(int value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Long> echoI64(long value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Double> echoDouble(double value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<String> echoString(String value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Bytes> echoBinary(Bytes value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Color> echoColor(Color value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<List<Point>> echoList(List<Point> value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Set<String>> echoSet(Set<String> value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Map<Point, List<Color>>> echoMap(Map<Point, List<Color>> value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<UUID> echoUuid(UUID value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Uuids> echoUuids(Uuids value) {
    return later(() -> value);
  }

  @Override
  public CompletableFuture<Integer> countUuids(Uuids value) {
    return later(() -> sync.countUuids(value));
  }

  @Override
  public CompletableFuture<String> describe(
      boolean flag,
      byte b,
      short small,
      int medium,
      long large,
      double real,
      String text,
      Bytes data,
      Color color,
      Point point,
      List<String> names,
      Map<String, Integer> counts) {
    return later(
        () ->
            sync.describe(
                flag, b, small, medium, large, real, text, data, color, point, names, counts));
  }

  @Override
  public CompletableFuture<Void> noop() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> tell(String text, long sequence) {
    return later(
        () -> {
          sync.tell(text, sequence);
          return null;
        });
  }

  @Override
  public CompletableFuture<Integer> check(String which) {
    if (which.equals("crash")) {
      throw new IllegalStateException(SkiffService.SECRET + " thrown by the async check");
    }
    return later(() -> sync.check(which));
  }

  @Override
  public CompletableFuture<Void> reject(String which) {
    return later(
        () -> {
          sync.reject(which);
          return null;
        });
  }

  @Override
  public CompletableFuture<String> crash(String why) {
    return later(() -> sync.crash(why));
  }

  @Override
  public CompletableFuture<Long> sleep(long millis) {
    return later(() -> sync.sleep(millis));
  }

  @Override
  public CompletableFuture<List<Tree>> forest(int size) {
    return later(() -> sync.forest(size));
  }
}
