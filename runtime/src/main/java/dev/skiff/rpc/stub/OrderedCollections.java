package dev.skiff.rpc.stub;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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
  @SuppressWarnings("unchecked") // an OrderedList is immutable, so widening its type is safe
  public static <E> List<E> copyList(Collection<? extends E> list) {
    if (list instanceof OrderedList) {
      return (List<E>) list;
    }
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
    // The entries first, as the capacity: a concurrent map may hold more of them by the time they
    // are walked than its size said before.
    Object[] entries = map.entrySet().toArray();
    OrderedMap<K, V> copy = new OrderedMap<>(entries.length);
    for (Object element : entries) {
      Map.Entry<? extends K, ? extends V> entry = (Map.Entry<? extends K, ? extends V>) element;
      copy.add(
          requireNonNull(entry.getKey(), "map key"), requireNonNull(entry.getValue(), "map value"));
    }
    return copy;
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
    OrderedMap<K, V> map = new OrderedMap<>(entries.length);
    for (Map.Entry<? extends K, ? extends V> entry : entries) {
      map.add(
          requireNonNull(entry.getKey(), "map key"), requireNonNull(entry.getValue(), "map value"));
    }
    return map;
  }

  /** Wraps a set that the caller has just filled and hands over; no copy. */
  static <E> Set<E> wrap(LinkedHashSet<E> owned) {
    return new OrderedSet<>(owned);
  }

  /**
   * Returns an immutable list of the first {@code count} elements of an array that the caller has
   * just filled with non-null elements and hands over; no copy.
   */
  static <E> List<E> wrap(Object[] owned, int count) {
    return new OrderedList<>(owned, count);
  }

  /**
   * Returns an empty map that the caller fills with {@link OrderedMap#add} and then hands over as
   * immutable.
   *
   * @param capacity the most entries it will hold
   */
  static <K, V> OrderedMap<K, V> newMap(int capacity) {
    return new OrderedMap<>(capacity);
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
   * An immutable list over an array that nothing else references. {@link List#of} would copy the
   * array once more.
   */
  private static final class OrderedList<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] elements;
    private final int size;

    OrderedList(Object[] owned, int size) {
      this.elements = owned;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked") // only elements of type E are ever stored
    public E get(int index) {
      return (E) elements[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException(); // AbstractList's would pass on an empty list
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
      for (int i = 0; i < size; i++) {
        action.accept((E) elements[i]);
      }
    }
  }

  /**
   * An immutable map in insertion order, kept in two arrays instead of a LinkedHashMap's node per
   * entry: the keys and values side by side, and an open-addressing hash index into them, at most
   * half full. It is filled once with {@link #add} before anyone else sees it; from then on nothing
   * changes it, and {@link AbstractMap}'s mutators throw.
   */
  static final class OrderedMap<K, V> extends AbstractMap<K, V> {
    private static final Object[] NO_ENTRIES = {};
    private static final int[] NO_INDEX = {};

    /** Key i at 2i, its value at 2i + 1. */
    private final Object[] entries;

    /** For each slot, 1 + the number of the entry whose key hashes there, or 0 when free. */
    private final int[] index;

    private int size;

    // Like AbstractMap's keySet: made on first use; a racy second making yields an equal view.
    private Set<Map.Entry<K, V>> entrySet;

    OrderedMap(int capacity) {
      if (capacity == 0) {
        entries = NO_ENTRIES;
        index = NO_INDEX;
      } else {
        entries = new Object[capacity * 2];
        // The smallest power of two at least twice the capacity, so probes stay short.
        index = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
      }
    }

    /** Adds an entry; a key already present keeps its position and takes the new value. */
    void add(K key, V value) {
      int mask = index.length - 1;
      for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
        int entry = index[slot] - 1;
        if (entry < 0) {
          entries[2 * size] = key;
          entries[2 * size + 1] = value;
          index[slot] = ++size;
          return;
        }
        if (key.equals(entries[2 * entry])) {
          entries[2 * entry + 1] = value;
          return;
        }
      }
    }

    /** The key of entry {@code i}, for {@code 0 <= i < size()}. */
    @SuppressWarnings("unchecked") // only keys of type K are ever stored
    K keyAt(int i) {
      return (K) entries[2 * i];
    }

    /** The value of entry {@code i}, for {@code 0 <= i < size()}. */
    @SuppressWarnings("unchecked") // only values of type V are ever stored
    V valueAt(int i) {
      return (V) entries[2 * i + 1];
    }

    /** Returns the number of the entry whose key equals {@code key}, or -1. */
    private int find(Object key) {
      if (key == null || size == 0) {
        return -1;
      }
      int mask = index.length - 1;
      for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
        int entry = index[slot] - 1;
        if (entry < 0 || key.equals(entries[2 * entry])) {
          return entry;
        }
      }
    }

    private static int hash(Object key) {
      int h = key.hashCode();
      return h ^ (h >>> 16);
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean containsKey(Object key) {
      return find(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked") // only values of type V are ever stored
    public V get(Object key) {
      int entry = find(key);
      return entry < 0 ? null : (V) entries[2 * entry + 1];
    }

    @Override
    @SuppressWarnings("unchecked") // only keys of type K and values of type V are ever stored
    public void forEach(BiConsumer<? super K, ? super V> action) {
      for (int i = 0; i < size; i++) {
        action.accept((K) entries[2 * i], (V) entries[2 * i + 1]);
      }
    }

    // AbstractMap's clear and remove would reach the iterator only if there were something to
    // remove, so an empty map or a missing key would not throw.
    @Override
    public void clear() {
      throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
      Set<Map.Entry<K, V>> view = entrySet;
      if (view == null) {
        view = new EntrySet();
        entrySet = view;
      }
      return view;
    }

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          @SuppressWarnings("unchecked") // only keys of type K and values of type V are stored
          public Map.Entry<K, V> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>((K) entries[2 * i], (V) entries[2 * i + 1]);
          }
        };
      }
    }
  }
}
