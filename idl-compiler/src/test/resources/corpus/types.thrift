// Types: every base type Apache 0.17 knows (uuid is in modern.thrift), containers, cpp_type,
// annotations on types, typedefs of typedefs, forward references, recursive structs.
namespace java dev.skiff.corpus.types

typedef i32 Count (units = "items")
typedef Count Total
typedef map<string, list<Total>> Histogram
typedef Forward Later

struct AllBase {
  1: bool flag,
  2: byte small,
  3: i8 tiny,
  4: i16 shorty,
  5: i32 medium,
  6: i64 large,
  7: double ratio,
  8: string text,
  9: binary blob
}

struct Containers {
  1: list<i32> numbers,
  2: set<string> names,
  3: map<string, i64> totals,
  4: list<list<set<i16>>> nested,
  5: map<Forward, list<map<i8, Later>>> deep,
  6: list<i32> cpp_type "std::deque<int>" deque,
  7: set cpp_type "std::unordered_set<std::string>" <string> hashed,
  8: map cpp_type "std::unordered_map<int, int>" <i32, i32> hashmap,
  9: list<string (java.type = "CharSequence")> (java.list = "ArrayList") annotated,
  10: i64 (js.type = "BigInt") annotatedBase,
  11: Histogram histogram,
  12: Total total
}

/** Declared after its first use. */
struct Forward {
  1: i32 value
}

/** A recursive struct. */
struct Tree {
  1: string label,
  2: list<Tree> children,
  3: optional Tree & parent
}

/** Mutually recursive structs. */
struct Ping {
  1: optional Pong pong
}

struct Pong {
  1: optional Ping ping,
  2: map<string, Ping> pings
}
