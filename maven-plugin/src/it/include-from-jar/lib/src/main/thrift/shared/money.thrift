namespace java lib.money

struct Money {
  1: required string currency
  2: required i64 cents
}
