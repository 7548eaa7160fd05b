include "missing.thrift"

struct Uses {
  1: i32 id
}
