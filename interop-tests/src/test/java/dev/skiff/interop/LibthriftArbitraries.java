package dev.skiff.interop;

import dev.skiff.interop.libthrift.BaseTypes;
import dev.skiff.interop.libthrift.BinOp;
import dev.skiff.interop.libthrift.Color;
import dev.skiff.interop.libthrift.Containers;
import dev.skiff.interop.libthrift.Defaults;
import dev.skiff.interop.libthrift.Expr;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Random values of libthrift's generated types for the interop IDL. Sets and maps are {@code
 * HashSet}s and {@code HashMap}s, as libthrift itself makes them; optional fields are set about
 * half of the time.
 */
final class LibthriftArbitraries {
  private static final double SOMETIMES = 0.5;

  private LibthriftArbitraries() {}

  /** Valid Unicode (no lone surrogates), weighted towards ASCII, with every plane represented. */
  static Arbitrary<String> strings() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 0x7f)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7ff)),
            net.jqwik.api.Tuple.of(
                2,
                Arbitraries.integers()
                    .between(0x800, 0xfffd)
                    .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoints
        .list()
        .ofMaxSize(24)
        .map(
            cps -> {
              StringBuilder s = new StringBuilder();
              cps.forEach(s::appendCodePoint);
              return s.toString();
            });
  }

  static Arbitrary<byte[]> binaries() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
  }

  static Arbitrary<ByteBuffer> buffers() {
    return binaries().map(ByteBuffer::wrap);
  }

  static Arbitrary<Double> doubles() {
    return Arbitraries.doubles()
        .withStandardSpecialValues()
        .withSpecialValue(-0.0)
        .withSpecialValue(Double.MIN_VALUE)
        .withSpecialValue(-Double.MAX_VALUE);
  }

  static Arbitrary<Color> colors() {
    return Arbitraries.of(Color.values());
  }

  static Arbitrary<Level> levels() {
    return Arbitraries.of(Level.values());
  }

  static Arbitrary<Point> points() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(Point::new);
  }

  static <T> Arbitrary<List<T>> lists(Arbitrary<T> elements) {
    return elements.list().ofMaxSize(20);
  }

  static <T> Arbitrary<Set<T>> sets(Arbitrary<T> elements) {
    return elements.set().ofMaxSize(20).map(HashSet::new);
  }

  static <K, V> Arbitrary<Map<K, V>> maps(Arbitrary<K> keys, Arbitrary<V> values) {
    return Arbitraries.maps(keys, values).ofMaxSize(20).map(HashMap::new);
  }

  static Arbitrary<BaseTypes> baseTypes() {
    return Builders.withBuilder(BaseTypes::new)
        .use(Arbitraries.of(true, false))
        .in(BaseTypes::setFlag)
        .use(Arbitraries.bytes())
        .in(BaseTypes::setB)
        .use(Arbitraries.bytes())
        .in(BaseTypes::setTiny)
        .use(Arbitraries.shorts())
        .in(BaseTypes::setSmall)
        .use(Arbitraries.integers())
        .in(BaseTypes::setMedium)
        .use(Arbitraries.longs())
        .in(BaseTypes::setLarge)
        .use(doubles())
        .in(BaseTypes::setReal)
        .use(strings())
        .withProbability(0.8)
        .in(BaseTypes::setText)
        .use(binaries())
        .withProbability(0.8)
        .in(BaseTypes::setData)
        .use(Arbitraries.longs())
        .in(BaseTypes::setStamp)
        .use(strings())
        .withProbability(SOMETIMES)
        .in(BaseTypes::setName)
        .use(colors())
        .withProbability(0.8)
        .in(BaseTypes::setColor)
        .use(levels())
        .withProbability(SOMETIMES)
        .in(BaseTypes::setLevel)
        .build();
  }

  static Arbitrary<Optionals> optionals() {
    return Builders.withBuilder(Optionals::new)
        .use(Arbitraries.of(true, false))
        .withProbability(SOMETIMES)
        .in(Optionals::setFlag)
        .use(Arbitraries.bytes())
        .withProbability(SOMETIMES)
        .in(Optionals::setB)
        .use(Arbitraries.shorts())
        .withProbability(SOMETIMES)
        .in(Optionals::setSmall)
        .use(Arbitraries.integers())
        .withProbability(SOMETIMES)
        .in(Optionals::setMedium)
        .use(Arbitraries.longs())
        .withProbability(SOMETIMES)
        .in(Optionals::setLarge)
        .use(doubles())
        .withProbability(SOMETIMES)
        .in(Optionals::setReal)
        .use(strings())
        .withProbability(SOMETIMES)
        .in(Optionals::setText)
        .use(binaries())
        .withProbability(SOMETIMES)
        .in(Optionals::setData)
        .use(colors())
        .withProbability(SOMETIMES)
        .in(Optionals::setColor)
        .use(points())
        .withProbability(SOMETIMES)
        .in(Optionals::setPoint)
        .use(lists(Arbitraries.integers()))
        .withProbability(SOMETIMES)
        .in(Optionals::setInts)
        .use(sets(strings()))
        .withProbability(SOMETIMES)
        .in(Optionals::setStrings)
        .use(maps(strings(), points()))
        .withProbability(SOMETIMES)
        .in(Optionals::setPoints)
        .use(shapes())
        .withProbability(SOMETIMES)
        .in(Optionals::setShape)
        .use(trees())
        .withProbability(SOMETIMES)
        .in(Optionals::setTree)
        .build();
  }

  static Arbitrary<Requireds> requireds() {
    return Builders.withBuilder(Requireds::new)
        .use(Arbitraries.of(true, false))
        .in(Requireds::setFlag)
        .use(Arbitraries.longs())
        .in(Requireds::setLarge)
        .use(doubles())
        .in(Requireds::setReal)
        .use(strings())
        .in(Requireds::setText)
        .use(binaries())
        .in(Requireds::setData)
        .use(colors())
        .in(Requireds::setColor)
        .use(points())
        .in(Requireds::setPoint)
        .use(lists(strings()))
        .in(Requireds::setStrings)
        .use(shapes())
        .in(Requireds::setShape)
        .build();
  }

  /** Starts from the IDL defaults; each field is overridden, unset, or left at its default. */
  static Arbitrary<Defaults> defaults() {
    return Builders.withBuilder(Defaults::new)
        .use(Arbitraries.of(true, false))
        .withProbability(SOMETIMES)
        .in(Defaults::setFlag)
        .use(Arbitraries.integers())
        .withProbability(SOMETIMES)
        .in(Defaults::setMedium)
        .use(strings().injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setText)
        .use(buffers().injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setData)
        .use(colors().injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setColor)
        .use(lists(Arbitraries.integers()).injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setInts)
        .use(sets(strings()).injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setTags)
        .use(maps(strings(), Arbitraries.integers()).injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setCounts)
        .use(points().injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setOrigin)
        .use(Arbitraries.integers().injectNull(0.5))
        .withProbability(SOMETIMES)
        .in(
            (d, i) -> {
              if (i == null) {
                d.unsetOptionalWithDefault();
                return d;
              }
              return d.setOptionalWithDefault(i);
            })
        .use(strings())
        .withProbability(SOMETIMES)
        .in(Defaults::setRequiredWithDefault)
        .use(shapes().injectNull(0.3))
        .withProbability(SOMETIMES)
        .in(Defaults::setShape)
        .build();
  }

  static Arbitrary<Containers> containers() {
    return Builders.withBuilder(Containers::new)
        .use(lists(Arbitraries.of(true, false)))
        .withProbability(SOMETIMES)
        .in(Containers::setBools)
        .use(lists(Arbitraries.bytes()))
        .withProbability(SOMETIMES)
        .in(Containers::setBytes)
        .use(lists(Arbitraries.shorts()))
        .withProbability(SOMETIMES)
        .in(Containers::setShorts)
        .use(lists(Arbitraries.integers()))
        .withProbability(SOMETIMES)
        .in(Containers::setInts)
        .use(lists(Arbitraries.longs()))
        .withProbability(SOMETIMES)
        .in(Containers::setLongs)
        .use(lists(doubles()))
        .withProbability(SOMETIMES)
        .in(Containers::setDoubles)
        .use(lists(strings()))
        .withProbability(SOMETIMES)
        .in(Containers::setStrings)
        .use(lists(buffers()))
        .withProbability(SOMETIMES)
        .in(Containers::setBlobs)
        .use(lists(colors()))
        .withProbability(SOMETIMES)
        .in(Containers::setColors)
        .use(lists(points()))
        .withProbability(SOMETIMES)
        .in(Containers::setPoints)
        .use(sets(Arbitraries.integers()))
        .withProbability(SOMETIMES)
        .in(Containers::setIntSet)
        .use(sets(strings()))
        .withProbability(SOMETIMES)
        .in(Containers::setStringSet)
        .use(sets(points()))
        .withProbability(SOMETIMES)
        .in(Containers::setPointSet)
        .use(sets(Arbitraries.of(true, false)))
        .withProbability(SOMETIMES)
        .in(Containers::setBoolSet)
        .use(maps(strings(), strings()))
        .withProbability(SOMETIMES)
        .in(Containers::setStringMap)
        .use(maps(Arbitraries.longs(), doubles()))
        .withProbability(SOMETIMES)
        .in(Containers::setNumberMap)
        .use(maps(points(), strings()))
        .withProbability(SOMETIMES)
        .in(Containers::setPointKeys)
        .use(maps(colors(), lists(points())))
        .withProbability(SOMETIMES)
        .in(Containers::setColorLists)
        .use(maps(buffers(), buffers()))
        .withProbability(SOMETIMES)
        .in(Containers::setBlobMap)
        .use(maps(sets(Arbitraries.integers()), lists(strings())))
        .withProbability(SOMETIMES)
        .in(Containers::setSetKeys)
        .use(lists(lists(Arbitraries.integers())))
        .withProbability(SOMETIMES)
        .in(Containers::setNestedLists)
        .use(lists(maps(strings(), sets(Arbitraries.shorts()))))
        .withProbability(SOMETIMES)
        .in(Containers::setDeep)
        .use(lists(shapes()))
        .withProbability(SOMETIMES)
        .in(Containers::setShapes)
        .use(lists(strings()))
        .withProbability(SOMETIMES)
        .in(Containers::setNames)
        .use(maps(Arbitraries.bytes(), Arbitraries.of(true, false)))
        .withProbability(SOMETIMES)
        .in(Containers::setFlags)
        .build();
  }

  static Arbitrary<Shape> shapes() {
    return Arbitraries.oneOf(
        List.of(
            doubles().map(Shape::circle),
            points().map(Shape::square),
            colors().map(Shape::color),
            strings().map(Shape::label),
            lists(points()).map(Shape::polygon),
            binaries().map(Shape::blob),
            Arbitraries.of(true, false).map(Shape::flag),
            Arbitraries.longs().map(Shape::id),
            maps(strings(), Arbitraries.integers()).map(Shape::weights),
            exprs().map(Shape::expr)));
  }

  static Arbitrary<Expr> exprs() {
    return Arbitraries.recursive(
        () ->
            Arbitraries.oneOf(
                List.of(Arbitraries.longs().map(Expr::number), strings().map(Expr::variable))),
        smaller ->
            Combinators.combine(Arbitraries.of("+", "-", "*", "/"), smaller, smaller)
                .as((op, left, right) -> Expr.op(new BinOp(op, left, right))),
        0,
        5);
  }

  static Arbitrary<Tree> trees() {
    return Arbitraries.recursive(
        () -> strings().injectNull(0.2).map(label -> new Tree().setLabel(label)),
        smaller ->
            Builders.withBuilder(Tree::new)
                .use(strings())
                .withProbability(0.8)
                .in(Tree::setLabel)
                .use(smaller.list().ofMaxSize(3))
                .withProbability(0.8)
                .in(Tree::setChildren)
                .use(smaller)
                .withProbability(0.3)
                .in(Tree::setMirror)
                .build(),
        0,
        4);
  }

  static Arbitrary<Sparse> sparse() {
    return Builders.withBuilder(Sparse::new)
        .use(Arbitraries.integers())
        .in(Sparse::setFirst)
        .use(strings())
        .withProbability(SOMETIMES)
        .in(Sparse::setSeventeen)
        .use(Arbitraries.longs())
        .withProbability(SOMETIMES)
        .in(Sparse::setThreeHundred)
        .use(Arbitraries.of(true, false))
        .withProbability(SOMETIMES)
        .in(Sparse::setLast)
        .build();
  }

  static Arbitrary<org.apache.thrift.TBase<?, ?>> exceptions() {
    return Arbitraries.oneOf(
        List.of(
            Combinators.combine(strings().injectNull(0.2), strings().injectNull(0.2))
                .as(NotFound::new),
            Combinators.combine(Arbitraries.integers(), lists(strings())).as(Invalid::new),
            Combinators.combine(Arbitraries.longs().injectNull(0.5), levels().injectNull(0.3))
                .as(
                    (retry, level) -> {
                      Overloaded o = new Overloaded().setLevel(level);
                      return retry == null ? o : o.setRetryAfterMillis(retry);
                    })));
  }
}
