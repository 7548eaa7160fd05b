// Several mistakes in one file: every one is reported.
struct Order {
  1: Customer customer,
  1: i32 count,
  2: i8 small = 1000
}

union Choice {
  1: required i32 number
}

service Shop extends Nowhere {
  oneway i32 buy(1: Order order)
}
