namespace java app.orders
include "shared/money.thrift"

struct Order {
  1: required string id
  2: required money.Money total
}
