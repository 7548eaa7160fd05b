package dev.skiff.interop.rpc;

import dev.skiff.interop.skiff.BaseTypes;
import dev.skiff.interop.skiff.Color;
import dev.skiff.interop.skiff.Containers;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Expr;
import dev.skiff.interop.skiff.Extended;
import dev.skiff.interop.skiff.Invalid;
import dev.skiff.interop.skiff.Level;
import dev.skiff.interop.skiff.NotFound;
import dev.skiff.interop.skiff.Optionals;
import dev.skiff.interop.skiff.Overloaded;
import dev.skiff.interop.skiff.Point;
import dev.skiff.interop.skiff.Requireds;
import dev.skiff.interop.skiff.Shape;
import dev.skiff.interop.skiff.Sparse;
import dev.skiff.interop.skiff.Tree;
import dev.skiff.interop.skiff.Uuids;
import dev.skiff.rpc.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The interop service implemented with Skiff's generated interface; {@link LibthriftService} is the
 * same behaviour on libthrift's. Thread-safe.
 *
 * <ul>
 *   <li>{@code echo*} return their argument.
 *   <li>{@code describe} records its arguments in {@link #described} and returns a summary.
 *   <li>{@code tell} (oneway) records its arguments in {@link #told}.
 *   <li>{@code check}/{@code reject} throw the declared exception their argument names ({@code
 *       "notFound"}, {@code "invalid"}, {@code "overloaded"}), fail undeclared for {@code "crash"},
 *       else return (the argument's length).
 *   <li>{@code crash} throws an exception no method declares, with a secret in its message.
 *   <li>{@code sleep} waits, at most {@link #MAX_SLEEP_MILLIS}, after running {@code onSleep}.
 *   <li>{@code forest} returns {@code size} trees, {@link Invalid} for a negative size.
 * </ul>
 */
public final class SkiffService implements Extended {
  static final long MAX_SLEEP_MILLIS = 60_000;
  static final String SECRET = "secret internal detail";

  /** The arguments of one {@code describe} call. */
  public record Described(
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
      Map<String, Integer> counts) {}

  /** The arguments of one {@code tell} call. */
  public record Told(String text, long sequence) {}

  final BlockingQueue<Described> described = new LinkedBlockingQueue<>();
  final BlockingQueue<Told> told = new LinkedBlockingQueue<>();
  private final Runnable onSleep;

  public SkiffService() {
    this(() -> {});
  }

  public SkiffService(Runnable onSleep) {
    this.onSleep = onSleep;
  }

  static NotFound notFound(String which) {
    return new NotFound("not found: " + which, which);
  }

  static Invalid invalid(String which) {
    return new Invalid(400, List.of("bad", which));
  }

  static Overloaded overloaded() {
    return new Overloaded(250L, Level.HIGH);
  }

  @Override
  public BaseTypes echoBase(BaseTypes value) {
    return value;
  }

  @Override
  public Containers echoContainers(Containers value) {
    return value;
  }

  @Override
  public Optionals echoOptionals(Optionals value) {
    return value;
  }

  @Override
  public Requireds echoRequireds(Requireds value) {
    return value;
  }

  @Override
  public Defaults echoDefaults(Defaults value) {
    return value;
  }

  @Override
  public Shape echoShape(Shape value) {
    return value;
  }

  @Override
  public Tree echoTree(Tree value) {
    return value;
  }

  @Override
  public Expr echoExpr(Expr value) {
    return value;
  }

  @Override
  public Sparse echoSparse(Sparse value) {
    return value;
  }

  @Override
  public Empty echoEmpty(Empty value) {
    return value;
  }

  @Override
  public boolean echoBool(boolean value) {
    return value;
  }

  @Override
  public byte echoByte(byte value) {
    return value;
  }

  @Override
  public short echoI16(short value) {
    return value;
  }

  @Override
  public int echoI32(int value) {
    return value;
  }

  @Override
  public long echoI64(long value) {
    return value;
  }

  @Override
  public double echoDouble(double value) {
    return value;
  }

  @Override
  public String echoString(String value) {
    return value;
  }

  @Override
  public Bytes echoBinary(Bytes value) {
    return value;
  }

  @Override
  public Color echoColor(Color value) {
    return value;
  }

  @Override
  public List<Point> echoList(List<Point> value) {
    return value;
  }

  @Override
  public Set<String> echoSet(Set<String> value) {
    return value;
  }

  @Override
  public Map<Point, List<Color>> echoMap(Map<Point, List<Color>> value) {
    return value;
  }

  @Override
  public UUID echoUuid(UUID value) {
    return value;
  }

  @Override
  public Uuids echoUuids(Uuids value) {
    return value;
  }

  @Override
  public int countUuids(Uuids value) {
    return count(value.id())
        + count(value.maybe())
        + (value.ids() == null ? 0 : value.ids().size())
        + (value.idSet() == null ? 0 : value.idSet().size())
        + (value.names() == null ? 0 : value.names().size())
        + count(value.must());
  }

  private static int count(UUID id) {
    return id == null ? 0 : 1;
  }

  @Override
  public String describe(
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
    described.add(
        new Described(
            flag, b, small, medium, large, real, text, data, color, point, names, counts));
    return summary(text, medium, names);
  }

  static String summary(String text, int medium, List<String> names) {
    return text + "/" + medium + "/" + (names == null ? "-" : String.join(",", names));
  }

  @Override
  public void noop() {}

  @Override
  public void tell(String text, long sequence) {
    told.add(new Told(text, sequence));
  }

  @Override
  public int check(String which) throws NotFound, Invalid, Overloaded {
    switch (which) {
      case "notFound" -> throw notFound(which);
      case "invalid" -> throw invalid(which);
      case "overloaded" -> throw overloaded();
      case "crash" -> throw new IllegalStateException(SECRET + " in check");
      default -> {
        return which.length();
      }
    }
  }

  @Override
  public void reject(String which) throws NotFound, Invalid {
    switch (which) {
      case "notFound" -> throw notFound(which);
      case "invalid" -> throw invalid(which);
      case "crash" -> throw new IllegalStateException(SECRET + " in reject");
      default -> {}
    }
  }

  @Override
  public String crash(String why) {
    throw new IllegalStateException(SECRET + ": " + why);
  }

  @Override
  public long sleep(long millis) {
    onSleep.run();
    try {
      // The handler's own work, not a test waiting: it stands for a slow call.
      TimeUnit.MILLISECONDS.sleep(Math.min(millis, MAX_SLEEP_MILLIS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return millis;
  }

  @Override
  public List<Tree> forest(int size) throws Invalid {
    if (size < 0) {
      throw invalid("size " + size);
    }
    List<Tree> trees = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      trees.add(new Tree("tree " + i, List.of(new Tree("leaf", List.of(), null)), null));
    }
    return trees;
  }
}
