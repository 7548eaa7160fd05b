package dev.skiff.interop.rpc;

import dev.skiff.interop.ToSkiff;
import dev.skiff.interop.libthrift.BaseTypes;
import dev.skiff.interop.libthrift.Color;
import dev.skiff.interop.libthrift.Containers;
import dev.skiff.interop.libthrift.Defaults;
import dev.skiff.interop.libthrift.Empty;
import dev.skiff.interop.libthrift.Expr;
import dev.skiff.interop.libthrift.Extended;
import dev.skiff.interop.libthrift.Invalid;
import dev.skiff.interop.libthrift.Level;
import dev.skiff.interop.libthrift.NotFound;
import dev.skiff.interop.libthrift.Optionals;
import dev.skiff.interop.libthrift.Overloaded;
import dev.skiff.interop.libthrift.Point;
import dev.skiff.interop.libthrift.Requireds;
import dev.skiff.interop.libthrift.Shape;
import dev.skiff.interop.libthrift.Sparse;
import dev.skiff.interop.libthrift.Tree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link SkiffService}'s behaviour on libthrift's generated interface, for libthrift's servers.
 * Records {@code describe} and {@code tell} arguments as Skiff values. Thread-safe.
 */
final class LibthriftService implements Extended.Iface {
  /** Short: TNonblockingServer runs handlers on its only thread. */
  static final long MAX_SLEEP_MILLIS = 2_000;

  final BlockingQueue<SkiffService.Described> described = new LinkedBlockingQueue<>();
  final BlockingQueue<SkiffService.Told> told = new LinkedBlockingQueue<>();

  static NotFound notFound(String which) {
    return new NotFound("not found: " + which, which);
  }

  static Invalid invalid(String which) {
    return new Invalid(400, List.of("bad", which));
  }

  static Overloaded overloaded() {
    return new Overloaded().setRetryAfterMillis(250).setLevel(Level.HIGH);
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
  public ByteBuffer echoBinary(ByteBuffer value) {
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
  public String describe(
      boolean flag,
      byte b,
      short small,
      int medium,
      long large,
      double real,
      String text,
      ByteBuffer data,
      Color color,
      Point point,
      List<String> names,
      Map<String, Integer> counts) {
    described.add(
        new SkiffService.Described(
            flag,
            b,
            small,
            medium,
            large,
            real,
            text,
            ToSkiff.bytes(data),
            ToSkiff.color(color),
            ToSkiff.point(point),
            names,
            counts));
    return SkiffService.summary(text, medium, names);
  }

  @Override
  public void noop() {}

  @Override
  public void tell(String text, long sequence) {
    told.add(new SkiffService.Told(text, sequence));
  }

  @Override
  public int check(String which) throws NotFound, Invalid, Overloaded {
    switch (which) {
      case "notFound" -> throw notFound(which);
      case "invalid" -> throw invalid(which);
      case "overloaded" -> throw overloaded();
      case "crash" -> throw new IllegalStateException(SkiffService.SECRET + " in check");
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
      case "crash" -> throw new IllegalStateException(SkiffService.SECRET + " in reject");
      default -> {}
    }
  }

  @Override
  public String crash(String why) {
    throw new IllegalStateException(SkiffService.SECRET + ": " + why);
  }

  @Override
  public long sleep(long millis) {
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
      trees.add(
          new Tree()
              .setLabel("tree " + i)
              .setChildren(List.of(new Tree().setLabel("leaf").setChildren(List.of()))));
    }
    return trees;
  }
}
