// An unknown type, also inside containers.
struct Order {
  1: Customer customer,
  2: list<Item> items
}
