package dev.skiff.rpc.stub;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable copies of lists, sets and maps that keep their iteration order.
 *
 * <p>Generated structs hold their containers through these. Order matters because Thrift writes set
 * elements and map entries in iteration order, and the bytes of a value should not change from one
 * run to the next; {@link Set#copyOf} and {@link Map#copyOf} randomize their order per JVM, so they
 * are not used. Copies reject {@code null} elements, keys and values, as Thrift containers cannot
 * hold them. Copying a container that is already such a copy returns it unchanged.
 */
public final class OrderedCollections {
  private OrderedCollections() {}

  /**
   * Returns an immutable copy of {@code list}.
   *
   * @param list the list to copy, or {@code null}
   * @param <E> the element type
   * @return the copy, or {@code null} when {@code list} is {@code null}
   * @throws NullPointerException if an element is {@code null}
   */
  public static <E> List<E> copyList(Collection<? extends E> list) {
    return list == null ? null : List.copyOf(list);
  }

  /**
   * Returns an immutable copy of {@code set} that iterates in the order {@code set} does.
   *
   * @param set the set to copy, or {@code null}
   * @param <E> the element type
   * @return the copy, or {@code null} when {@code set} is {@code null}
   * @throws NullPointerException if an element is {@code null}
   */
  @SuppressWarnings("unchecked") // an OrderedSet is immutable, so widening its type is safe
  public static <E> Set<E> copySet(Collection<? extends E> set) {
    if (set == null) {
      return null;
    }
    if (set instanceof OrderedSet) {
      return (Set<E>) set;
    }
    LinkedHashSet<E> copy = new LinkedHashSet<>(set.size() * 4 / 3 + 1);
    for (E element : set) {
      copy.add(requireNonNull(element, "set element"));
    }
    return new OrderedSet<>(copy);
  }

  /**
   * Returns an immutable copy of {@code map} that iterates in the order {@code map} does.
   *
   * @param map the map to copy, or {@code null}
   * @param <K> the key type
   * @param <V> the value type
   * @return the copy, or {@code null} when {@code map} is {@code null}
   * @throws NullPointerException if a key or value is {@code null}
   */
  @SuppressWarnings("unchecked") // an OrderedMap is immutable, so widening its type is safe
  public static <K, V> Map<K, V> copyMap(Map<? extends K, ? extends V> map) {
    if (map == null) {
      return null;
    }
    if (map instanceof OrderedMap) {
      return (Map<K, V>) map;
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      copy.put(
          requireNonNull(entry.getKey(), "map key"), requireNonNull(entry.getValue(), "map value"));
    }
    return new OrderedMap<>(copy);
  }

  /**
   * Returns an immutable set of {@code elements} in the order given; a repeated element keeps its
   * first position.
   *
   * @param elements the elements
   * @param <E> the element type
   * @return the set
   * @throws NullPointerException if an element is {@code null}
   */
  @SafeVarargs
  public static <E> Set<E> setOf(E... elements) {
    return copySet(List.of(elements));
  }

  /**
   * Returns an immutable map of {@code entries} in the order given; a repeated key keeps its first
   * position and its last value.
   *
   * @param entries the entries, typically made with {@link Map#entry}
   * @param <K> the key type
   * @param <V> the value type
   * @return the map
   * @throws NullPointerException if a key or value is {@code null}
   */
  @SafeVarargs
  public static <K, V> Map<K, V> mapOf(Map.Entry<? extends K, ? extends V>... entries) {
    LinkedHashMap<K, V> map = new LinkedHashMap<>(entries.length * 4 / 3 + 1);
    for (Map.Entry<? extends K, ? extends V> entry : entries) {
      map.put(
          requireNonNull(entry.getKey(), "map key"), requireNonNull(entry.getValue(), "map value"));
    }
    return new OrderedMap<>(map);
  }

  /** Wraps a set that the caller has just filled and hands over; no copy. */
  static <E> Set<E> wrap(LinkedHashSet<E> owned) {
    return new OrderedSet<>(owned);
  }

  /** Wraps a map that the caller has just filled and hands over; no copy. */
  static <K, V> Map<K, V> wrap(LinkedHashMap<K, V> owned) {
    return new OrderedMap<>(owned);
  }

  /** An unmodifiable view of a LinkedHashSet that nothing else references. */
  private static final class OrderedSet<E> extends AbstractSet<E> {
    private final Set<E> elements;

    OrderedSet(LinkedHashSet<E> owned) {
      this.elements = Collections.unmodifiableSet(owned);
    }

    @Override
    public Iterator<E> iterator() {
      return elements.iterator();
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public boolean contains(Object o) {
      return elements.contains(o);
    }
  }

  /**
   * An unmodifiable map over a LinkedHashMap that nothing else references. Lookups and {@code
   * forEach} go straight to it; the unmodifiable view that keeps its entries from being changed is
   * made on the first call of {@link #entrySet}, so a map that is only looked up or walked with
   * {@code forEach} costs one object less.
   */
  private static final class OrderedMap<K, V> extends AbstractMap<K, V> {
    private final LinkedHashMap<K, V> entries;

    // Like AbstractMap's keySet: made on first use; a racy second making yields an equal view.
    private Set<Map.Entry<K, V>> entrySet;

    OrderedMap(LinkedHashMap<K, V> owned) {
      this.entries = owned;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      Set<Map.Entry<K, V>> view = entrySet;
      if (view == null) {
        view = Collections.unmodifiableMap(entries).entrySet();
        entrySet = view;
      }
      return view;
    }

    @Override
    public int size() {
      return entries.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }

    @Override
    public V get(Object key) {
      return entries.get(key);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
      entries.forEach(action);
    }
  }
}
