package dev.skiff.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.interop.skiff.BaseTypes;
import dev.skiff.interop.skiff.BinOp;
import dev.skiff.interop.skiff.Containers;
import dev.skiff.interop.skiff.Defaults;
import dev.skiff.interop.skiff.Empty;
import dev.skiff.interop.skiff.Expr;
import dev.skiff.interop.skiff.Invalid;
import dev.skiff.interop.skiff.NotFound;
import dev.skiff.interop.skiff.Optionals;
import dev.skiff.interop.skiff.Overloaded;
import dev.skiff.interop.skiff.Point;
import dev.skiff.interop.skiff.Requireds;
import dev.skiff.interop.skiff.Shape;
import dev.skiff.interop.skiff.Sparse;
import dev.skiff.interop.skiff.Tree;
import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.StructReader;
import dev.skiff.rpc.protocol.ThriftStruct;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.thrift.TBase;

/** The byte-for-byte check shared by the corpus test and the property tests. */
public final class ByteForByte {
  private ByteForByte() {}

  /**
   * For one libthrift value in one protocol: Skiff's equal value writes exactly libthrift's bytes,
   * and Skiff reads those bytes to the value libthrift reads from them (the original value, with
   * defaults filled in where a field with a default was left unset).
   */
  public static void check(Protocol protocol, TBase<?, ?> libthriftValue) {
    ThriftStruct skiffValue = (ThriftStruct) ToSkiff.value(libthriftValue);
    byte[] expected = Codecs.libthriftWrite(protocol, libthriftValue);
    byte[] actual = Codecs.skiffWrite(protocol, skiffValue);
    assertSameBytes(expected, actual, skiffValue);

    Object readByLibthrift =
        withKnownDivergences(
            ToSkiff.value(
                Codecs.libthriftRead(protocol, expected, () -> emptyLike(libthriftValue))));
    Object readBySkiff = Codecs.skiffRead(protocol, expected, readerFor(skiffValue));
    assertEquals(readByLibthrift, readBySkiff, "Skiff's and libthrift's readings of the bytes");
  }

  /**
   * Where Skiff reads a value differently from libthrift, by design or by a reported bug: the value
   * libthrift reads, changed to what Skiff reads.
   *
   * <p>An {@code optional} field of a primitive type with a default, absent from the wire:
   * libthrift leaves it unset (its getter returns the default, but it is not written again);
   * Skiff's documented rule applies the default on read, so the field is set and a re-write sends
   * it. libthrift itself does what Skiff does for optional fields of other types (they count as set
   * when non-null), so only primitives differ.
   */
  public static Object withKnownDivergences(Object readByLibthrift) {
    if (readByLibthrift instanceof Defaults d && d.optionalWithDefault() == null) {
      return d.toBuilder().optionalWithDefault(42).build();
    }
    return readByLibthrift;
  }

  /**
   * What {@code value} is after one trip over the wire, one side writing it and the other reading
   * it, whichever side is which: what libthrift reads from its own bytes (defaults filled in),
   * changed by {@link #withKnownDivergences} when Skiff does the reading, or wrote what it read.
   */
  public static Object afterOneTrip(TBase<?, ?> value) {
    byte[] bytes = Codecs.libthriftWrite(Protocol.COMPACT, value);
    return withKnownDivergences(
        ToSkiff.value(Codecs.libthriftRead(Protocol.COMPACT, bytes, () -> emptyLike(value))));
  }

  public static void assertSameBytes(byte[] expected, byte[] actual, Object value) {
    int at = Arrays.mismatch(expected, actual);
    if (at >= 0) {
      fail(
          "Skiff's bytes differ from libthrift's at offset "
              + at
              + " (libthrift wrote "
              + expected.length
              + " bytes, Skiff "
              + actual.length
              + ") for "
              + abbreviate(value)
              + "\n  libthrift: "
              + window(expected, at)
              + "\n  skiff:     "
              + window(actual, at));
    }
  }

  private static String window(byte[] bytes, int at) {
    int from = Math.max(0, at - 16);
    int to = Math.min(bytes.length, at + 16);
    return (from > 0 ? "… " : "")
        + HexFormat.ofDelimiter(" ").formatHex(bytes, from, to)
        + (to < bytes.length ? " …" : "");
  }

  private static String abbreviate(Object value) {
    String s = String.valueOf(value);
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  /** The Skiff reader for a value of any of the interop IDL's types. */
  public static StructReader<?> readerFor(Object skiffValue) {
    if (skiffValue instanceof Point) {
      return Point::read;
    } else if (skiffValue instanceof BaseTypes) {
      return BaseTypes::read;
    } else if (skiffValue instanceof Optionals) {
      return Optionals::read;
    } else if (skiffValue instanceof Requireds) {
      return Requireds::read;
    } else if (skiffValue instanceof Defaults) {
      return Defaults::read;
    } else if (skiffValue instanceof Containers) {
      return Containers::read;
    } else if (skiffValue instanceof Shape) {
      return Shape::read;
    } else if (skiffValue instanceof Tree) {
      return Tree::read;
    } else if (skiffValue instanceof Expr) {
      return Expr::read;
    } else if (skiffValue instanceof BinOp) {
      return BinOp::read;
    } else if (skiffValue instanceof Sparse) {
      return Sparse::read;
    } else if (skiffValue instanceof Empty) {
      return Empty::read;
    } else if (skiffValue instanceof NotFound) {
      return NotFound::read;
    } else if (skiffValue instanceof Invalid) {
      return Invalid::read;
    } else if (skiffValue instanceof Overloaded) {
      return Overloaded::read;
    }
    throw new IllegalArgumentException("no reader for " + skiffValue.getClass());
  }

  /** A new, empty libthrift value of the same class, to read into. */
  public static TBase<?, ?> emptyLike(TBase<?, ?> value) {
    try {
      return value.getClass().getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }
}
