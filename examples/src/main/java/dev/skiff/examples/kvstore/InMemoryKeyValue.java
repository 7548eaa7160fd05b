package dev.skiff.examples.kvstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/** The store: a sorted concurrent map with a capacity. Thread-safe. */
public final class InMemoryKeyValue implements KeyValue {
  private final ConcurrentSkipListMap<String, Entry> entries = new ConcurrentSkipListMap<>();
  private final long capacity;

  public InMemoryKeyValue(long capacity) {
    this.capacity = capacity;
  }

  @Override
  public Entry get(String key) throws KeyNotFound {
    Entry entry = live(key);
    if (entry == null) {
      throw new KeyNotFound(key);
    }
    return entry;
  }

  @Override
  public void put(Entry entry, Consistency consistency) throws StoreFull {
    if (!entries.containsKey(entry.key()) && entries.size() >= capacity) {
      throw new StoreFull(capacity);
    }
    entries.put(entry.key(), entry);
  }

  @Override
  public boolean remove(String key) {
    return entries.remove(key) != null;
  }

  @Override
  public List<String> keys(String prefix) {
    return entries.tailMap(prefix).keySet().stream().takeWhile(k -> k.startsWith(prefix)).toList();
  }

  @Override
  public Map<String, Entry> getMany(Set<String> keys) {
    Map<String, Entry> found = new LinkedHashMap<>();
    for (String key : keys) {
      Entry entry = live(key);
      if (entry != null) {
        found.put(key, entry);
      }
    }
    return found;
  }

  long size() {
    return entries.size();
  }

  void clear() {
    entries.clear();
  }

  private Entry live(String key) {
    Entry entry = entries.get(key);
    if (entry != null
        && entry.expiresAtMillis() != null
        && entry.expiresAtMillis() <= System.currentTimeMillis()) {
      entries.remove(key, entry);
      return null;
    }
    return entry;
  }
}
