namespace java dev.skiff.examples.kvstore

/** How many replicas must acknowledge a write (this example has one, so all levels agree). */
enum Consistency {
  ONE = 1,
  QUORUM = 2,
  ALL = 3
}

/** A stored value and what is known about it. */
struct Entry {
  1: required string key
  2: required binary value
  /** Milliseconds since the epoch after which the entry is gone; unset means never. */
  3: optional i64 expiresAtMillis
  4: map<string, string> tags = {}
}

exception KeyNotFound {
  1: string key
}

exception StoreFull {
  1: i64 capacity
}

/** A small in-memory key-value store. */
service KeyValue {
  /** The entry stored under key. */
  Entry get(1: string key) throws (1: KeyNotFound notFound)

  /** Stores an entry, replacing any under the same key. */
  void put(1: Entry entry, 2: Consistency consistency) throws (1: StoreFull full)

  /** Removes the entry under key; false if there was none. */
  bool remove(1: string key)

  /** The keys that start with prefix, in order. */
  list<string> keys(1: string prefix)

  /** The entries found under any of the keys; missing keys are left out. */
  map<string, Entry> getMany(1: set<string> keys)
}

/** Operations for the store's operator, served on the same port. */
service Admin {
  i64 size()
  oneway void clear()
}
