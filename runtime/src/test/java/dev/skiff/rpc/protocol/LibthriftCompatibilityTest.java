package dev.skiff.rpc.protocol;

import dev.skiff.rpc.testing.NettyLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Skiff writes exactly the bytes Apache Thrift's Java library (0.25) writes for the same calls, in
 * both protocols, and reads libthrift's bytes back to the values written.
 */
class LibthriftCompatibilityTest {
  private static final byte[] ALL_ELEMENT_TYPES = {
    TType.BOOL,
    TType.BYTE,
    TType.DOUBLE,
    TType.I16,
    TType.I32,
    TType.I64,
    TType.STRING,
    TType.STRUCT,
    TType.MAP,
    TType.SET,
    TType.LIST,
    TType.UUID
  };

  @AfterAll
  static void noLeaks() {
    NettyLeaks.assertNoLeaks();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("scenarios")
  void matchesLibthrift(Protocol protocol, String scenario, List<WireOp> ops) {
    Wire.assertMatchesLibthrift(protocol, ops);
  }

  static Stream<Arguments> scenarios() {
    List<Arguments> scenarios = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      add(scenarios, protocol, "base types at their extremes", s -> s.struct(Scenarios::extremes));
      add(scenarios, protocol, "base values outside any struct", Scenarios::bareValues);
      for (MessageType type : MessageType.values()) {
        for (int seqId : new int[] {0, 1, -1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
          add(
              scenarios,
              protocol,
              "message " + type + " seqid " + seqId,
              s -> s.message("Calculator:add", type, seqId, f -> f.i32Field(1, 42)));
        }
      }
      add(
          scenarios,
          protocol,
          "message with an empty name",
          s -> s.message("", MessageType.CALL, 9, f -> {}));
      add(
          scenarios,
          protocol,
          "field id deltas and long forms",
          s -> s.struct(Scenarios::fieldIds));
      add(
          scenarios,
          protocol,
          "bool fields at every id form",
          s -> s.struct(Scenarios::boolFieldIds));
      add(
          scenarios,
          protocol,
          "nested structs restore the field id",
          s -> s.struct(Scenarios::nested));
      add(
          scenarios,
          protocol,
          "structs nested deeper than the field ids held without an array",
          s -> s.struct(b -> Scenarios.deeplyNested(b, 9)));
      add(scenarios, protocol, "bools in containers", s -> s.struct(Scenarios::boolContainers));
      add(
          scenarios,
          protocol,
          "lists and sets of every size form",
          s -> s.struct(Scenarios::lists));
      add(scenarios, protocol, "empty containers of every type", s -> s.struct(Scenarios::empties));
      add(scenarios, protocol, "maps", s -> s.struct(Scenarios::maps));
      add(
          scenarios,
          protocol,
          "a reply carrying a struct",
          s ->
              s.message(
                  "getUser",
                  MessageType.REPLY,
                  77,
                  f ->
                      f.field(
                          TType.STRUCT,
                          0,
                          v ->
                              v.struct(
                                  u ->
                                      u.i32Field(1, 1234)
                                          .stringField(2, "Zoë")
                                          .boolField(3, true)
                                          .field(TType.UUID, 4, x -> x.uuid(new UUID(1, 2)))))));
    }
    return scenarios.stream();
  }

  private static void add(
      List<Arguments> scenarios, Protocol protocol, String name, Consumer<Script> body) {
    scenarios.add(Arguments.of(protocol, name, Script.of(body)));
  }

  /** The scenarios' bodies. */
  private static final class Scenarios {
    static void extremes(Script s) {
      int[] id = {0};
      boolean[] bools = {true, false};
      for (boolean b : bools) {
        s.boolField(++id[0], b);
      }
      for (int v : new int[] {Byte.MIN_VALUE, Byte.MAX_VALUE, 0, -1}) {
        s.field(TType.BYTE, ++id[0], f -> f.i8(v));
      }
      for (int v : new int[] {Short.MIN_VALUE, Short.MAX_VALUE, 0, -1, 63, 64, -64, -65}) {
        s.field(TType.I16, ++id[0], f -> f.i16(v));
      }
      for (int v :
          new int[] {
            Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 63, 64, -65, 1 << 20, -(1 << 27)
          }) {
        s.i32Field(++id[0], v);
      }
      for (long v :
          new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1L << 62, -(1L << 62), 1L << 35}) {
        s.field(TType.I64, ++id[0], f -> f.i64(v));
      }
      for (double v :
          new double[] {
            Double.NaN,
            -0.0,
            0.0,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            -1e300,
            1.5
          }) {
        s.field(TType.DOUBLE, ++id[0], f -> f.dbl(v));
      }
      for (String v :
          new String[] {
            "",
            "hello",
            "\uD83D\uDE00\uD83C\uDF89 emoji",
            "漢字テスト",
            "Zoë ünïcödé ∑ \u0000 nul",
            "x".repeat(200),
            "é".repeat(70_000)
          }) {
        s.stringField(++id[0], v);
      }
      Random random = new Random(42);
      byte[] large = new byte[100_000];
      random.nextBytes(large);
      for (byte[] v : new byte[][] {{}, {0, -1, 127, -128}, large}) {
        s.field(TType.STRING, ++id[0], f -> f.bin(v));
      }
      for (UUID v :
          new UUID[] {
            new UUID(0, 0),
            new UUID(-1, -1),
            UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"),
            new UUID(random.nextLong(), random.nextLong())
          }) {
        s.field(TType.UUID, ++id[0], f -> f.uuid(v));
      }
    }

    static void bareValues(Script s) {
      s.bool(true).bool(false).i8(-128).i16(-1).i32(Integer.MIN_VALUE).i64(Long.MAX_VALUE);
      s.dbl(Double.NaN).str("\uD83D\uDE00").bin(new byte[] {1, 2, 3}).uuid(new UUID(3, 4));
    }

    static void fieldIds(Script s) {
      // deltas 1, 15 (the largest short form), 16 (long form), backwards, repeated, zero,
      // negative, and the extremes.
      for (int id : new int[] {1, 2, 17, 33, 32, 32, 0, -1, -32768, 32767, 100, 115, 131, 146}) {
        s.i32Field(id, id);
      }
    }

    static void boolFieldIds(Script s) {
      boolean v = false;
      for (int id : new int[] {1, 16, 32, 31, 31, 0, -5, -32768, 32767, 5}) {
        s.boolField(id, v = !v);
      }
    }

    static void nested(Script s) {
      s.i32Field(1, 1)
          .field(
              TType.STRUCT,
              10,
              a ->
                  a.struct(
                      b ->
                          b.i32Field(1, 2)
                              .field(
                                  TType.STRUCT,
                                  30,
                                  c -> c.struct(d -> d.boolField(5, true).i32Field(6, 3)))
                              .boolField(31, false)))
          .i32Field(11, 4) // delta from 10, not from the nested 31
          .field(TType.STRUCT, 27, a -> a.struct(b -> {}))
          .boolField(28, true)
          .field(
              TType.LIST,
              29,
              a ->
                  a.list(
                      TType.STRUCT,
                      2,
                      b ->
                          b.struct(c -> c.i32Field(40, 1))
                              .struct(c -> c.boolField(2, true).i32Field(3, 7))))
          .i32Field(30, 5);
    }

    /**
     * A field before and after a struct nested {@code levels} deep, each level's ids apart from the
     * others', so a wrong id restored on the way out changes the deltas.
     */
    static void deeplyNested(Script s, int levels) {
      s.i32Field(levels * 3, levels);
      if (levels > 0) {
        s.field(TType.STRUCT, levels * 3 + 1, a -> a.struct(b -> deeplyNested(b, levels - 1)));
      }
      s.boolField(levels * 3 + 2, levels % 2 == 0);
    }

    static void boolContainers(Script s) {
      s.field(
              TType.LIST,
              1,
              f ->
                  f.list(
                      TType.BOOL,
                      20,
                      l -> {
                        for (int i = 0; i < 20; i++) {
                          l.bool(i % 3 == 0);
                        }
                      }))
          .field(TType.SET, 2, f -> f.set(TType.BOOL, 2, l -> l.bool(true).bool(false)))
          .field(
              TType.MAP,
              3,
              f ->
                  f.map(
                      TType.BOOL,
                      TType.BOOL,
                      2,
                      m -> m.bool(true).bool(false).bool(false).bool(true)))
          .field(TType.MAP, 4, f -> f.map(TType.I32, TType.BOOL, 1, m -> m.i32(7).bool(true)))
          .boolField(5, true);
    }

    static void lists(Script s) {
      int id = 0;
      for (int size : new int[] {0, 1, 14, 15, 16, 200}) {
        s.field(
            TType.LIST,
            ++id,
            f ->
                f.list(
                    TType.I32,
                    size,
                    l -> {
                      for (int i = 0; i < size; i++) {
                        l.i32(i * 1000 - 7);
                      }
                    }));
        s.field(
            TType.SET,
            ++id,
            f ->
                f.set(
                    TType.STRING,
                    size,
                    l -> {
                      for (int i = 0; i < size; i++) {
                        l.str("s" + i);
                      }
                    }));
      }
      s.field(
          TType.LIST,
          ++id,
          f ->
              f.list(
                  TType.LIST,
                  3,
                  l ->
                      l.list(TType.I64, 1, x -> x.i64(-1))
                          .list(TType.STRING, 0, x -> {})
                          .list(TType.DOUBLE, 2, x -> x.dbl(0.5).dbl(-0.0))));
      s.field(
          TType.LIST,
          ++id,
          f -> f.list(TType.UUID, 2, l -> l.uuid(new UUID(5, 6)).uuid(new UUID(-7, 8))));
      s.field(TType.SET, ++id, f -> f.set(TType.BYTE, 3, l -> l.i8(1).i8(-1).i8(127)));
      s.field(TType.LIST, ++id, f -> f.list(TType.I16, 2, l -> l.i16(-32768).i16(32767)));
      s.field(
          TType.LIST,
          2000,
          f ->
              f.list(
                  TType.I64,
                  1000,
                  l -> {
                    for (int i = 0; i < 1000; i++) {
                      l.i64((long) i * i * i * i * i);
                    }
                  }));
    }

    static void empties(Script s) {
      int id = 0;
      for (byte type : ALL_ELEMENT_TYPES) {
        byte t = type;
        s.field(TType.LIST, ++id, f -> f.list(t, 0, l -> {}));
        s.field(TType.SET, ++id, f -> f.set(t, 0, l -> {}));
        s.field(TType.MAP, ++id, f -> f.map(t, TType.STRING, 0, l -> {}));
      }
    }

    static void maps(Script s) {
      s.field(
              TType.MAP,
              1,
              f -> f.map(TType.I32, TType.STRING, 2, m -> m.i32(1).str("one").i32(-2).str("two")))
          .field(
              TType.MAP,
              2,
              f ->
                  f.map(
                      TType.STRING,
                      TType.LIST,
                      20,
                      m -> {
                        for (int i = 0; i < 20; i++) {
                          int n = i;
                          m.str("k" + i)
                              .list(
                                  TType.I32,
                                  i,
                                  l -> {
                                    for (int j = 0; j < n; j++) {
                                      l.i32(j);
                                    }
                                  });
                        }
                      }))
          .field(
              TType.MAP,
              3,
              f ->
                  f.map(
                      TType.I64,
                      TType.MAP,
                      2,
                      m ->
                          m.i64(1)
                              .map(TType.STRING, TType.DOUBLE, 1, x -> x.str("pi").dbl(Math.PI))
                              .i64(2)
                              .map(TType.STRING, TType.DOUBLE, 0, x -> {})))
          .field(
              TType.MAP,
              4,
              f ->
                  f.map(
                      TType.STRUCT,
                      TType.UUID,
                      1,
                      m -> m.struct(k -> k.i32Field(1, 1)).uuid(new UUID(9, 9))));
    }
  }
}
