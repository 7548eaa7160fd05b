include "helpers/cycle_back.thrift"

struct Front {
  1: i32 id
}
