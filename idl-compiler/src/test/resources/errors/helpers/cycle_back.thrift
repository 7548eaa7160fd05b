include "../include_cycle.thrift"

struct Back {
  1: i32 id
}
