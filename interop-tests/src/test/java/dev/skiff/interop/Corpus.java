package dev.skiff.interop;

import dev.skiff.interop.libthrift.BaseTypes;
import dev.skiff.interop.libthrift.BinOp;
import dev.skiff.interop.libthrift.Color;
import dev.skiff.interop.libthrift.Containers;
import dev.skiff.interop.libthrift.Defaults;
import dev.skiff.interop.libthrift.Empty;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.thrift.TBase;

/**
 * Hand-picked values of the interop IDL's types, built with libthrift's generated classes: base
 * types at their extremes and negative, unicode, empty and nested containers, struct-keyed maps,
 * optional fields set and unset, defaults, every union case, enums, recursion.
 */
public final class Corpus {
  /** One value and what it shows. */
  public record Case(String name, TBase<?, ?> value) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static final List<String> STRINGS =
      List.of(
          "",
          "plain ascii",
          "Zoë ünïcödé ∑ ☃",
          "漢字テスト",
          "\uD83D\uDE00\uD83C\uDF89 emoji, supplementary planes",
          "nul \u0000 inside",
          "x".repeat(127),
          "y".repeat(128));

  private Corpus() {}

  public static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    points(cases);
    baseTypes(cases);
    optionals(cases);
    requireds(cases);
    defaults(cases);
    containers(cases);
    shapes(cases);
    recursive(cases);
    sparse(cases);
    cases.add(new Case("empty struct", new Empty()));
    exceptions(cases);
    return cases;
  }

  private static void points(List<Case> cases) {
    cases.add(new Case("point zero", new Point(0, 0)));
    cases.add(new Case("point extremes", new Point(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    cases.add(new Case("point negative", new Point(-1, -64)));
  }

  private static void baseTypes(List<Case> cases) {
    cases.add(new Case("base types unset: primitives still written", new BaseTypes()));
    cases.add(
        new Case(
            "base types at their maxima",
            base(
                true,
                Byte.MAX_VALUE,
                Short.MAX_VALUE,
                Integer.MAX_VALUE,
                Long.MAX_VALUE,
                Double.MAX_VALUE,
                "max",
                new byte[] {127},
                Color.ULTRAVIOLET,
                Level.FATAL)));
    cases.add(
        new Case(
            "base types at their minima",
            base(
                false,
                Byte.MIN_VALUE,
                Short.MIN_VALUE,
                Integer.MIN_VALUE,
                Long.MIN_VALUE,
                -Double.MAX_VALUE,
                "min",
                new byte[] {-128},
                Color.INFRARED,
                Level.LOW)));
    cases.add(
        new Case(
            "base types negative one",
            base(true, -1, -1, -1, -1L, -1.0, "-1", new byte[] {-1}, Color.RED, Level.MEDIUM)));
    cases.add(
        new Case(
            "base types at varint boundaries",
            base(false, 63, 64, -65, 1L << 35, 1.5, "b", new byte[0], Color.GREEN, Level.HIGH)));
    double[] doubles = {
      Double.NaN,
      -0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Math.PI
    };
    for (double d : doubles) {
      cases.add(
          new Case(
              "double " + d + (d == 0 ? " (negative zero)" : ""),
              new BaseTypes().setReal(d).setColor(Color.BLUE)));
    }
    for (String s : STRINGS) {
      cases.add(
          new Case(
              "string '" + abbreviate(s) + "'",
              new BaseTypes().setText(s).setName(s).setData(s.getBytes(StandardCharsets.UTF_8))));
    }
    byte[] large = new byte[100_000];
    new Random(7).nextBytes(large);
    cases.add(
        new Case(
            "large string and binary",
            new BaseTypes().setText("é".repeat(70_000)).setData(large).setLevel(Level.SEVERE)));
  }

  private static BaseTypes base(
      boolean flag,
      int b,
      int small,
      int medium,
      long large,
      double real,
      String text,
      byte[] data,
      Color color,
      Level level) {
    return new BaseTypes()
        .setFlag(flag)
        .setB((byte) b)
        .setTiny((byte) -b)
        .setSmall((short) small)
        .setMedium(medium)
        .setLarge(large)
        .setReal(real)
        .setText(text)
        .setData(data)
        .setStamp(-large)
        .setName(text + "-name")
        .setColor(color)
        .setLevel(level);
  }

  private static void optionals(List<Case> cases) {
    cases.add(new Case("optionals all unset", new Optionals()));
    Optionals all =
        new Optionals()
            .setFlag(false)
            .setB((byte) 0)
            .setSmall((short) 0)
            .setMedium(0)
            .setLarge(0)
            .setReal(0.0)
            .setText("")
            .setData(new byte[0])
            .setColor(Color.RED)
            .setPoint(new Point(1, 2))
            .setInts(List.of())
            .setStrings(Set.of())
            .setPoints(Map.of())
            .setShape(Shape.flag(false))
            .setTree(new Tree().setLabel("t"));
    cases.add(new Case("optionals all set to zero and empty", all));
    Optionals some =
        new Optionals()
            .setB((byte) -3)
            .setLarge(Long.MIN_VALUE)
            .setText("some")
            .setPoint(new Point(-5, 5))
            .setStrings(new HashSet<>(List.of("a", "bb", "ccc", "dddd")))
            .setPoints(new HashMap<>(Map.of("p", new Point(1, 1), "q", new Point(2, 2))))
            .setTree(new Tree());
    cases.add(new Case("optionals some set", some));
  }

  private static void requireds(List<Case> cases) {
    cases.add(
        new Case(
            "requireds",
            new Requireds()
                .setFlag(true)
                .setLarge(-42)
                .setReal(0.1)
                .setText("required")
                .setData(new byte[] {0, 1, 2})
                .setColor(Color.INFRARED)
                .setPoint(new Point(3, 4))
                .setStrings(List.of())
                .setShape(Shape.label("required shape"))));
  }

  private static void defaults(List<Case> cases) {
    cases.add(new Case("defaults as declared", new Defaults()));
    Defaults unset = new Defaults();
    unset.unsetText();
    unset.unsetData();
    unset.unsetColor();
    unset.unsetLevel();
    unset.unsetInts();
    unset.unsetTags();
    unset.unsetCounts();
    unset.unsetOrigin();
    unset.unsetOptionalWithDefault();
    unset.unsetShape();
    cases.add(new Case("defaults unset", unset));
    cases.add(
        new Case(
            "defaults overridden",
            new Defaults()
                .setFlag(false)
                .setB((byte) 8)
                .setSmall((short) -300)
                .setMedium(70000)
                .setLarge(-1)
                .setReal(-2.5e-3)
                .setText("overridden")
                .setData(new byte[] {9})
                .setColor(Color.GREEN)
                .setLevel(Level.LOW)
                .setInts(List.of(9, 8))
                .setTags(new HashSet<>(List.of("z")))
                .setCounts(new HashMap<>(Map.of("three", 3)))
                .setOrigin(new Point(7, 7))
                .setOptionalWithDefault(-42)
                .setRequiredWithDefault("")
                .setShape(Shape.circle(2.0))
                .setOff(true)));
  }

  private static void containers(List<Case> cases) {
    cases.add(new Case("containers unset", new Containers()));
    cases.add(new Case("containers empty", emptyContainers()));
    cases.add(new Case("containers full", fullContainers(3)));
    cases.add(new Case("containers with 15 and 200 elements", fullContainers(200)));
  }

  private static Containers emptyContainers() {
    return new Containers()
        .setBools(List.of())
        .setBytes(List.of())
        .setShorts(List.of())
        .setInts(List.of())
        .setLongs(List.of())
        .setDoubles(List.of())
        .setStrings(List.of())
        .setBlobs(List.of())
        .setColors(List.of())
        .setPoints(List.of())
        .setIntSet(Set.of())
        .setStringSet(Set.of())
        .setPointSet(Set.of())
        .setBoolSet(Set.of())
        .setStringMap(Map.of())
        .setNumberMap(Map.of())
        .setPointKeys(Map.of())
        .setColorLists(Map.of())
        .setBlobMap(Map.of())
        .setSetKeys(Map.of())
        .setNestedLists(List.of(List.of(), List.of()))
        .setDeep(List.of(Map.of(), Map.of("empty", Set.of())))
        .setShapes(List.of())
        .setNames(List.of())
        .setFlags(Map.of());
  }

  /** Containers with {@code n} elements where the type allows, nested ones smaller. */
  public static Containers fullContainers(int n) {
    List<Integer> ints = IntStream.range(0, n).map(i -> i * 7919 - 1000).boxed().toList();
    Map<Point, String> pointKeys = new HashMap<>();
    Set<Point> pointSet = new HashSet<>();
    Map<ByteBuffer, ByteBuffer> blobMap = new HashMap<>();
    Map<Set<Integer>, List<String>> setKeys = new HashMap<>();
    Map<String, String> stringMap = new HashMap<>();
    Map<Long, Double> numberMap = new HashMap<>();
    for (int i : ints) {
      pointKeys.put(new Point(i, -i), "p" + i);
      pointSet.add(new Point(-i, i));
      blobMap.put(ByteBuffer.wrap(("k" + i).getBytes(StandardCharsets.UTF_8)), bytes(i));
      stringMap.put(STRINGS.get(Math.floorMod(i, STRINGS.size())) + i, "v" + i);
      numberMap.put((long) i << 33, i / 3.0);
    }
    for (int i = 0; i < Math.min(n, 20); i++) {
      setKeys.put(new HashSet<>(List.of(i, i + 1, -i)), List.of("s" + i, "" + i));
    }
    Map<Color, List<Point>> colorLists = new HashMap<>();
    for (Color c : Color.values()) {
      colorLists.put(c, List.of(new Point(c.getValue(), 0), new Point(0, c.getValue())));
    }
    colorLists.put(Color.GREEN, List.of());
    Map<Byte, Boolean> flags = new HashMap<>();
    for (int i = -5; i < 5; i++) {
      flags.put((byte) (i * 25), i % 2 == 0);
    }
    return new Containers()
        .setBools(ints.stream().map(i -> i % 3 == 0).toList())
        .setBytes(ints.stream().map(Integer::byteValue).toList())
        .setShorts(ints.stream().map(Integer::shortValue).toList())
        .setInts(ints)
        .setLongs(ints.stream().map(i -> (long) i * i * i * i).toList())
        .setDoubles(ints.stream().map(i -> i / 7.0).toList())
        .setStrings(ints.stream().map(i -> STRINGS.get(Math.floorMod(i, STRINGS.size()))).toList())
        .setBlobs(ints.stream().map(Corpus::bytes).toList())
        .setColors(ints.stream().map(i -> Color.values()[Math.floorMod(i, 5)]).toList())
        .setPoints(ints.stream().map(i -> new Point(i, i)).toList())
        .setIntSet(new HashSet<>(ints))
        .setStringSet(new HashSet<>(stringMap.values()))
        .setPointSet(pointSet)
        .setBoolSet(new HashSet<>(List.of(true, false)))
        .setStringMap(stringMap)
        .setNumberMap(numberMap)
        .setPointKeys(pointKeys)
        .setColorLists(colorLists)
        .setBlobMap(blobMap)
        .setSetKeys(setKeys)
        .setNestedLists(List.of(ints, List.of(), List.of(1), ints.subList(0, ints.size() / 2)))
        .setDeep(
            List.of(
                Map.of("a", new HashSet<>(List.of((short) 1, (short) -1))),
                new HashMap<>(Map.of("b", Set.of(), "c", Set.of((short) 300)))))
        .setShapes(allShapes())
        .setNames(List.of("ann", "bob"))
        .setFlags(flags);
  }

  private static ByteBuffer bytes(int i) {
    byte[] b = new byte[Math.floorMod(i, 5)];
    for (int j = 0; j < b.length; j++) {
      b[j] = (byte) (i + j);
    }
    return ByteBuffer.wrap(b);
  }

  /** One value of every union case, the empty forms among them. */
  public static List<Shape> allShapes() {
    return List.of(
        Shape.circle(1.0),
        Shape.circle(Double.NaN),
        Shape.square(new Point(2, 2)),
        Shape.color(Color.INFRARED),
        Shape.label("label ☃"),
        Shape.label(""),
        Shape.polygon(List.of(new Point(0, 0), new Point(1, 0), new Point(0, 1))),
        Shape.polygon(List.of()),
        Shape.blob(new byte[] {1, 2, 3}),
        Shape.blob(new byte[0]),
        Shape.flag(true),
        Shape.flag(false),
        Shape.id(Long.MIN_VALUE),
        Shape.weights(new HashMap<>(Map.of("w", 1, "x", -1))),
        Shape.weights(Map.of()),
        Shape.expr(Expr.number(1)));
  }

  private static void shapes(List<Case> cases) {
    for (Shape shape : allShapes()) {
      cases.add(new Case("union " + shape, shape));
    }
  }

  private static void recursive(List<Case> cases) {
    cases.add(new Case("tree leaf", new Tree().setLabel("leaf")));
    cases.add(new Case("tree empty children", new Tree().setChildren(List.of())));
    cases.add(new Case("tree deep", deepTree(20)));
    cases.add(new Case("tree wide", wideTree()));
    cases.add(new Case("expression", expression(6)));
    cases.add(
        new Case(
            "expression in a shape",
            Shape.expr(Expr.op(new BinOp("-", Expr.variable("x"), Expr.number(-1))))));
  }

  public static Tree deepTree(int depth) {
    Tree tree = new Tree().setLabel("bottom");
    for (int i = 0; i < depth; i++) {
      Tree parent = new Tree().setLabel("level " + i).setChildren(List.of(tree));
      if (i % 3 == 0) {
        parent.setMirror(new Tree().setLabel("mirror " + i));
      }
      tree = parent;
    }
    return tree;
  }

  private static Tree wideTree() {
    List<Tree> children = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      children.add(new Tree().setLabel("child " + i).setChildren(List.of(new Tree())));
    }
    return new Tree().setLabel("root").setChildren(children).setMirror(new Tree().setLabel("m"));
  }

  public static Expr expression(int depth) {
    if (depth == 0) {
      return Expr.number(Long.MAX_VALUE);
    }
    return Expr.op(
        new BinOp(depth % 2 == 0 ? "+" : "*", expression(depth - 1), Expr.variable("x" + depth)));
  }

  private static void sparse(List<Case> cases) {
    cases.add(new Case("sparse, wide ids unset", new Sparse().setFirst(1)));
    cases.add(
        new Case(
            "sparse, wide ids set",
            new Sparse().setFirst(-1).setSeventeen("17").setThreeHundred(300).setLast(true)));
    cases.add(new Case("sparse, last false", new Sparse().setLast(false)));
  }

  private static void exceptions(List<Case> cases) {
    cases.add(new Case("exception NotFound", new NotFound("no such thing", "thing")));
    cases.add(new Case("exception NotFound unset", new NotFound()));
    cases.add(new Case("exception Invalid", new Invalid(-22, List.of("a", "b"))));
    cases.add(
        new Case(
            "exception Overloaded",
            new Overloaded().setRetryAfterMillis(1500).setLevel(Level.SEVERE)));
    cases.add(new Case("exception Overloaded unset", new Overloaded()));
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
  }
}
