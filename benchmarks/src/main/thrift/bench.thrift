// The benchmarks' IDL. Skiff's Maven plugin generates Skiff's side from this file; the build
// copies it, rewrites the `namespace java` line to dev.skiff.bench.libthrift, and runs Apache
// Thrift's compiler on the copy for libthrift's side. Nothing else differs between the two.
namespace java dev.skiff.bench.gen

/** What every RPC benchmark calls: the payload comes back unchanged. */
service Bench {
  binary echo(1: binary payload)
}

enum Status {
  PENDING = 1,
  PAID = 2,
  SHIPPED = 3,
  CANCELLED = 4
}

/** A line of an order: the nested struct in the codec benchmark's list. */
struct Item {
  1: i64 sku
  2: string name
  3: i32 quantity
  4: double price
}

/**
 * The codec benchmark's representative struct: a dozen scalar and string fields, a nested list of
 * structs and a map.
 */
struct Order {
  1: i64 id
  2: i32 version
  3: i16 priority
  4: byte flags
  5: bool gift
  6: double total
  7: string customer
  8: string email
  9: binary signature
  10: Status status
  11: optional string note
  12: i64 createdAtMillis
  13: list<Item> items
  14: map<string, string> attributes
}
