package dev.skiff.interop;

import dev.skiff.interop.skiff.BaseTypes;
import dev.skiff.interop.skiff.BinOp;
import dev.skiff.interop.skiff.Color;
import dev.skiff.interop.skiff.Containers;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Expr;
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
import dev.skiff.rpc.Bytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.thrift.TBase;

/**
 * Turns a value of libthrift's generated types into the equal value of Skiff's.
 *
 * <p>Sets and maps keep libthrift's iteration order (its {@code HashSet}s and {@code HashMap}s),
 * which is the order libthrift writes them in: Skiff's values keep insertion order, so the Skiff
 * value converted here writes its elements in the same order, and the bytes can be compared. Unset
 * fields become {@code null}, the Skiff convention.
 */
public final class ToSkiff {
  private ToSkiff() {}

  /** Any of the interop IDL's structs, unions and exceptions. */
  public static Object value(TBase<?, ?> value) {
    if (value instanceof dev.skiff.interop.libthrift.Point v) {
      return point(v);
    } else if (value instanceof dev.skiff.interop.libthrift.BaseTypes v) {
      return baseTypes(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Optionals v) {
      return optionals(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Requireds v) {
      return requireds(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Defaults v) {
      return defaults(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Containers v) {
      return containers(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Shape v) {
      return shape(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Tree v) {
      return tree(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Expr v) {
      return expr(v);
    } else if (value instanceof dev.skiff.interop.libthrift.BinOp v) {
      return binOp(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Sparse v) {
      return sparse(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Empty) {
      return new Empty();
    } else if (value instanceof dev.skiff.interop.libthrift.NotFound v) {
      return notFound(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Invalid v) {
      return invalid(v);
    } else if (value instanceof dev.skiff.interop.libthrift.Overloaded v) {
      return overloaded(v);
    }
    throw new IllegalArgumentException("no conversion for " + value.getClass());
  }

  public static Color color(dev.skiff.interop.libthrift.Color color) {
    return color == null ? null : Color.findByValue(color.getValue());
  }

  public static Level level(dev.skiff.interop.libthrift.Level level) {
    return level == null ? null : Level.findByValue(level.getValue());
  }

  public static Bytes bytes(ByteBuffer buffer) {
    return buffer == null ? null : Bytes.copyOf(buffer);
  }

  public static Point point(dev.skiff.interop.libthrift.Point p) {
    return p == null ? null : new Point(p.getX(), p.getY());
  }

  public static BaseTypes baseTypes(dev.skiff.interop.libthrift.BaseTypes v) {
    return new BaseTypes(
        v.isFlag(),
        v.getB(),
        v.getTiny(),
        v.getSmall(),
        v.getMedium(),
        v.getLarge(),
        v.getReal(),
        v.getText(),
        bytes(v.bufferForData()),
        v.getStamp(),
        v.getName(),
        color(v.getColor()),
        level(v.getLevel()));
  }

  public static Optionals optionals(dev.skiff.interop.libthrift.Optionals v) {
    return new Optionals(
        v.isSetFlag() ? v.isFlag() : null,
        v.isSetB() ? v.getB() : null,
        v.isSetSmall() ? v.getSmall() : null,
        v.isSetMedium() ? v.getMedium() : null,
        v.isSetLarge() ? v.getLarge() : null,
        v.isSetReal() ? v.getReal() : null,
        v.getText(),
        bytes(v.bufferForData()),
        color(v.getColor()),
        point(v.getPoint()),
        list(v.getInts(), i -> i),
        set(v.getStrings(), s -> s),
        map(v.getPoints(), k -> k, ToSkiff::point),
        shape(v.getShape()),
        tree(v.getTree()));
  }

  public static Requireds requireds(dev.skiff.interop.libthrift.Requireds v) {
    return new Requireds(
        v.isFlag(),
        v.getLarge(),
        v.getReal(),
        v.getText(),
        bytes(v.bufferForData()),
        color(v.getColor()),
        point(v.getPoint()),
        list(v.getStrings(), s -> s),
        shape(v.getShape()));
  }

  public static Defaults defaults(dev.skiff.interop.libthrift.Defaults v) {
    return new Defaults(
        v.isFlag(),
        v.getB(),
        v.getSmall(),
        v.getMedium(),
        v.getLarge(),
        v.getReal(),
        v.getText(),
        bytes(v.bufferForData()),
        color(v.getColor()),
        level(v.getLevel()),
        list(v.getInts(), i -> i),
        set(v.getTags(), s -> s),
        map(v.getCounts(), k -> k, i -> i),
        point(v.getOrigin()),
        v.isSetOptionalWithDefault() ? v.getOptionalWithDefault() : null,
        v.getRequiredWithDefault(),
        shape(v.getShape()),
        v.isOff());
  }

  public static Containers containers(dev.skiff.interop.libthrift.Containers v) {
    return new Containers(
        list(v.getBools(), b -> b),
        list(v.getBytes(), b -> b),
        list(v.getShorts(), s -> s),
        list(v.getInts(), i -> i),
        list(v.getLongs(), l -> l),
        list(v.getDoubles(), d -> d),
        list(v.getStrings(), s -> s),
        list(v.getBlobs(), ToSkiff::bytes),
        list(v.getColors(), ToSkiff::color),
        list(v.getPoints(), ToSkiff::point),
        set(v.getIntSet(), i -> i),
        set(v.getStringSet(), s -> s),
        set(v.getPointSet(), ToSkiff::point),
        set(v.getBoolSet(), b -> b),
        map(v.getStringMap(), k -> k, s -> s),
        map(v.getNumberMap(), k -> k, d -> d),
        map(v.getPointKeys(), ToSkiff::point, s -> s),
        map(v.getColorLists(), ToSkiff::color, l -> list(l, ToSkiff::point)),
        map(v.getBlobMap(), ToSkiff::bytes, ToSkiff::bytes),
        map(v.getSetKeys(), k -> set(k, i -> i), l -> list(l, s -> s)),
        list(v.getNestedLists(), l -> list(l, i -> i)),
        list(v.getDeep(), m -> map(m, k -> k, s -> set(s, x -> x))),
        list(v.getShapes(), ToSkiff::shape),
        list(v.getNames(), s -> s),
        map(v.getFlags(), k -> k, b -> b));
  }

  public static Shape shape(dev.skiff.interop.libthrift.Shape v) {
    if (v == null) {
      return null;
    }
    return switch (v.getSetField()) {
      case CIRCLE -> Shape.circle(v.getCircle());
      case SQUARE -> Shape.square(point(v.getSquare()));
      case COLOR -> Shape.color(color(v.getColor()));
      case LABEL -> Shape.label(v.getLabel());
      case POLYGON -> Shape.polygon(list(v.getPolygon(), ToSkiff::point));
      case BLOB -> Shape.blob(bytes(v.bufferForBlob()));
      case FLAG -> Shape.flag(v.getFlag());
      case ID -> Shape.id(v.getId());
      case WEIGHTS -> Shape.weights(map(v.getWeights(), k -> k, i -> i));
      case EXPR -> Shape.expr(expr(v.getExpr()));
    };
  }

  public static Tree tree(dev.skiff.interop.libthrift.Tree v) {
    return v == null
        ? null
        : new Tree(v.getLabel(), list(v.getChildren(), ToSkiff::tree), tree(v.getMirror()));
  }

  public static Expr expr(dev.skiff.interop.libthrift.Expr v) {
    if (v == null) {
      return null;
    }
    return switch (v.getSetField()) {
      case NUMBER -> Expr.number(v.getNumber());
      case OP -> Expr.op(binOp(v.getOp()));
      case VARIABLE -> Expr.variable(v.getVariable());
    };
  }

  public static BinOp binOp(dev.skiff.interop.libthrift.BinOp v) {
    return new BinOp(v.getOperator(), expr(v.getLeft()), expr(v.getRight()));
  }

  public static Sparse sparse(dev.skiff.interop.libthrift.Sparse v) {
    return new Sparse(
        v.getFirst(),
        v.getSeventeen(),
        v.isSetThreeHundred() ? v.getThreeHundred() : null,
        v.isSetLast() ? v.isLast() : null);
  }

  public static NotFound notFound(dev.skiff.interop.libthrift.NotFound v) {
    return new NotFound(v.getMessage(), v.getWhat());
  }

  public static Invalid invalid(dev.skiff.interop.libthrift.Invalid v) {
    return new Invalid(v.getCode(), list(v.getReasons(), s -> s));
  }

  public static Overloaded overloaded(dev.skiff.interop.libthrift.Overloaded v) {
    return new Overloaded(
        v.isSetRetryAfterMillis() ? v.getRetryAfterMillis() : null, level(v.getLevel()));
  }

  public static <A, B> List<B> list(List<A> list, Function<A, B> element) {
    return list == null ? null : convertInto(new ArrayList<>(list.size()), list, element);
  }

  /** In {@code set}'s iteration order. */
  public static <A, B> Set<B> set(Set<A> set, Function<A, B> element) {
    return set == null ? null : convertInto(new LinkedHashSet<>(), set, element);
  }

  /** In {@code map}'s iteration order. */
  public static <K, V, K2, V2> Map<K2, V2> map(
      Map<K, V> map, Function<K, K2> key, Function<V, V2> value) {
    if (map == null) {
      return null;
    }
    Map<K2, V2> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(key.apply(k), value.apply(v)));
    return copy;
  }

  private static <A, B, C extends Collection<B>> C convertInto(
      C into, Collection<A> from, Function<A, B> element) {
    for (A a : from) {
      into.add(element.apply(a));
    }
    return into;
  }
}
