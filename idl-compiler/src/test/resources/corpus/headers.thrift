#!/usr/bin/env thrift --gen java
// Headers: includes (relative, subdirectory, -I), namespaces of every shape, cpp_include.
include "shared.thrift"
include "nested/deep.thrift"
include 'library.thrift'

namespace java dev.skiff.corpus.headers
namespace * corpus.headers
namespace cpp corpus.headers
namespace cpp.noexist corpus_x
namespace noexist corpus_y
namespace py corpus.headers (py.ann = "1")
namespace xsd test (uri = 'http://skiff.dev/xsd')

cpp_include "<vector>"
cpp_include 'local.h'

const i32 LIMIT = shared.SHARED_LIMIT

typedef shared.Thing SharedThing

struct Uses {
  1: shared.Thing thing,
  2: deep.Depth depth,
  3: library.Book book,
  4: shared.Level level = shared.Level.HIGH,
  5: shared.Things things,
  6: SharedThing aliased
}

service Headers extends shared.BaseService {
  shared.Thing get(1: i64 id) throws (1: shared.SharedError error)
}

service Shelf extends library.Catalog {
}
