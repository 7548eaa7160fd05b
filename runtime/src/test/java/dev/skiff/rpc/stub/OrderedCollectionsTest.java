package dev.skiff.rpc.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.rpc.protocol.Protocol;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The immutable ordered lists and maps that generated structs hold, copied and read. */
class OrderedCollectionsTest {
  @Test
  void mapKeepsInsertionOrderAndLooksUpEveryKey() {
    LinkedHashMap<String, Integer> expected = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      expected.put("key " + (i * 7919 % 1000), i);
    }
    Map<String, Integer> copy = OrderedCollections.copyMap(expected);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(copy.keySet()));
    assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(copy.values()));
    expected.forEach(
        (k, v) -> {
          assertEquals(v, copy.get(k), k);
          assertTrue(copy.containsKey(k), k);
        });
    assertNull(copy.get("key 1000"));
    assertFalse(copy.containsKey("key 1000"));
    assertNull(copy.get(null));
    assertFalse(copy.containsKey(null));
    assertNull(copy.get(42));
    assertEquals(expected, copy);
    assertEquals(copy, expected);
    assertEquals(new HashMap<>(expected), copy);
    assertEquals(expected.hashCode(), copy.hashCode());
    assertEquals(expected.toString(), copy.toString());
  }

  @Test
  void collidingKeysAreAllFound() {
    // "Aa" and "BB" have the same hash code, as have all their concatenations.
    Map<String, String> map =
        OrderedCollections.mapOf(
            Map.entry("AaAa", "1"),
            Map.entry("BBBB", "2"),
            Map.entry("AaBB", "3"),
            Map.entry("BBAa", "4"));
    assertEquals("AaAa".hashCode(), "BBBB".hashCode());
    assertEquals(List.of("AaAa", "BBBB", "AaBB", "BBAa"), new ArrayList<>(map.keySet()));
    assertEquals("1", map.get("AaAa"));
    assertEquals("2", map.get("BBBB"));
    assertEquals("3", map.get("AaBB"));
    assertEquals("4", map.get("BBAa"));
    assertNull(map.get("AaAaAa"));
  }

  @Test
  void repeatedKeyKeepsItsFirstPositionAndLastValue() {
    Map<String, Integer> map =
        OrderedCollections.mapOf(Map.entry("a", 1), Map.entry("b", 2), Map.entry("a", 3));
    assertEquals(2, map.size());
    assertEquals("{a=3, b=2}", map.toString());
  }

  @Test
  void emptyMap() {
    Map<String, String> map = OrderedCollections.copyMap(Map.of());
    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
    assertNull(map.get("x"));
    assertFalse(map.entrySet().iterator().hasNext());
    assertEquals(Map.of(), map);
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertThrows(UnsupportedOperationException.class, () -> map.remove("x"));
  }

  @Test
  void mapsAreImmutableAndCopiedOnce() {
    Map<String, Integer> map = OrderedCollections.mapOf(Map.entry("a", 1), Map.entry("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> map.put("c", 3));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    assertThrows(UnsupportedOperationException.class, map::clear);
    Iterator<Map.Entry<String, Integer>> entries = map.entrySet().iterator();
    Map.Entry<String, Integer> first = entries.next();
    assertThrows(UnsupportedOperationException.class, () -> first.setValue(5));
    assertThrows(UnsupportedOperationException.class, entries::remove);
    entries.next();
    assertThrows(java.util.NoSuchElementException.class, entries::next);
    assertThrows(UnsupportedOperationException.class, () -> map.keySet().remove("a"));
    assertSame(map, OrderedCollections.copyMap(map));
    assertEquals("{a=1, b=2}", map.toString());
  }

  @Test
  void copyTakesEveryEntryAMapWalksWhateverItsSizeSaid() {
    Map<String, Integer> growing =
        new java.util.AbstractMap<>() {
          @Override
          public Set<Map.Entry<String, Integer>> entrySet() {
            return new LinkedHashMap<>(Map.of("a", 1, "b", 2, "c", 3)).entrySet();
          }

          @Override
          public int size() {
            return 1; // as a concurrent map might report before two more entries arrive
          }
        };
    assertEquals(Map.of("a", 1, "b", 2, "c", 3), OrderedCollections.copyMap(growing));
  }

  @Test
  void copiesRejectNulls() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);
    assertThrows(NullPointerException.class, () -> OrderedCollections.copyMap(nullValue));
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "a");
    assertThrows(NullPointerException.class, () -> OrderedCollections.copyMap(nullKey));
    assertNull(OrderedCollections.copyMap(null));
    assertNull(OrderedCollections.copyList(null));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void readListIsImmutableAndDropsUnknownEnumValues(Protocol protocol) {
    ByteBuf buf = Unpooled.buffer();
    ProtocolWriter out = protocol.newWriter(buf);
    ContainerCodec.writeList(out, TType.I32, List.of(1, 9, 2, 3), ProtocolWriter::writeI32);
    ProtocolReader in = protocol.newReader(buf);
    List<Level> list = ContainerCodec.readList(in, TType.I32, ContainerCodec.enumReader(Level::of));
    assertEquals(0, buf.readableBytes());
    assertEquals(List.of(Level.LOW, Level.HIGH, Level.TOP), list);
    assertEquals(List.of(Level.LOW, Level.HIGH, Level.TOP).hashCode(), list.hashCode());
    assertEquals(3, list.size());
    assertEquals(Level.TOP, list.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(3));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    assertThrows(UnsupportedOperationException.class, () -> list.add(Level.LOW));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, Level.LOW));
    assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    List<Level> seen = new ArrayList<>();
    list.forEach(seen::add);
    assertEquals(list, seen);
    assertSame(list, OrderedCollections.copyList(list));
    assertEquals("[LOW, HIGH, TOP]", list.toString());
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void readMapKeepsWireOrderFirstPositionAndLastValue(Protocol protocol) {
    ByteBuf buf = Unpooled.buffer();
    ProtocolWriter out = protocol.newWriter(buf);
    out.writeMapBegin(TType.STRING, TType.I32, 4);
    for (Object[] entry : new Object[][] {{"b", 1}, {"a", 2}, {"b", 3}, {"c", 9}}) {
      out.writeString((String) entry[0]);
      out.writeI32((Integer) entry[1]);
    }
    out.writeMapEnd();
    ProtocolReader in = protocol.newReader(buf);
    Map<String, Level> map =
        ContainerCodec.readMap(
            in,
            TType.STRING,
            TType.I32,
            ProtocolReader::readString,
            ContainerCodec.enumReader(Level::of));
    assertEquals(0, buf.readableBytes());
    // "c" maps to an unknown enum value, so its entry is dropped.
    assertEquals("{b=TOP, a=HIGH}", map.toString());
    assertEquals(Level.HIGH, map.get("a"));
    assertNull(map.get("c"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("d", Level.LOW));
    assertSame(map, OrderedCollections.copyMap(map));
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void readEmptyContainers(Protocol protocol) {
    ByteBuf buf = Unpooled.buffer();
    ProtocolWriter out = protocol.newWriter(buf);
    ContainerCodec.writeList(out, TType.STRING, List.of(), ProtocolWriter::writeString);
    ContainerCodec.writeMap(
        out,
        TType.STRING,
        TType.STRING,
        Map.of(),
        ProtocolWriter::writeString,
        ProtocolWriter::writeString);
    ProtocolReader in = protocol.newReader(buf);
    List<String> list = ContainerCodec.readList(in, TType.STRING, ProtocolReader::readString);
    assertEquals(List.of(), list);
    assertThrows(UnsupportedOperationException.class, list::clear);
    Map<String, String> map =
        ContainerCodec.readMap(
            in, TType.STRING, TType.STRING, ProtocolReader::readString, ProtocolReader::readString);
    assertEquals(Map.of(), map);
    assertNull(map.get("a"));
    assertEquals(0, buf.readableBytes());
  }

  /** An enum as generated code has it: {@link #of} returns null for values it does not know. */
  private enum Level implements ThriftEnum {
    LOW(1),
    HIGH(2),
    TOP(3);

    private final int value;

    Level(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }

    static Level of(int value) {
      return switch (value) {
        case 1 -> LOW;
        case 2 -> HIGH;
        case 3 -> TOP;
        default -> null;
      };
    }
  }
}
