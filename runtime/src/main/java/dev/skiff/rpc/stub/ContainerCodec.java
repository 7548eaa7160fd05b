package dev.skiff.rpc.stub;

import dev.skiff.rpc.protocol.ListHeader;
import dev.skiff.rpc.protocol.MapHeader;
import dev.skiff.rpc.protocol.ProtocolReader;
import dev.skiff.rpc.protocol.ProtocolWriter;
import dev.skiff.rpc.protocol.TType;
import dev.skiff.rpc.protocol.ThriftStruct;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads and writes lists, sets and maps for generated code, so that a container field costs one
 * line there. Element readers and writers are method references such as {@code
 * ProtocolReader::readI32} or {@code Foo::read}; nested containers compose with {@link #listReader}
 * and friends.
 *
 * <p>Reading follows two rules that keep old and new peers interoperating:
 *
 * <ul>
 *   <li>An element that reads as {@code null} (an enum value unknown to this version of the IDL) is
 *       dropped; in a map, the entry is dropped.
 *   <li>A non-empty container whose element, key or value type on the wire differs from the
 *       declared one is skipped whole and reads as {@code null}, so the field it belongs to is left
 *       unset, just as a field whose own type differs is skipped.
 * </ul>
 *
 * <p>Containers read are immutable and keep the wire order; sets and maps keep the first position
 * of a repeated element or key.
 */
public final class ContainerCodec {
  private ContainerCodec() {}

  /**
   * Reads a list.
   *
   * @param in the reader positioned at the list header
   * @param elementType the declared element {@link TType}
   * @param element reads one element
   * @param <E> the element type
   * @return the list, or {@code null} when the wire element type differs from {@code elementType}
   */
  public static <E> List<E> readList(
      ProtocolReader in, byte elementType, ValueReader<? extends E> element) {
    ListHeader header = in.readListBegin();
    List<E> list = null;
    if (matches(header.size(), elementType, header.elementType())) {
      // An array that becomes the list's own: List.of or List.copyOf would copy it again.
      Object[] elements = new Object[header.size()];
      int count = 0;
      for (int i = 0; i < elements.length; i++) {
        E value = element.read(in);
        if (value != null) {
          elements[count++] = value;
        }
      }
      list = OrderedCollections.wrap(elements, count);
    } else {
      skip(in, header.size(), header.elementType());
    }
    in.readListEnd();
    return list;
  }

  /**
   * Reads a set.
   *
   * @param in the reader positioned at the set header
   * @param elementType the declared element {@link TType}
   * @param element reads one element
   * @param <E> the element type
   * @return the set, or {@code null} when the wire element type differs from {@code elementType}
   */
  public static <E> Set<E> readSet(
      ProtocolReader in, byte elementType, ValueReader<? extends E> element) {
    ListHeader header = in.readSetBegin();
    Set<E> set = null;
    if (matches(header.size(), elementType, header.elementType())) {
      LinkedHashSet<E> elements = new LinkedHashSet<>(capacity(header.size()));
      for (int i = 0; i < header.size(); i++) {
        E value = element.read(in);
        if (value != null) {
          elements.add(value);
        }
      }
      set = OrderedCollections.wrap(elements);
    } else {
      skip(in, header.size(), header.elementType());
    }
    in.readSetEnd();
    return set;
  }

  /**
   * Reads a map.
   *
   * @param in the reader positioned at the map header
   * @param keyType the declared key {@link TType}
   * @param valueType the declared value {@link TType}
   * @param key reads one key
   * @param value reads one value
   * @param <K> the key type
   * @param <V> the value type
   * @return the map, or {@code null} when a wire type differs from the declared one
   */
  public static <K, V> Map<K, V> readMap(
      ProtocolReader in,
      byte keyType,
      byte valueType,
      ValueReader<? extends K> key,
      ValueReader<? extends V> value) {
    MapHeader header = in.readMapBegin();
    Map<K, V> map = null;
    if (matches(header.size(), keyType, header.keyType())
        && matches(header.size(), valueType, header.valueType())) {
      OrderedCollections.OrderedMap<K, V> entries = OrderedCollections.newMap(header.size());
      for (int i = 0; i < header.size(); i++) {
        K k = key.read(in);
        V v = value.read(in);
        if (k != null && v != null) {
          entries.add(k, v);
        }
      }
      map = entries;
    } else {
      for (int i = 0; i < header.size(); i++) {
        in.skip(header.keyType());
        in.skip(header.valueType());
      }
    }
    in.readMapEnd();
    return map;
  }

  /**
   * Returns a reader of lists, for lists nested in containers.
   *
   * @param elementType the declared element {@link TType}
   * @param element reads one element
   * @param <E> the element type
   * @return a reader calling {@link #readList}
   */
  public static <E> ValueReader<List<E>> listReader(
      byte elementType, ValueReader<? extends E> element) {
    return in -> readList(in, elementType, element);
  }

  /**
   * Returns a reader of sets, for sets nested in containers.
   *
   * @param elementType the declared element {@link TType}
   * @param element reads one element
   * @param <E> the element type
   * @return a reader calling {@link #readSet}
   */
  public static <E> ValueReader<Set<E>> setReader(
      byte elementType, ValueReader<? extends E> element) {
    return in -> readSet(in, elementType, element);
  }

  /**
   * Returns a reader of maps, for maps nested in containers.
   *
   * @param keyType the declared key {@link TType}
   * @param valueType the declared value {@link TType}
   * @param key reads one key
   * @param value reads one value
   * @param <K> the key type
   * @param <V> the value type
   * @return a reader calling {@link #readMap}
   */
  public static <K, V> ValueReader<Map<K, V>> mapReader(
      byte keyType, byte valueType, ValueReader<? extends K> key, ValueReader<? extends V> value) {
    return in -> readMap(in, keyType, valueType, key, value);
  }

  /**
   * Returns a reader of enum values.
   *
   * @param findByValue the enum's {@code findByValue}, returning {@code null} for unknown values
   * @param <E> the enum type
   * @return a reader of an {@code i32} mapped through {@code findByValue}
   */
  public static <E extends ThriftEnum> ValueReader<E> enumReader(IntFunction<E> findByValue) {
    return in -> findByValue.apply(in.readI32());
  }

  /**
   * Writes a list.
   *
   * @param out the writer
   * @param elementType the element {@link TType}
   * @param list the elements
   * @param element writes one element
   * @param <E> the element type
   */
  public static <E> void writeList(
      ProtocolWriter out, byte elementType, List<E> list, ValueWriter<? super E> element) {
    int size = list.size();
    out.writeListBegin(elementType, size);
    if (list instanceof RandomAccess) {
      // Every list a struct holds: no iterator to make and walk.
      for (int i = 0; i < size; i++) {
        element.write(out, list.get(i));
      }
    } else {
      for (E value : list) {
        element.write(out, value);
      }
    }
    out.writeListEnd();
  }

  /**
   * Writes a set in its iteration order.
   *
   * @param out the writer
   * @param elementType the element {@link TType}
   * @param set the elements
   * @param element writes one element
   * @param <E> the element type
   */
  public static <E> void writeSet(
      ProtocolWriter out, byte elementType, Set<E> set, ValueWriter<? super E> element) {
    out.writeSetBegin(elementType, set.size());
    for (E value : set) {
      element.write(out, value);
    }
    out.writeSetEnd();
  }

  /**
   * Writes a map in its iteration order.
   *
   * @param out the writer
   * @param keyType the key {@link TType}
   * @param valueType the value {@link TType}
   * @param map the entries
   * @param key writes one key
   * @param value writes one value
   * @param <K> the key type
   * @param <V> the value type
   */
  public static <K, V> void writeMap(
      ProtocolWriter out,
      byte keyType,
      byte valueType,
      Map<K, V> map,
      ValueWriter<? super K> key,
      ValueWriter<? super V> value) {
    out.writeMapBegin(keyType, valueType, map.size());
    if (map instanceof OrderedCollections.OrderedMap<K, V> ordered) {
      // Every map a struct holds: its entries straight from its array, with no lambda capturing
      // out, key and value to make for each map.
      for (int i = 0; i < ordered.size(); i++) {
        key.write(out, ordered.keyAt(i));
        value.write(out, ordered.valueAt(i));
      }
    } else {
      // forEach, not entrySet: no entry object per entry.
      map.forEach(
          (k, v) -> {
            key.write(out, k);
            value.write(out, v);
          });
    }
    out.writeMapEnd();
  }

  /**
   * Returns a writer of lists, for lists nested in containers.
   *
   * @param elementType the element {@link TType}
   * @param element writes one element
   * @param <E> the element type
   * @return a writer calling {@link #writeList}
   */
  public static <E> ValueWriter<List<E>> listWriter(
      byte elementType, ValueWriter<? super E> element) {
    return (out, list) -> writeList(out, elementType, list, element);
  }

  /**
   * Returns a writer of sets, for sets nested in containers.
   *
   * @param elementType the element {@link TType}
   * @param element writes one element
   * @param <E> the element type
   * @return a writer calling {@link #writeSet}
   */
  public static <E> ValueWriter<Set<E>> setWriter(
      byte elementType, ValueWriter<? super E> element) {
    return (out, set) -> writeSet(out, elementType, set, element);
  }

  /**
   * Returns a writer of maps, for maps nested in containers.
   *
   * @param keyType the key {@link TType}
   * @param valueType the value {@link TType}
   * @param key writes one key
   * @param value writes one value
   * @param <K> the key type
   * @param <V> the value type
   * @return a writer calling {@link #writeMap}
   */
  public static <K, V> ValueWriter<Map<K, V>> mapWriter(
      byte keyType, byte valueType, ValueWriter<? super K> key, ValueWriter<? super V> value) {
    return (out, map) -> writeMap(out, keyType, valueType, map, key, value);
  }

  /**
   * Writes an enum constant as its {@code i32} value; a {@link ValueWriter} for enum elements.
   *
   * @param out the writer
   * @param value the constant
   */
  public static void writeEnum(ProtocolWriter out, ThriftEnum value) {
    out.writeI32(value.value());
  }

  /**
   * Writes a struct, union or exception; a {@link ValueWriter} for struct elements.
   *
   * @param out the writer
   * @param value the value
   */
  public static void writeStruct(ProtocolWriter out, ThriftStruct value) {
    value.write(out);
  }

  private static boolean matches(int size, byte declared, byte actual) {
    // The compact protocol writes no types for an empty container.
    return size == 0 || declared == actual;
  }

  private static void skip(ProtocolReader in, int size, byte type) {
    for (int i = 0; i < size; i++) {
      in.skip(type);
    }
  }

  private static int capacity(int size) {
    return size * 4 / 3 + 1;
  }
}
